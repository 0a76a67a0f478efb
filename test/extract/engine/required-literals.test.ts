import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchRules } from '../../../src/extract/engine/match.js';
import { requiredLiterals } from '../../../src/extract/engine/required-literals.js';
import { loadRuleSet } from '../../../src/extract/engine/ruleset.js';
import { normalizeText } from '../../../src/normalize/text.js';
import { proseSentences } from '../../../src/segment/prose.js';

describe('requiredLiterals', () => {
  it('takes the most selective run of exact characters a match needs', () => {
    expect(requiredLiterals('[Hh]ội nghị\\s+phát động')).toEqual(['phát động']);
    expect(requiredLiterals('(?<=foo)bar')).toEqual(['bar']);
    expect(requiredLiterals('(?:abc)?de')).toEqual(['de']);
  });

  it('needs one literal of each alternative, or nothing when an alternative has none', () => {
    expect(requiredLiterals('x(?:ab|cd)+y')).toEqual(['ab', 'cd']);
    expect(requiredLiterals('(?:ab|\\d+)z')).toBeNull();
    expect(requiredLiterals('(?:ab)*')).toBeNull();
  });

  it('keeps the literals of a lexicon-sized alternation, and gives up past 256', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}x`);
    expect(requiredLiterals(`(?:${words(40).join('|')})`)).toEqual(words(40));
    expect(requiredLiterals(`(?:${words(300).join('|')})`)).toBeNull();
  });

  it('leaves every rule\'s matches on every fixture article exactly as they are without it', () => {
    const rules = loadRuleSet('rules').rules;
    expect(rules.filter((r) => r.literals).length).toBeGreaterThan(rules.length / 2);
    const unfiltered = rules.map((r) => ({ ...r, literals: null }));
    const view = (m: ReturnType<typeof matchRules>[number]) => [m.rule.id, m.start, m.end, m.groups];
    for (const set of ['dev', 'challenge', 'challenge2', 'challenge3', 'holdout', 'holdout2']) {
      const dir = join('test/fixtures', set, 'texts');
      for (const file of readdirSync(dir)) {
        const text = normalizeText(readFileSync(join(dir, file), 'utf8'));
        const sentences = proseSentences(text);
        expect(matchRules(rules, text, sentences).map(view), `${set}/${file}`).toEqual(matchRules(unfiltered, text, sentences).map(view));
      }
    }
  }, 60_000);
});
