import type Database from 'better-sqlite3';
import { changeBetween, type RuleSetChange } from '../extract/engine/manifest.js';
import { matchPrints } from '../extract/engine/match-prints.js';
import { matchRules, type TextSpan } from '../extract/engine/match.js';
import { storedMatches, unpackMatches, type StoredMatch } from '../extract/engine/stored-matches.js';
import { lookupKey } from '../extract/engine/lexicon.js';
import type { RuleSet } from '../extract/engine/ruleset.js';
import type { Rule } from '../extract/engine/rules.js';
import { proseSentences } from '../segment/prose.js';
import type { Span } from '../segment/sentences.js';
import { statement } from '../store/statements.js';
import { datasetOf, extractionsBy, type DatasetEntry, latestVersions, matchedRulesOf, publishedRun } from '../store/datasets.js';
import { extractionMatches, extractionSentences } from '../store/read.js';
import { loadManifest } from '../store/rulesets.js';
import type { GivenReading } from './process.js';

/** What a run must do so that every article has an extraction valid for the current rule set. */
export interface RegenerationPlan {
  /**
   * Extractions still valid, by article version: made by this rule set (this run's new articles included),
   * or unaffected by the change. Filled as `redo` is gone through: whole once it has been to its end.
   * With the extractions of `redo` once written, every latest version's.
   */
  keep: Map<number, number>;
  /**
   * Article versions to read again from their stored text, found one at a time as the plan goes through
   * the stored articles, so that the first are read again while it goes on (planning 10,000 news pages
   * took over a second, with the workers idle).
   */
  redo: Iterable<Redo>;
}

/**
 * An article version to read again. With `reuse`, only rules changed: the rules that did not change give
 * the matches stored with extraction `from`, the changed ones their matches now (`fresh`), found in its
 * stored `sentences` (null for an extraction stored without them), and no rule runs again; without it,
 * every rule runs.
 */
export interface Redo {
  key: number;
  reuse: { from: number; changed: ReadonlySet<string>; fresh: StoredMatch[]; sentences: Span[] | null } | null;
}

/**
 * Compares the rule set each published extraction was made with to the current one (manifest.ts) and
 * keeps every extraction the change cannot affect. An article is read again only if a changed rule's
 * matches in it differ from those it had (the extraction keeps a fingerprint of each rule's matches, so
 * only the changed rules run here), or if it contains a lexicon form that was added, removed or changed.
 * Any change to the code or the macros affects all.
 */
export function planRegeneration(db: Database.Database, rules: () => RuleSet, ruleset: string): RegenerationPlan {
  const keep = new Map<number, number>();
  return { keep, redo: articlesToRedo(db, rules, ruleset, keep) };
}

function* articlesToRedo(db: Database.Database, rules: () => RuleSet, ruleset: string, keep: Map<number, number>): Generator<Redo> {
  const made = extractionsBy(db, ruleset);
  const published = publishedRun(db);
  const dataset = published === null ? new Map<number, DatasetEntry>() : datasetOf(db, published);
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
  for (const key of latestVersions(db)) {
    const own = made.get(key);
    const entry = dataset.get(key);
    if (own !== undefined) keep.set(key, own);
    else if (!entry) yield { key, reuse: null };
    else {
      const { change, rules: changed } = changeSince(entry.ruleset);
      if (change.full) {
        yield { key, reuse: null };
        continue;
      }
      const { text } = textOf.get(key) as { text: string };
      // Read once, when the changed rules run or the article is read again with their matches.
      let stored: Span[] | null | undefined;
      const storedSentences = () => (stored === undefined ? (stored = extractionSentences(db, entry.extractionId)) : stored);
      const effect = effectOn(text, matchedRulesOf(db, entry.extractionId), change, changed, () => storedSentences() ?? proseSentences(text));
      if (effect === 'none') keep.set(key, entry.extractionId);
      else if (effect === 'all') yield { key, reuse: null };
      else yield { key, reuse: { from: entry.extractionId, changed: change.rules, fresh: effect.fresh, sentences: storedSentences() } };
    }
  }
}

/**
 * What to give the worker for `redo`: the stored matches of the rules that did not change and the changed
 * rules' matches now, with the stored sentences (the code is the one that found them); undefined when
 * every rule must run (or the extraction has no matches stored).
 */
export function givenReading(db: Database.Database, redo: Redo): GivenReading | undefined {
  if (!redo.reuse) return undefined;
  const { from, changed, fresh, sentences } = redo.reuse;
  const packed = extractionMatches(db, from);
  if (!packed || !sentences) return undefined;
  return { matches: [...unpackMatches(packed).filter(([rule]) => !changed.has(rule)), ...fresh], sentences };
}

/**
 * What a rule change does to one article: nothing, a change through the changed rules only (with their
 * matches now), or one that needs every rule run again (a changed lexicon form occurs in the text, or a
 * changed rule's earlier matches have no fingerprint to compare).
 */
function effectOn(
  text: string,
  before: Readonly<Record<string, string | null>>,
  change: Extract<RuleSetChange, { full: false }>,
  changedRules: Rule[],
  sentences: () => readonly TextSpan[],
): 'none' | 'all' | { fresh: StoredMatch[] } {
  if (change.forms.size > 0) {
    const folded = lookupKey(text);
    for (const form of change.forms) if (folded.includes(form)) return 'all';
  }
  for (const id of change.rules) if (before[id] === null) return 'all';
  // `requires` is a necessary condition in every sentence, so in the whole text too: a rule that fails
  // it matches nothing now. A removed rule matches nothing either.
  // The same array for every article: the engine builds the rules' literal scanner once per array.
  const matches = changedRules.some((r) => !r.requires || r.requires.test(text)) ? matchRules(changedRules, text, sentences()) : [];
  const now = matchPrints(matches);
  for (const id of change.rules) if (now[id] !== before[id]) return { fresh: storedMatches(matches) };
  return 'none';
}
