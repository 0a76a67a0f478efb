import type Database from 'better-sqlite3';
import type { RuleSetManifest } from '../extract/engine/manifest.js';
import { statement } from './statements.js';

/**
 * Records the manifest of a rule set (once per id), so that a later regeneration can compare with it, and
 * that `sources` (a hash of the rules folder's files and the code version) make this rule set.
 */
export function saveRuleset(db: Database.Database, id: string, manifest: RuleSetManifest, sources: string): void {
  statement(db, 'INSERT OR IGNORE INTO rulesets (id, manifest) VALUES (?, ?)').run(id, JSON.stringify(manifest));
  statement(db, 'INSERT OR REPLACE INTO ruleset_sources (sources, ruleset) VALUES (?, ?)').run(sources, id);
}

/** The rule set that these very sources made before: lets a run skip compiling the rules when nothing changed. */
export function rulesetOfSources(db: Database.Database, sources: string): string | null {
  const row = statement(db, 'SELECT ruleset FROM ruleset_sources WHERE sources = ?').get(sources) as { ruleset: string } | undefined;
  return row?.ruleset ?? null;
}

export function loadManifest(db: Database.Database, id: string): RuleSetManifest | null {
  const row = statement(db, 'SELECT manifest FROM rulesets WHERE id = ?').get(id) as { manifest: string } | undefined;
  return row ? (JSON.parse(row.manifest) as RuleSetManifest) : null;
}
