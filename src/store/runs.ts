import type Database from 'better-sqlite3';
import type { InputFault } from '../types.js';
import { statement } from './database.js';

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
