import type { Rule } from './rules.js';

export interface TextSpan {
  start: number;
  end: number;
}

/** A named group's text and its span in the whole article text. */
export interface Capture extends TextSpan {
  text: string;
}

export interface RuleMatch extends TextSpan {
  rule: Rule;
  /** Index of the sentence the match lies in. */
  sentence: number;
  groups: Record<string, Capture>;
}

/** The field a named group fills: its name without a numeric suffix ("year_2" fills "year"). */
export const fieldOf = (group: string): string => group.replace(/_\d+$/, '');

/**
 * Every match of every rule, sentence by sentence and in rule order within a sentence; offsets index `text`.
 * The loops run rule by rule: one rule's machine code over all the sentences before the next rule's
 * (51 large compiled regexes, taken in turn per sentence, kept evicting each other from the CPU's caches).
 */
export function matchRules(rules: readonly Rule[], text: string, sentences: readonly TextSpan[]): RuleMatch[] {
  const slices = sentences.map((s) => text.slice(s.start, s.end));
  const found: { match: RuleMatch; rule: number }[] = [];
  rules.forEach((rule, ruleIndex) => {
    const re = rule.regex;
    slices.forEach((slice, sentence) => {
      if (rule.requires && !rule.requires.test(slice)) return;
      const offset = sentences[sentence]!.start;
      re.lastIndex = 0;
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const groups: Record<string, Capture> = {};
        for (const [name, range] of Object.entries(m.indices?.groups ?? {})) {
          // "year_2" is a second place for "year" (a regex cannot name two groups alike): the first that matched wins.
          const field = fieldOf(name);
          if (range && !groups[field]) groups[field] = { text: slice.slice(range[0], range[1]), start: offset + range[0], end: offset + range[1] };
        }
        found.push({ match: { rule, sentence, start: offset + m.index, end: offset + m.index + m[0].length, groups }, rule: ruleIndex });
      }
    });
  });
  // Back to sentence order (a stable sort keeps each rule's matches in text order).
  return found.sort((a, b) => a.match.sentence - b.match.sentence || a.rule - b.rule).map((f) => f.match);
}

/**
 * The overlap policy: among matches of the same fact type that overlap, the
 * higher `priority` wins, then the longer match, then the earlier one, then the
 * rule that comes first in the rule files. Matches of different fact types
 * never compete. The result is in text order.
 */
export function resolveOverlaps(matches: readonly RuleMatch[], ruleOrder: ReadonlyMap<string, number>): RuleMatch[] {
  const byFact = new Map<string, RuleMatch[]>();
  for (const m of matches) {
    const list = byFact.get(m.rule.fact) ?? [];
    list.push(m);
    byFact.set(m.rule.fact, list);
  }
  const kept: RuleMatch[] = [];
  for (const list of byFact.values()) {
    const ranked = [...list].sort(
      (a, b) =>
        b.rule.priority - a.rule.priority ||
        b.end - b.start - (a.end - a.start) ||
        a.start - b.start ||
        (ruleOrder.get(a.rule.id) ?? 0) - (ruleOrder.get(b.rule.id) ?? 0),
    );
    const taken: RuleMatch[] = [];
    for (const m of ranked) if (!taken.some((t) => t.start < m.end && m.start < t.end)) taken.push(m);
    kept.push(...taken);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
