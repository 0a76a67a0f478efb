/**
 * Regeneration after a rule change (issue 4): a copy of a corpus's clean database is regenerated with a
 * copy of rules/ in which one rule file was edited, then with the edit reverted, for two edits:
 * - a rewrite: the first pattern of awards.yaml written differently with the same meaning (its matches
 *   stay, so no article's facts can change);
 * - a narrowing: award.counts_commended no longer reads words between "được" and "khen thưởng" ("được
 *   các cấp khen thưởng"), which changes the facts of every article that phrases its counts so.
 * Measured for each: the rerun's time against the first run's, what was read again, how many articles'
 * facts changed, and whether the reverted run gives back the original facts exactly (sorted exports).
 */
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { differingLines, removeDatabase, sortedExport } from './kill-test.js';
import { measurePipeline } from './measure.js';

const RULE_FILE = join('patterns', 'awards.yaml');
const EDITS = [
  { name: 'rewrite', description: 'first pattern prefixed with (?:), same matches', from: "pattern: '", to: "pattern: '(?:)" },
  {
    name: 'narrowing',
    description: 'award.counts_commended without the words between "được" and "khen thưởng"',
    from: String.raw`được\s+(?:[^.;]{0,40}?\s)?(?:khen thưởng`,
    to: String.raw`được\s+(?:khen thưởng`,
  },
];

export interface EditResult {
  name: string;
  edit: string;
  changedSeconds: number;
  /** The summary line of the rerun after the edit: how many articles were read again and kept. */
  changedSummary: string;
  /** Articles whose exported facts the edit changed. */
  articlesChanged: number;
  revertedSeconds: number;
  revertedSummary: string;
  /** Lines of the exports before the edit and after the revert that differ (0: the same facts). */
  differingLines: number;
}

export interface RegenerationResult {
  firstSeconds: number;
  edits: EditResult[];
}

export async function measureRegeneration(corpus: { dir: string; count: number; bytes: number }, cleanDb: string, workDb: string, firstSeconds: number): Promise<RegenerationResult> {
  removeDatabase(workDb);
  copyFileSync(cleanDb, workDb);
  if (existsSync(`${cleanDb}-wal`)) copyFileSync(`${cleanDb}-wal`, `${workDb}-wal`);
  const scratch = mkdtempSync(join(tmpdir(), 'thidua-bench-rules-'));
  const rules = join(scratch, 'rules');
  const rerun = () => measurePipeline(corpus.dir, workDb, corpus.count, corpus.bytes, ['--rules', rules]);
  try {
    cpSync(new URL('../rules', import.meta.url).pathname, rules, { recursive: true });
    const file = join(rules, RULE_FILE);
    const original = readFileSync(file, 'utf8');
    const before = await sortedExport(workDb);
    const edits: EditResult[] = [];
    for (const e of EDITS) {
      if (!original.includes(e.from)) throw new Error(`${RULE_FILE} no longer contains the text the "${e.name}" edit changes: ${e.from}`);
      writeFileSync(file, original.replace(e.from, e.to));
      const changed = await rerun();
      const articlesChanged = changedArticles(before, await sortedExport(workDb));
      writeFileSync(file, original);
      const reverted = await rerun();
      edits.push({
        name: e.name,
        edit: `${RULE_FILE}: ${e.description}`,
        changedSeconds: changed.seconds,
        changedSummary: readAgainLine(changed.summary),
        articlesChanged,
        revertedSeconds: reverted.seconds,
        revertedSummary: readAgainLine(reverted.summary),
        differingLines: differingLines(before, await sortedExport(workDb)),
      });
    }
    return { firstSeconds, edits };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Articles whose export line is not the same on both sides (a changed article has a line on each). */
function changedArticles(before: string[], after: string[]): number {
  const idOf = (line: string) => (JSON.parse(line) as { article: string }).article;
  const a = new Set(before);
  const b = new Set(after);
  return new Set([...before.filter((l) => !b.has(l)), ...after.filter((l) => !a.has(l))].map(idOf)).size;
}

const readAgainLine = (summary: string): string => summary.split('\n').find((l) => l.includes('read again'))?.trim() ?? '';
