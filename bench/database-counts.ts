/**
 * Counts read straight from a thidua database, read-only (so that a look at a database left by a killed run
 * does not recover it before the rerun does). Null where the database or its table cannot be read.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

export function storedArticles(path: string): number | null {
  return count(path, 'SELECT count(*) AS n FROM articles');
}

/** Stories: syndicated copies of one article grouped under one story. */
export function storedStories(path: string): number | null {
  return count(path, 'SELECT count(DISTINCT story) AS n FROM articles');
}

function count(path: string, sql: string): number | null {
  if (!existsSync(path)) return null;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(sql).get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}
