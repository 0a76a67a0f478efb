import type Database from 'better-sqlite3';
import { statement } from './statements.js';

/**
 * Patterns found free of exponential backtracking, by hash (extract/engine/verdict.ts): the analysis takes
 * about a second for the whole rule set, and after an edit only the patterns that changed need it again.
 */
export function knownSafePatterns(db: Database.Database): Set<string> {
  return new Set((statement(db, 'SELECT hash FROM safe_patterns').all() as { hash: string }[]).map((r) => r.hash));
}

export function rememberSafe(db: Database.Database, hashes: readonly string[]): void {
  const insert = statement(db, 'INSERT OR IGNORE INTO safe_patterns (hash) VALUES (?)');
  for (const hash of hashes) insert.run(hash);
}
