import type Database from 'better-sqlite3';
import { statement } from './statements.js';

/** One article version's extraction in a dataset. */
export interface DatasetEntry {
  articleKey: number;
  extractionId: number;
  ruleset: string;
}

/** The run whose dataset the views show, or null before the first publication. */
export function publishedRun(db: Database.Database): number | null {
  const row = statement(db, 'SELECT run_id FROM published WHERE id = 1').get() as { run_id: number } | undefined;
  return row?.run_id ?? null;
}

/**
 * The extractions in run `runId`'s dataset, by article version (key). Without their matched rules (see
 * `matchedRulesOf`), read only for the articles a rule change concerns: for 100,000 articles they took
 * more memory than a run's thread is given.
 */
export function datasetOf(db: Database.Database, runId: number): Map<number, DatasetEntry> {
  const rows = statement(
    db,
    `SELECT e.article_key, e.id, e.ruleset FROM datasets d JOIN extractions e ON e.id = d.extraction_id WHERE d.run_id = ?`,
  ).all(runId) as { article_key: number; id: number; ruleset: string }[];
  return new Map(rows.map((r) => [r.article_key, { articleKey: r.article_key, extractionId: r.id, ruleset: r.ruleset }]));
}

/**
 * The rules that matched an article's text when extraction `extractionId` read it, with the fingerprint of
 * their matches (see ProcessedArticle.matchedRules); null for a rule whose fingerprint was not recorded (a
 * database written before fingerprints kept only the ids).
 */
export function matchedRulesOf(db: Database.Database, extractionId: number): Record<string, string | null> {
  const { matched_rules: json } = statement(db, 'SELECT matched_rules FROM extractions WHERE id = ?').get(extractionId) as { matched_rules: string };
  const stored = JSON.parse(json) as string[] | Record<string, string>;
  return Array.isArray(stored) ? Object.fromEntries(stored.map((id) => [id, null])) : stored;
}

/** The extractions made by rule set `ruleset`, by article version (those of a run that was killed included). */
export function extractionsBy(db: Database.Database, ruleset: string): Map<number, number> {
  const rows = statement(db, 'SELECT article_key, id FROM extractions WHERE ruleset = ?').all(ruleset) as { article_key: number; id: number }[];
  return new Map(rows.map((r) => [r.article_key, r.id]));
}

/** The key of every article's latest version: what a new dataset is made of. */
export function latestVersions(db: Database.Database): number[] {
  return (statement(db, 'SELECT max(key) AS key FROM articles GROUP BY id ORDER BY id').all() as { key: number }[]).map((r) => r.key);
}

/**
 * Makes `extractionIds` run `runId`'s dataset and publishes it, in one transaction: a reader sees the
 * previous dataset whole until the commit, then this one whole. A dataset equal to the published one is
 * not published again (returns false): history keeps changes, not repetitions. Then keeps the datasets of the last
 * `keep` runs only, and deletes what no kept dataset uses and no later run can reuse: extractions (and
 * their facts) by other rule sets than the current one, and article versions that are not the latest.
 */
export function publishDataset(db: Database.Database, runId: number, extractionIds: readonly number[], opts: { keep: number; ruleset: string }): boolean {
  return db.transaction(() => {
    const previous = publishedRun(db);
    if (previous !== null && sameSet(datasetIds(db, previous), extractionIds)) return false;
    const add = statement(db, 'INSERT INTO datasets (run_id, extraction_id) VALUES (?, ?)');
    for (const id of extractionIds) add.run(runId, id);
    statement(db, 'INSERT INTO published (id, run_id, published_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET run_id = excluded.run_id, published_at = excluded.published_at').run(
      runId,
      new Date().toISOString(),
    );
    statement(
      db,
      `DELETE FROM datasets WHERE run_id NOT IN (SELECT DISTINCT run_id FROM datasets ORDER BY run_id DESC LIMIT ?)`,
    ).run(Math.max(1, opts.keep));
    statement(
      db,
      `DELETE FROM extractions WHERE ruleset <> ? AND NOT EXISTS (SELECT 1 FROM datasets d WHERE d.extraction_id = extractions.id)`,
    ).run(opts.ruleset);
    statement(
      db,
      `DELETE FROM articles WHERE key NOT IN (SELECT max(key) FROM articles GROUP BY id)
       AND NOT EXISTS (SELECT 1 FROM extractions e JOIN datasets d ON d.extraction_id = e.id WHERE e.article_key = articles.key)`,
    ).run();
    return true;
  }).immediate();
}

function datasetIds(db: Database.Database, runId: number): number[] {
  return (statement(db, 'SELECT extraction_id FROM datasets WHERE run_id = ?').all(runId) as { extraction_id: number }[]).map((r) => r.extraction_id);
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/** The run whose dataset to read: `run` if its dataset is kept, else the published one; an error naming what there is. */
export function datasetRun(db: Database.Database, run?: number): number {
  if (run === undefined) {
    const published = publishedRun(db);
    if (published === null) throw new Error('the database has no published dataset yet (thidua run publishes one)');
    return published;
  }
  const kept = (statement(db, 'SELECT DISTINCT run_id FROM datasets ORDER BY run_id').all() as { run_id: number }[]).map((r) => r.run_id);
  if (!kept.includes(run)) throw new Error(`run ${run} has no kept dataset (kept: ${kept.join(', ') || 'none'})`);
  return run;
}
