import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchPrints } from '../../../src/extract/engine/match-prints.js';
import { matchRules, type RuleMatch } from '../../../src/extract/engine/match.js';
import { loadRuleSet } from '../../../src/extract/engine/ruleset.js';
import { normalizeText } from '../../../src/normalize/text.js';
import { proseSentences } from '../../../src/segment/prose.js';

const DEV = 'test/fixtures/dev/texts';
const rules = loadRuleSet('rules').rules;
const text = normalizeText(readFileSync(join(DEV, readdirSync(DEV)[0]!), 'utf8'));
const found = matchRules(rules, text, proseSentences(text));
const printsWith = (change: (m: RuleMatch) => RuleMatch) => matchPrints(found.map((m, i) => (i === 0 ? change(m) : m)));

describe('match prints', () => {
  it('give each matched rule 16 hex digits, the same for the same matches', () => {
    const prints = matchPrints(found);
    expect(Object.keys(prints).sort()).toEqual([...new Set(found.map((m) => m.rule.id))].sort());
    for (const p of Object.values(prints)) expect(p).toMatch(/^[0-9a-f]{16}$/);
    expect(matchPrints(found.map((m) => ({ ...m, groups: { ...m.groups } })))).toEqual(prints);
  });

  it('change with a span, a group or what the rule sets, and only for that rule', () => {
    const id = found[0]!.rule.id;
    const before = matchPrints(found);
    const changes: ((m: RuleMatch) => RuleMatch)[] = [
      (m) => ({ ...m, end: m.end + 1 }),
      (m) => ({ ...m, sentence: m.sentence + 1 }),
      (m) => ({ ...m, groups: { ...m.groups, extra: { text: 'x', start: m.start, end: m.start + 1 } } }),
      (m) => ({ ...m, rule: { ...m.rule, priority: m.rule.priority + 1 } }),
      (m) => ({ ...m, rule: { ...m.rule, set: { ...m.rule.set, status: 'proposed' } } }),
    ];
    for (const change of changes) {
      const after = printsWith(change);
      expect(after[id]).not.toBe(before[id]);
      expect({ ...after, [id]: null }).toEqual({ ...before, [id]: null });
    }
  });
});
