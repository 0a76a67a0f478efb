import type Database from 'better-sqlite3';
import { statement } from './statements.js';

/** An input file as a run saw it: a later run skips it while its size and modification time stay the same. */
export interface InputRecord {
  path: string;
  size: number;
  mtimeMs: number;
  /** Documents and faults it gave. */
  documents: number;
  faults: number;
}

/** Whether `path` was read whole by an earlier run and has not changed since. */
export function inputUnchanged(db: Database.Database, input: { path: string; size: number; mtimeMs: number }): boolean {
  const row = statement(db, 'SELECT size, mtime_ms FROM inputs WHERE path = ?').get(input.path) as { size: number; mtime_ms: number } | undefined;
  return row !== undefined && row.size === input.size && row.mtime_ms === input.mtimeMs;
}

/** Records an input read whole; call in the transaction that stores its last document. */
export function recordInput(db: Database.Database, runId: number, input: InputRecord): void {
  statement(
    db,
    `INSERT INTO inputs (path, size, mtime_ms, run_id, documents, faults) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, run_id = excluded.run_id,
       documents = excluded.documents, faults = excluded.faults`,
  ).run(input.path, input.size, input.mtimeMs, runId, input.documents, input.faults);
}
