import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LiteralScanner } from '../../../src/extract/engine/literal-scan.js';
import { loadRuleSet } from '../../../src/extract/engine/ruleset.js';

const found = (literals: string[], text: string) => {
  const ids = new Set<number>();
  new LiteralScanner(literals).scan(text, (id) => ids.add(id));
  return [...ids].sort((a, b) => a - b).map((id) => literals[id]);
};

describe('LiteralScanner', () => {
  it('finds overlapping literals and literals inside others', () => {
    expect(found(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['he', 'she', 'hers']);
    expect(found(['ụm trưởng', 'trưởng', 'Cụm'], 'Cụm trưởng năm 2024')).toEqual(['ụm trưởng', 'trưởng', 'Cụm']);
    expect(found(['aab', 'ab'], 'aaab')).toEqual(['aab', 'ab']);
    expect(found(['xyz'], 'xy')).toEqual([]);
  });

  it('finds exactly the rules\' literals that `includes` finds, in every fixture article', () => {
    const literals = [...new Set(loadRuleSet('rules').rules.flatMap((r) => r.literals ?? []))];
    expect(literals.length).toBeGreaterThan(20);
    for (const set of ['dev', 'holdout2']) {
      const dir = `test/fixtures/${set}/texts`;
      for (const file of readdirSync(dir)) {
        const text = readFileSync(`${dir}/${file}`, 'utf8');
        expect(found(literals, text)).toEqual(literals.filter((l) => text.includes(l)));
      }
    }
  });
});
