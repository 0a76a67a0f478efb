import type Database from 'better-sqlite3';

// Apart from database.ts, which opens a file and applies the schema's migrations: the store's modules,
// a migration's own code among them, prepare their statements here without importing the migrations.

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The statement for `sql`, prepared once per connection. Being shared, a
 * statement got here must not be switched to pluck, raw or expand mode, unless
 * every caller of that SQL switches it the same way.
 */
export function statement(db: Database.Database, sql: string): Database.Statement {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}
