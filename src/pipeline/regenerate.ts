import type Database from 'better-sqlite3';
import { changeBetween, type RuleSetChange } from '../extract/engine/manifest.js';
import { matchPrints } from '../extract/engine/match-prints.js';
import { matchRules } from '../extract/engine/match.js';
import { lookupKey } from '../extract/engine/lexicon.js';
import type { RuleSet } from '../extract/engine/ruleset.js';
import type { Rule } from '../extract/engine/rules.js';
import { proseSentences } from '../segment/prose.js';
import { statement } from '../store/database.js';
import { datasetOf, extractionsBy, latestVersions, publishedRun } from '../store/datasets.js';
import { loadManifest } from '../store/rulesets.js';

/** What a run must do so that every article has an extraction valid for the current rule set. */
export interface RegenerationPlan {
  /**
   * Extractions still valid, by article version: made by this rule set (this run's new articles included),
   * or unaffected by the change. With the extractions of `redo` once written, every latest version's.
   */
  keep: Map<number, number>;
  /** Article versions to read again from their stored text. */
  redo: number[];
}

/**
 * Compares the rule set each published extraction was made with to the current one (manifest.ts) and
 * keeps every extraction the change cannot affect. An article is read again only if a changed rule's
 * matches in it differ from those it had (the extraction keeps a fingerprint of each rule's matches, so
 * only the changed rules run here), or if it contains a lexicon form that was added, removed or changed.
 * Any change to the code or the macros affects all.
 */
export function planRegeneration(db: Database.Database, rules: () => RuleSet, ruleset: string): RegenerationPlan {
  const made = extractionsBy(db, ruleset);
  const published = publishedRun(db);
  const dataset = published === null ? new Map() : datasetOf(db, published);
  const changes = new Map<string, { change: RuleSetChange; rules: Rule[] }>();
  const changeSince = (old: string) => {
    let known = changes.get(old);
    if (!known) {
      const before = loadManifest(db, old);
      const now = loadManifest(db, ruleset);
      const change: RuleSetChange = before && now ? changeBetween(before, now) : { full: true, reason: `rule set ${old} is not recorded` };
      known = { change, rules: change.full ? [] : rules().rules.filter((r) => change.rules.has(r.id)) };
      changes.set(old, known);
    }
    return known;
  };
  const textOf = statement(db, 'SELECT text FROM articles WHERE key = ?');
  const plan: RegenerationPlan = { keep: new Map(), redo: [] };
  for (const key of latestVersions(db)) {
    const own = made.get(key);
    const entry = dataset.get(key);
    if (own !== undefined) plan.keep.set(key, own);
    else if (!entry) plan.redo.push(key);
    else {
      const { change, rules: changed } = changeSince(entry.ruleset);
      const { text } = textOf.get(key) as { text: string };
      if (change.full || affected(text, entry.matchedRules, change, changed)) plan.redo.push(key);
      else plan.keep.set(key, entry.extractionId);
    }
  }
  return plan;
}

function affected(
  text: string,
  before: Readonly<Record<string, string | null>>,
  change: Extract<RuleSetChange, { full: false }>,
  changedRules: Rule[],
): boolean {
  if (change.forms.size > 0) {
    const folded = lookupKey(text);
    for (const form of change.forms) if (folded.includes(form)) return true;
  }
  const current = new Set(changedRules.map((r) => r.id));
  // A removed rule changes the article if it matched; a fingerprint not recorded cannot be compared.
  for (const id of change.rules) if (id in before && (!current.has(id) || before[id] === null)) return true;
  // `requires` is a necessary condition in every sentence, so in the whole text too: a rule that fails
  // it matches nothing now, which is a change only where it matched before.
  const toRun = changedRules.filter((r) => !r.requires || r.requires.test(text));
  if (changedRules.some((r) => !toRun.includes(r) && r.id in before)) return true;
  if (toRun.length === 0) return false;
  const now = matchPrints(matchRules(toRun, text, proseSentences(text)));
  return toRun.some((r) => now[r.id] !== before[r.id]);
}
