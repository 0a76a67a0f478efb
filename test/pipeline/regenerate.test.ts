import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.js';
import { diffDatasets } from '../../src/query/diff.js';
import { exportArticles, type ExportedArticle } from '../../src/query/export.js';
import { openDatabase } from '../../src/store/database.js';

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
const dataset = (run?: number): ExportedArticle[] => {
  const conn = openDatabase(db);
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

  it('reads again the articles an edited pattern matched before or matches now', async () => {
    // A pattern that means the same, written differently: the facts stay, but the rule counts as changed.
    edit('patterns/awards.yaml', "pattern: '", "pattern: '(?:)");
    const summary = await run();
    expect(summary.regenerated).toBeGreaterThan(0);
    expect(summary.regenerated).toBeLessThan(original.length);
    expect(dataset()).toEqual(original);
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
