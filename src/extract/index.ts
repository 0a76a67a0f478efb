import type { Candidate } from './candidates.js';
import { matchRules, resolveOverlaps, type RuleMatch, type TextSpan } from './engine/match.js';
import type { Rule } from './engine/rules.js';
import type { Grammar } from './grammar.js';
import { interpret } from './interpret.js';

export type { Candidate } from './candidates.js';

/**
 * Runs the rules over each sentence, reads every match into a candidate, and
 * keeps, among candidates of one fact type that overlap, the one the overlap
 * policy prefers (see `resolveOverlaps`). Candidates come out in text order. The ids of the rules that
 * matched at all, kept or not, are added to `matched`: a rule that did not match cannot have changed the
 * result, which is what lets a regeneration skip the articles an edited rule never matches.
 */
export function extractCandidates(
  g: Grammar,
  text: string,
  sentences: readonly TextSpan[],
  rules: readonly Rule[] = g.ruleSet.rules,
  matched?: Set<string>,
): Candidate[] {
  const read = new Map<RuleMatch, Candidate>();
  for (const m of matchRules(rules, text, sentences)) {
    matched?.add(m.rule.id);
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
