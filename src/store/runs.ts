import type Database from 'better-sqlite3';
import type { InputFault } from '../types.js';
import { statement } from './statements.js';

export interface RunInfo {
  /** Hash of the extraction rules the run used. */
  rulesHash: string;
  codeVersion: string;
  /** The input paths the run was given. */
  inputs: string[];
}

/** Records the start of a pipeline run; returns its id, which saveArticle and recordFault take. */
export function beginRun(db: Database.Database, info: RunInfo): number {
  const { lastInsertRowid } = statement(
    db,
    'INSERT INTO runs (started_at, rules_hash, code_version, inputs) VALUES (?, ?, ?, ?)',
  ).run(new Date().toISOString(), info.rulesHash, info.codeVersion, JSON.stringify(info.inputs));
  return Number(lastInsertRowid);
}

/** Records the end of a run and what it counted (articles stored, duplicates, faults, …). */
export function finishRun(db: Database.Database, runId: number, counts: Record<string, number>): void {
  const { changes } = statement(db, 'UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?').run(
    new Date().toISOString(),
    JSON.stringify(counts),
    runId,
  );
  if (changes === 0) throw new Error(`no run ${runId} to finish`);
}

/** Records an input that run `runId` could not read. */
export function recordFault(db: Database.Database, runId: number, fault: InputFault): void {
  try {
    statement(db, 'INSERT INTO faults (run_id, source, record, reason) VALUES (?, ?, ?, ?)').run(
      runId,
      fault.source,
      fault.record,
      fault.reason,
    );
  } catch (cause) {
    throw new Error(`cannot record fault of run ${runId} for ${fault.source}`, { cause });
  }
}

/** A run as `thidua runs` lists it. */
export interface RunRecord {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  ruleset: string;
  codeVersion: string;
  inputs: string[];
  counts: Record<string, number> | null;
  /** Articles in the run's dataset while it is kept (null when the run published none, or it was pruned). */
  datasetArticles: number | null;
  published: boolean;
}

/** Every run, oldest first. */
export function listRuns(db: Database.Database): RunRecord[] {
  const rows = statement(
    db,
    `SELECT r.id, r.started_at, r.finished_at, r.rules_hash, r.code_version, r.inputs, r.counts,
       (SELECT count(*) FROM datasets d WHERE d.run_id = r.id) AS articles,
       (SELECT count(*) FROM published p WHERE p.run_id = r.id) AS published
     FROM runs r ORDER BY r.id`,
  ).all() as {
    id: number; started_at: string; finished_at: string | null; rules_hash: string; code_version: string;
    inputs: string; counts: string | null; articles: number; published: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    ruleset: r.rules_hash,
    codeVersion: r.code_version,
    inputs: JSON.parse(r.inputs) as string[],
    counts: r.counts ? (JSON.parse(r.counts) as Record<string, number>) : null,
    datasetArticles: r.articles > 0 ? r.articles : null,
    published: r.published > 0,
  }));
}
