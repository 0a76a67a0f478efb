import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.js';
import { diffDatasets } from '../../src/query/diff.js';
import { exportArticles, type ExportedArticle } from '../../src/query/export.js';
import { openDatabase } from '../../src/store/database.js';
import { FACT_TYPES } from '../../src/types.js';
import { matchRules } from '../../src/extract/engine/match.js';
import { loadRuleSet } from '../../src/extract/engine/ruleset.js';
import { normalizeText } from '../../src/normalize/text.js';
import { proseSentences } from '../../src/segment/prose.js';

// A rule author's loop on a copy of the rules: edit, regenerate, read the diff, revert.
const DEV = 'test/fixtures/dev/texts';
let dir: string;
let rules: string;
let db: string;

const edit = (file: string, from: string, to: string) => {
  const path = join(rules, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};
const run = () => runPipeline([join(dir, 'texts')], { db, rulesDir: rules, threads: 0 });
const dataset = (run?: number, file = db): ExportedArticle[] => {
  const conn = openDatabase(file);
  try {
    return [...exportArticles(conn, { withText: true, ...(run !== undefined ? { run } : {}) })];
  } finally {
    conn.close();
  }
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-regen-'));
  rules = join(dir, 'rules');
  db = join(dir, 'thidua.db');
  cpSync('rules', rules, { recursive: true });
  cpSync(DEV, join(dir, 'texts'), { recursive: true });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('regenerating after a rule change', () => {
  let original: ExportedArticle[];
  let first: number;

  beforeAll(async () => {
    first = (await run()).runId;
    original = dataset();
  });

  /** The articles of the original dataset with a fact whose rule and evidence pass `test`. */
  const originalWith = (test: (rule: string, evidence: string) => boolean): Set<string> =>
    new Set(
      original
        .filter((a) => FACT_TYPES.some((type) => a[type].some((f) => test(f.evidence.rule, a.text!.slice(f.evidence.start, f.evidence.end)))))
        .map((a) => a.article),
    );

  it('reads again only the articles a changed lexicon form occurs in, and the diff shows exactly what it did', async () => {
    edit('lexicons/ranks.yaml', '  - Thượng tá\n', '');
    const summary = await run();
    const withForm = readdirSync(join(dir, 'texts')).filter((f) => readFileSync(join(dir, 'texts', f), 'utf8').toLowerCase().includes('thượng tá'));
    expect(summary.regenerated).toBe(withForm.length);
    expect(summary.kept).toBe(original.length - withForm.length);
    expect(summary.read).toBe(0);
    const report = diffDatasets(original, dataset());
    expect(report.added).toEqual([]);
    expect(report.removed.map((f) => [f.article, f.type, f.rule])).toEqual([
      ['dev-inv-04', 'chairs', 'chair.from_head_title'],
      ['dev-inv-04', 'officials', 'official.rank_name'],
    ]);
    expect(report.removed[1]!.sentence).toContain('«Thượng tá Nguyễn Văn Khải»');
  });

  it('gives back exactly the original facts when the change is reverted', async () => {
    edit('lexicons/ranks.yaml', '  - Trung tá\n', '  - Thượng tá\n  - Trung tá\n');
    await run();
    expect(dataset()).toEqual(original);
    // The first run's dataset is still kept, and equal.
    expect(dataset(first)).toEqual(original);
  });

  it('reads nothing again when only a description changes', async () => {
    edit('patterns/officials.yaml', 'description: ', 'description: (edited) ');
    const summary = await run();
    expect(summary.regenerated).toBe(0);
    expect(summary.published).toBe(false);
  });

  it('reads nothing again when an edited pattern still matches exactly what it matched', async () => {
    // A pattern that means the same, written differently: the rule counts as changed and runs on every
    // article, but its matches keep their fingerprints, so no article is read again.
    edit('patterns/awards.yaml', "pattern: '", "pattern: '(?:)");
    const summary = await run();
    expect(summary.regenerated).toBe(0);
    expect(summary.kept).toBe(original.length);
    expect(dataset()).toEqual(original);
  });

  it('reads again exactly the articles whose matches an edited pattern changed', async () => {
    // award.counts_commended stops reading words between "được" and "khen thưởng" ("được các cấp, các
    // ngành khen thưởng"): only the articles where it matched such words are read again, and only the
    // facts read from those matches change.
    const wordsBetween = (span: string) => /được\s+(?!khen)/u.test(span);
    const rule = loadRuleSet('rules').rules.find((r) => r.id === 'award.counts_commended')!;
    const matchedWords = readdirSync(join(dir, 'texts')).filter((f) => {
      const text = normalizeText(readFileSync(join(dir, 'texts', f), 'utf8'));
      return matchRules([rule], text, proseSentences(text)).some((m) => wordsBetween(text.slice(m.start, m.end)));
    });
    const factsWithWords = originalWith((r, evidence) => r === rule.id && wordsBetween(evidence));
    expect(factsWithWords.size).toBeGreaterThan(0);
    expect(matchedWords.length).toBeLessThan(original.length);
    const wide = String.raw`được\s+(?:[^.;]{0,40}?\s)?(?:khen thưởng`;
    const narrow = String.raw`được\s+(?:khen thưởng`;
    edit('patterns/awards.yaml', wide, narrow);
    const summary = await run();
    // Only the changed rule ran again, the others' matches were read back: the facts are those of a
    // database built from scratch with the edited rules.
    const clean = join(dir, 'clean.db');
    await runPipeline([join(dir, 'texts')], { db: clean, rulesDir: rules, threads: 0 });
    expect(dataset()).toEqual(dataset(undefined, clean));
    edit('patterns/awards.yaml', narrow, wide);
    expect(summary.regenerated).toBe(matchedWords.length);
    const report = diffDatasets(original, dataset());
    expect(new Set([...report.removed, ...report.added, ...report.changed.map((c) => c.after)].map((f) => f.article))).toEqual(factsWithWords);
    expect((await run()).regenerated).toBe(matchedWords.length);
    expect(dataset()).toEqual(original);
  });

  it('reads again every article a rule matches when what it sets changes, even with the same matches', async () => {
    const matching = originalWith((rule) => rule === 'award.counts_commended');
    expect(matching.size).toBeGreaterThan(0);
    edit('patterns/awards.yaml', "  - id: award.counts_commended\n    fact: award\n", "  - id: award.counts_commended\n    fact: award\n    priority: 1\n");
    const summary = await run();
    edit('patterns/awards.yaml', '    priority: 1\n', '');
    expect(summary.regenerated).toBeGreaterThanOrEqual(matching.size);
  });

  it('reads everything again when a macro changes', async () => {
    edit('macros.yaml', "description: A word character of any script.", "description: A word character.\n    pattern: '[\\p{L}\\p{N}]'\n  - name: UNUSED_HERE\n    description: unused.");
    const summary = await run();
    expect(summary.regenerated).toBe(original.length);
    expect(dataset()).toEqual(original);
  });
});

describe('thidua diff between two databases', () => {
  it('reports exactly an article removed and what a changed lexicon entry did', async () => {
    const base = mkdtempSync(join(tmpdir(), 'thidua-diff-'));
    try {
      const texts = join(base, 'texts');
      const changedRules = join(base, 'rules');
      cpSync(DEV, texts, { recursive: true });
      cpSync('rules', changedRules, { recursive: true });
      const before = join(base, 'before.db');
      await runPipeline([texts], { db: before, threads: 0 });
      rmSync(join(texts, 'dev-inv-05.txt'));
      const ranks = join(changedRules, 'lexicons', 'ranks.yaml');
      writeFileSync(ranks, readFileSync(ranks, 'utf8').replace('  - Thượng tá\n', ''));
      const after = join(base, 'after.db');
      await runPipeline([texts], { db: after, rulesDir: changedRules, threads: 0 });
      const read = (db: string) => {
        const conn = openDatabase(db);
        try {
          return [...exportArticles(conn, { withText: true })];
        } finally {
          conn.close();
        }
      };
      const old = read(before);
      const report = diffDatasets(old, read(after));
      const removedArticle = old.find((a) => a.article === 'dev-inv-05')!;
      const factsOf = (a: ExportedArticle) => a.events.length + a.clusters.length + a.members.length + a.chairs.length + a.handovers.length + a.officials.length + a.awards.length;
      expect(report.articles).toEqual({ added: {}, removed: { 'dev-inv-05': factsOf(removedArticle) } });
      expect(report.added).toEqual([]);
      expect(report.changed).toEqual([]);
      expect(report.removed.map((f) => `${f.article} ${f.type} ${f.rule}`)).toEqual(['dev-inv-04 chairs chair.from_head_title', 'dev-inv-04 officials official.rank_name']);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }, 60_000);
});
