import type { Candidate } from './candidates.js';
import { matchRules, resolveOverlaps, type RuleMatch, type TextSpan } from './engine/match.js';
import type { Rule } from './engine/rules.js';
import type { Grammar } from './grammar.js';
import { interpret } from './interpret.js';

export type { Candidate } from './candidates.js';

/** Runs the rules over each sentence and reads the matches into candidates (see `readMatches`). */
export function extractCandidates(g: Grammar, text: string, sentences: readonly TextSpan[], rules: readonly Rule[] = g.ruleSet.rules): Candidate[] {
  return readMatches(g, matchRules(rules, text, sentences));
}

/**
 * Reads every match into a candidate and keeps, among candidates of one fact type that overlap, the one
 * the overlap policy prefers (see `resolveOverlaps`). Candidates come out in text order.
 */
export function readMatches(g: Grammar, matches: readonly RuleMatch[]): Candidate[] {
  const read = new Map<RuleMatch, Candidate>();
  for (const m of matches) {
    const c = interpret(g, m);
    if (c) read.set(m, c);
  }
  return resolveOverlaps([...read.keys()], ruleOrder(g)).map((m) => read.get(m)!);
}

const orders = new WeakMap<Grammar, Map<string, number>>();
function ruleOrder(g: Grammar): Map<string, number> {
  let order = orders.get(g);
  if (!order) {
    order = new Map(g.ruleSet.rules.map((r, i) => [r.id, i]));
    orders.set(g, order);
  }
  return order;
}
