import { normalizeText } from '../normalize/text.js';
import { splitSentences } from '../segment/sentences.js';
import type { Candidate } from './candidates.js';
import type { TextSpan } from './engine/match.js';
import type { Rule } from './engine/rules.js';
import type { Grammar } from './grammar.js';
import { extractCandidates } from './index.js';

/** A text ready for the rules: normalized and split into sentences, as an article is. */
export interface PreparedText {
  text: string;
  sentences: TextSpan[];
}

export function prepareText(raw: string): PreparedText {
  const text = normalizeText(raw);
  return { text, sentences: splitSentences(text) };
}

/** What became of one rule's candidates once the whole rule set ran. */
export interface RuleOutcome {
  /** Candidates the rule reads when it runs alone. */
  alone: number;
  /** Its candidates that the overlap policy keeps when every rule runs. */
  kept: number;
  /** The rules whose candidates took the place of this rule's, and how often. */
  takenBy: Map<string, number>;
}

/**
 * Runs each of `rules` alone and then the whole rule set over the texts, to
 * see which rules lose their candidates to others under the overlap policy.
 */
export function ruleOutcomes(g: Grammar, texts: Iterable<PreparedText>, rules: readonly Rule[] = g.ruleSet.rules): Map<string, RuleOutcome> {
  const outcomes = new Map(rules.map((r) => [r.id, { alone: 0, kept: 0, takenBy: new Map<string, number>() }]));
  for (const { text, sentences } of texts) {
    const all = extractCandidates(g, text, sentences);
    for (const c of all) {
      const outcome = outcomes.get(c.rule);
      if (outcome) outcome.kept++;
    }
    for (const rule of rules) {
      const outcome = outcomes.get(rule.id)!;
      for (const c of extractCandidates(g, text, sentences, [rule])) {
        outcome.alone++;
        if (all.some((k) => k.rule === rule.id && sameSpan(k, c))) continue;
        for (const winner of all.filter((k) => k.fact === c.fact && overlaps(k, c))) {
          outcome.takenBy.set(winner.rule, (outcome.takenBy.get(winner.rule) ?? 0) + 1);
        }
      }
    }
  }
  return outcomes;
}

/** A rule whose candidates all lose to other rules' (it read some, and none is kept). */
export const isShadowed = (o: RuleOutcome): boolean => o.alone > 0 && o.kept === 0;

const sameSpan = (a: Candidate, b: Candidate): boolean => a.span.start === b.span.start && a.span.end === b.span.end;
const overlaps = (a: Candidate, b: Candidate): boolean => a.span.start < b.span.end && b.span.start < a.span.end;
