/**
 * Regeneration after a rule change (issue 4): a copy of a corpus's clean database is regenerated with a
 * copy of rules/ in which one rule file was edited, then with the edit reverted. Measured: the time of
 * each rerun against the first run's, what was read again, and whether the reverted run gives back the
 * original facts exactly (sorted exports compared line by line).
 */
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { differingLines, removeDatabase, sortedExport } from './kill-test.js';
import { measurePipeline } from './measure.js';

/** The edit: the first rule of awards.yaml gets a pattern that means the same, written differently (so it counts as changed). */
const RULE_FILE = join('patterns', 'awards.yaml');
const EDIT = { from: "pattern: '", to: "pattern: '(?:)" };

export interface RegenerationResult {
  edit: string;
  firstSeconds: number;
  changedSeconds: number;
  /** The summary line of the rerun after the edit: how many articles were read again and kept. */
  changedSummary: string;
  revertedSeconds: number;
  revertedSummary: string;
  /** Lines of the exports before the edit and after the revert that differ (0: the same facts). */
  differingLines: number;
}

export async function measureRegeneration(corpus: { dir: string; count: number; bytes: number }, cleanDb: string, workDb: string, firstSeconds: number): Promise<RegenerationResult> {
  removeDatabase(workDb);
  copyFileSync(cleanDb, workDb);
  if (existsSync(`${cleanDb}-wal`)) copyFileSync(`${cleanDb}-wal`, `${workDb}-wal`);
  const scratch = mkdtempSync(join(tmpdir(), 'thidua-bench-rules-'));
  const rules = join(scratch, 'rules');
  try {
    cpSync(new URL('../rules', import.meta.url).pathname, rules, { recursive: true });
    const file = join(rules, RULE_FILE);
    const original = readFileSync(file, 'utf8');
    const before = await sortedExport(workDb);
    writeFileSync(file, original.replace(EDIT.from, EDIT.to));
    const changed = await measurePipeline(corpus.dir, workDb, corpus.count, corpus.bytes, ['--rules', rules]);
    writeFileSync(file, original);
    const reverted = await measurePipeline(corpus.dir, workDb, corpus.count, corpus.bytes, ['--rules', rules]);
    const after = await sortedExport(workDb);
    return {
      edit: `${RULE_FILE}: first pattern prefixed with (?:)`,
      firstSeconds,
      changedSeconds: changed.seconds,
      changedSummary: readAgainLine(changed.summary),
      revertedSeconds: reverted.seconds,
      revertedSummary: readAgainLine(reverted.summary),
      differingLines: differingLines(before, after),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const readAgainLine = (summary: string): string => summary.split('\n').find((l) => l.includes('read again'))?.trim() ?? '';
