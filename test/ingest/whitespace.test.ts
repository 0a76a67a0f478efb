import { describe, expect, it } from 'vitest';
import { collapseWhitespace, foldWhitespace } from '../../src/ingest/whitespace.js';

describe('foldWhitespace', () => {
  it.each([
    ['lone spaces kept', 'Công an tỉnh', 'Công an tỉnh'],
    ['a run of spaces', 'Công   an', 'Công an'],
    ['a line break and indentation', 'Công\n    an', 'Công an'],
    ['a tab, a no-break space', 'Công\tan\u00a0tỉnh', 'Công an tỉnh'],
    ['a space then a break', 'Công \n an', 'Công an'],
    ['edges folded, not trimmed', '  \nCông an\t', ' Công an '],
  ])('%s', (_name, raw, expected) => {
    expect(foldWhitespace(raw)).toBe(expected);
    expect(foldWhitespace(raw)).toBe(raw.replace(/\s+/g, ' '));
  });

  it('collapseWhitespace also trims', () => {
    expect(collapseWhitespace('  \nCông an\t')).toBe('Công an');
  });
});
