import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, MIGRATIONS_TABLE, type Migration } from './schema.js';

/**
 * Opens (creating if need be) the dataset at `path` and brings its schema up to date. `onUpgrade` hears of
 * each step about to be applied to a file that had a schema already (a step can take a while on a large file).
 */
export function openDatabase(path: string, opts: { onUpgrade?: (step: Migration) => void } = {}): Database.Database {
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (cause) {
    throw new Error(`cannot open database ${path}`, { cause });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, opts.onUpgrade);
  } catch (cause) {
    db.close();
    throw new Error(`cannot prepare database ${path}`, { cause });
  }
  return db;
}

/** A line telling the user that `path` is being upgraded by `step`. */
export function upgradeNotice(path: string, step: Migration): string {
  return `upgrading ${path} to schema ${step.version} (${step.name}); once per file, and a while for a large one`;
}

/**
 * Applies the migration steps not yet recorded in schema_migrations, each in its
 * own write transaction, so that two processes opening one new file don't both apply a step.
 */
function migrate(db: Database.Database, onUpgrade: ((step: Migration) => void) | undefined): void {
  db.exec(MIGRATIONS_TABLE);
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const newest = db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number | null;
  const known = MIGRATIONS.at(-1)?.version ?? 0;
  if (newest !== null && newest > known) {
    throw new Error(`schema version ${newest} is newer than this code knows (${known})`);
  }
  for (const step of MIGRATIONS) {
    db.transaction(() => {
      if (isApplied.get(step.version)) return;
      if (newest !== null) onUpgrade?.(step);
      db.exec(step.sql);
      step.after?.(db);
      record.run(step.version, step.name, new Date().toISOString());
    }).immediate();
  }
}
