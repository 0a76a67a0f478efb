import { describe, expect, it } from 'vitest';
import { exponentialQuantifiers } from '../../../src/extract/engine/backtracking.js';
import { shippedGrammar } from '../../helpers/rules.js';

describe('exponentialQuantifiers', () => {
  it('finds a repetition of an ambiguous repetition, quoting the outer quantifier', () => {
    expect(exponentialQuantifiers('(a+)+$', 'u')).toEqual(['(a+)+']);
    expect(exponentialQuantifiers('^(?:\\s*\\p{L}+\\s*)*:', 'gdu')).not.toEqual([]);
  });

  it('passes repetitions whose iterations cannot match the same text', () => {
    expect(exponentialQuantifiers('(?:\\s+\\p{L}+){0,8}\\s+gồm', 'u')).toEqual([]);
    expect(exponentialQuantifiers('[^.;:]{0,40}:\\s*.{3,600}', 'u')).toEqual([]);
  });

  it('finds none in the shipped rules, macros expanded', () => {
    const { rules } = shippedGrammar().ruleSet;
    expect(rules.filter((r) => exponentialQuantifiers(r.regex.source, r.regex.flags).length).map((r) => r.id)).toEqual([]);
  });
});
