import { describe, expect, it } from 'vitest';
import { digitsToInt, parseCount, romanToInt } from '../../../src/extract/parsers/numbers.js';
import { clusterNumber } from '../../../src/extract/parsers/cluster-number.js';
import { shippedGrammar } from '../../helpers/rules.js';

const words = shippedGrammar().lexicon('NUMBER_WORD');

describe('numbers', () => {
  it.each([
    ['2.079', 2079],
    ['03', 3],
    ['1673', 1673],
    ['1.027', 1027],
    ['gần 6.500', 6500],
  ])('digits %s → %d', (s, n) => expect(digitsToInt(s)).toBe(n));

  it.each([
    ['bảy', 7],
    ['Năm', 5],
    ['mười', 10],
    ['mười lăm', 15],
    ['hai mươi mốt', 21],
    ['hai mươi tư', 24],
    ['một trăm linh năm', 105],
    ['hai nghìn', 2000],
    ['ba trăm', 300],
  ])('words %s → %d', (s, n) => expect(parseCount(s, words)).toBe(n));

  it('is null for words that are not numbers', () => expect(parseCount('tập thể', words)).toBeNull());

  it.each([
    ['V', 5],
    ['VIII', 8],
    ['IX', 9],
    ['XIV', 14],
  ])('Roman %s → %d', (s, n) => expect(romanToInt(s)).toBe(n));

  it('is null for what is not a Roman numeral', () => {
    expect(romanToInt('V01')).toBeNull();
    expect(romanToInt('IIII')).toBeNull();
  });

  it.each([
    ['Cụm thi đua số VIII', 8],
    ['cụm 8', 8],
    ['Khối thi đua số 1', 1],
    ['Cụm thi đua số năm', 5],
    ['Cụm thi đua số mười hai', 12],
    ['Cụm thi đua các tỉnh Tây Nguyên', null],
  ])('the number of %s is %s', (s, n) => expect(clusterNumber(s, words)).toBe(n));
});
