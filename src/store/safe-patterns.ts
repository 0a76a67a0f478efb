import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { statement } from './database.js';

/**
 * Regexes found free of exponential backtracking, by hash of flags and source: the analysis takes about
 * a second for the whole rule set, and after an edit only the patterns that changed need it again.
 */
export function isKnownSafe(db: Database.Database, re: RegExp): boolean {
  return statement(db, 'SELECT 1 FROM safe_patterns WHERE hash = ?').get(patternHash(re)) !== undefined;
}

export function rememberSafe(db: Database.Database, re: RegExp): void {
  statement(db, 'INSERT OR IGNORE INTO safe_patterns (hash) VALUES (?)').run(patternHash(re));
}

function patternHash(re: RegExp): string {
  return createHash('sha256').update(`${re.flags}/${re.source}`).digest('hex').slice(0, 32);
}
