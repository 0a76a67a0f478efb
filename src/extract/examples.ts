import { isDeepStrictEqual } from 'node:util';
import { normalizeText } from '../normalize/text.js';
import { splitSentences } from '../segment/sentences.js';
import type { Candidate } from './candidates.js';
import type { FieldValue, Rule, RuleExample } from './engine/rules.js';
import type { Grammar } from './grammar.js';
import { extractCandidates } from './index.js';
import { clusterNumber } from './parsers/cluster-number.js';

/** A candidate as plain fields, the shape a rule example's `expect` is written in. */
export function exampleView(g: Grammar, c: Candidate): Record<string, FieldValue> {
  const cluster = c.clusterSpan ? clusterNumber(c.clusterSpan.text, g.lexicon('NUMBER_WORD')) ?? c.clusterSpan.text : null;
  const common = { cluster, year: c.year };
  switch (c.fact) {
    case 'cluster':
      return { key: c.key, label: c.label, scope: c.scope, year: c.year };
    case 'event':
      return { ...common, kind: c.kind, strength: c.strength };
    case 'date':
      return { day: c.day, month: c.month, year: c.year };
    case 'place':
      return { place: c.place };
    case 'member':
      return { ...common, units: c.units.map((u) => u.text) };
    case 'chair':
      return { ...common, unit: c.unit.text };
    case 'handover':
      return { ...common, from: c.from?.text ?? null, to: c.to.text };
    case 'official':
      return { name: c.name, rank: c.rank, titles: c.titles.map((t) => t.text) };
    case 'award':
      return { ...common, award: c.award, counts: c.counts, recipient: c.recipient, units: c.units.map((u) => u.text), status: c.status };
  }
}

/** Whether `actual` has every field of `expected` (objects inside lists are compared the same way). */
function fits(expected: FieldValue, actual: FieldValue): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => fits(e, actual[i]!));
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, v]) => fits(v, (actual as Record<string, FieldValue>)[k] ?? null));
  }
  return isDeepStrictEqual(expected, actual);
}

export interface ExampleFailure {
  rule: Rule;
  example: RuleExample;
  got: Record<string, FieldValue>[];
}

/** Runs one rule on its examples' texts (normalized and split as articles are) and lists the examples it fails. */
export function checkExamples(g: Grammar, rule: Rule): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  for (const example of rule.examples) {
    const text = normalizeText(example.text);
    const got = extractCandidates(g, text, splitSentences(text), [rule]).map((c) => exampleView(g, c));
    const ok = got.length === example.expect.length && example.expect.every((e, i) => fits(e, got[i]!));
    if (!ok) failures.push({ rule, example, got });
  }
  return failures;
}
