import { describe, expect, it } from 'vitest';
import { alternation, type Lexicon } from '../../../src/extract/engine/lexicon.js';
import { normalizeText } from '../../../src/normalize/text.js';

const lexicon = (terms: string[], caseMode: Lexicon['caseMode'] = 'exact'): Lexicon => ({
  name: 'T',
  description: 'test',
  file: 't.yaml',
  caseMode,
  entries: terms.map((term) => ({ term, forms: [], attrs: {} })),
});

describe('alternation', () => {
  it('factors the forms into a trie whose word gaps are single spaces', () => {
    expect(alternation(lexicon(['Bộ Công an', 'Bộ Quốc phòng']))).toBe('(?:Bộ (?:Công an|Quốc phòng))');
  });

  it('tries the longest form first', () => {
    const re = new RegExp(alternation(lexicon(['Phó', 'Phó Cục trưởng'])), 'u');
    expect(re.exec('Phó Cục trưởng Nguyễn Văn A')?.[0]).toBe('Phó Cục trưởng');
  });

  it('matches a form in normalized text however the raw text spaced its words', () => {
    const re = new RegExp(alternation(lexicon(['Công an tỉnh'], 'initial')), 'u');
    expect(re.exec(normalizeText('đại diện công\u00a0an \t tỉnh Gia Lai'))?.[0]).toBe('công an tỉnh');
  });
});
