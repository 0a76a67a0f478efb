import type Database from 'better-sqlite3';
import { changeBetween, type RuleSetChange } from '../extract/engine/manifest.js';
import { matchRules } from '../extract/engine/match.js';
import { lookupKey } from '../extract/engine/lexicon.js';
import type { RuleSet } from '../extract/engine/ruleset.js';
import type { Rule } from '../extract/engine/rules.js';
import { splitSentences } from '../segment/sentences.js';
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
 * keeps every extraction the change cannot affect: an article is read again only if a changed rule
 * matched it before (its extraction lists the rules that matched) or matches it now, or if it contains
 * a lexicon form that was added, removed or changed. Any change to the code or the macros affects all.
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

function affected(text: string, matchedBefore: readonly string[], change: Extract<RuleSetChange, { full: false }>, changedRules: Rule[]): boolean {
  if (matchedBefore.some((id) => change.rules.has(id))) return true;
  if (change.forms.size > 0) {
    const folded = lookupKey(text);
    for (const form of change.forms) if (folded.includes(form)) return true;
  }
  // `requires` is a necessary condition in every sentence, so in the whole text too: most articles stop here.
  const candidates = changedRules.filter((r) => !r.requires || r.requires.test(text));
  return candidates.length > 0 && matchRules(candidates, text, splitSentences(text)).length > 0;
}
