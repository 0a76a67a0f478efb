import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Capture, RuleMatch } from './match.js';
import type { Rule } from './rules.js';

/**
 * An extraction's rule matches as stored with it, so that a regeneration after a rule edit runs only the
 * changed rules and reads the other rules' matches back instead of running them again. A match is
 * [rule id, sentence index, start, end, [[field, start, end], ...]]; offsets index the stored text, which
 * gives back each capture's text. Stored as deflated JSON (about 50 matches per news article).
 */
export type StoredMatch = [rule: string, sentence: number, start: number, end: number, groups: [string, number, number][]];

export function storedMatches(matches: readonly RuleMatch[]): StoredMatch[] {
  return matches.map((m) => [m.rule.id, m.sentence, m.start, m.end, Object.entries(m.groups).map(([field, g]) => [field, g.start, g.end])]);
}

/**
 * zlib's fastest level: on 3,000 generated articles' matches (1.25 KB of JSON each) 26 µs and 42 % of
 * the JSON, against 41 µs and 40 % at the default level.
 */
export function packMatches(matches: readonly StoredMatch[]): Uint8Array {
  return deflateRawSync(JSON.stringify(matches), { level: 1 });
}

export function unpackMatches(packed: Uint8Array): StoredMatch[] {
  return JSON.parse(inflateRawSync(packed).toString('utf8')) as StoredMatch[];
}

/**
 * Stored matches back as rule matches of the current rules, in the order `matchRules` gives (sentence,
 * then rule order, then text order), which the overlap policy's ties depend on. A match of a rule the
 * current rules do not have is an error: the caller leaves out the rules that changed.
 */
export function restoreMatches(stored: readonly StoredMatch[], rules: readonly Rule[], text: string): RuleMatch[] {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const restored = stored.map(([id, sentence, start, end, groups]) => {
    const at = index.get(id);
    if (at === undefined) throw new Error(`a stored match names rule ${id}, which the current rules do not have`);
    const captures: Record<string, Capture> = {};
    for (const [field, s, e] of groups) captures[field] = { text: text.slice(s, e), start: s, end: e };
    return { at, match: { rule: rules[at]!, sentence, start, end, groups: captures } };
  });
  return restored.sort((a, b) => a.match.sentence - b.match.sentence || a.at - b.at || a.match.start - b.match.start).map((r) => r.match);
}
