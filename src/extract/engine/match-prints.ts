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

/** What a rule's interpretation depends on besides its matches, as a string (one per rule). */
const ruleKeys = new WeakMap<RuleMatch['rule'], string>();

function printOf(matches: readonly RuleMatch[]): string {
  const rule = matches[0]!.rule;
  let key = ruleKeys.get(rule);
  if (key === undefined) ruleKeys.set(rule, (key = JSON.stringify([rule.fact, rule.set, rule.priority])));
  const h = new Hash64();
  h.text(key);
  for (const m of matches) {
    h.number(m.sentence).number(m.start).number(m.end);
    for (const field in m.groups) h.text(field).number(m.groups[field]!.start).number(m.groups[field]!.end);
    h.number(-1);
  }
  return h.hex();
}

/**
 * A 64-bit hash fed with numbers and strings (each string led by its length, so that no two sequences
 * read alike): two multiplicative lanes, cyrb53's scheme with both lanes kept. Not cryptographic (nothing
 * here is adversarial); a SHA-256 of the matches as JSON cost four times as much. A collision would need
 * two match lists of one rule in one article to agree on 64 bits by chance.
 */
class Hash64 {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  number(n: number): this {
    this.h1 = Math.imul(this.h1 ^ n, 2654435761);
    this.h2 = Math.imul(this.h2 ^ n, 1597334677);
    return this;
  }

  text(s: string): this {
    this.number(s.length);
    for (let i = 0; i < s.length; i++) this.number(s.charCodeAt(i));
    return this;
  }

  hex(): string {
    const h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507) ^ Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    const h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
  }
}
