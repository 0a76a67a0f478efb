import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchPrints } from '../../../src/extract/engine/match-prints.js';
import { matchRules } from '../../../src/extract/engine/match.js';
import { loadRuleSet } from '../../../src/extract/engine/ruleset.js';
import { packMatches, restoreMatches, storedMatches, unpackMatches } from '../../../src/extract/engine/stored-matches.js';
import { normalizeText } from '../../../src/normalize/text.js';
import { proseSentences } from '../../../src/segment/prose.js';

const DEV = 'test/fixtures/dev/texts';
const rules = loadRuleSet('rules').rules;

describe('stored matches', () => {
  it('give back every dev article\'s matches exactly, in the order the rules found them', () => {
    for (const file of readdirSync(DEV).slice(0, 12)) {
      const text = normalizeText(readFileSync(join(DEV, file), 'utf8'));
      const found = matchRules(rules, text, proseSentences(text));
      const restored = restoreMatches(unpackMatches(packMatches(storedMatches(found))), rules, text);
      expect(restored.map((m) => [m.rule.id, m.sentence, m.start, m.end, m.groups])).toEqual(found.map((m) => [m.rule.id, m.sentence, m.start, m.end, m.groups]));
      expect(matchPrints(restored)).toEqual(matchPrints(found));
    }
  });

  it('put matches given in any order back in rule order within a sentence', () => {
    const text = normalizeText(readFileSync(join(DEV, readdirSync(DEV)[0]!), 'utf8'));
    const found = matchRules(rules, text, proseSentences(text));
    expect(found.length).toBeGreaterThan(3);
    const shuffled = storedMatches(found).reverse();
    expect(restoreMatches(shuffled, rules, text).map((m) => [m.rule.id, m.start])).toEqual(found.map((m) => [m.rule.id, m.start]));
  });

  it('refuse a match of a rule the current rules do not have', () => {
    expect(() => restoreMatches([['gone.rule', 0, 0, 1, []]], rules, 'x')).toThrow(/rule gone\.rule/);
  });
});
