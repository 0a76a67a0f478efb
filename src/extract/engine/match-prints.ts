import { createHash } from 'node:crypto';
import type { RuleMatch } from './match.js';

/**
 * Rule id → fingerprint of what that rule contributed to an article: its matches (spans and groups) and
 * what its interpretation depends on besides them (fact type, `set`, `priority`). Rules without a match
 * are absent. A regeneration re-runs a changed rule and compares: an equal fingerprint means the rule
 * gives the article exactly the candidates it gave before, so the article's facts cannot have changed
 * through it (the early cut-off of incremental builds).
 */
export type MatchPrints = Record<string, string>;

export function matchPrints(matches: readonly RuleMatch[]): MatchPrints {
  const byRule = new Map<string, RuleMatch[]>();
  for (const m of matches) {
    const list = byRule.get(m.rule.id);
    if (list) list.push(m);
    else byRule.set(m.rule.id, [m]);
  }
  const prints: MatchPrints = {};
  for (const id of [...byRule.keys()].sort()) prints[id] = printOf(byRule.get(id)!);
  return prints;
}

function printOf(matches: readonly RuleMatch[]): string {
  const { fact, set, priority } = matches[0]!.rule;
  const spans = matches.map((m) => [m.sentence, m.start, m.end, Object.entries(m.groups).map(([name, g]) => [name, g.start, g.end])]);
  return createHash('sha256').update(JSON.stringify([fact, set, priority, spans])).digest('hex').slice(0, 16);
}
