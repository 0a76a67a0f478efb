import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/normalize/text.js';

const DEV_TEXTS = new URL('../fixtures/dev/texts/', import.meta.url);

describe('normalizeText', () => {
  it.each([
    ['NFD to NFC', 'Ha\u0300 No\u0302\u0323i', 'Hà Nội'],
    ['mark order fixed by NFC', 'Vie\u0323\u0302t Nam', 'Việt Nam'],
    ['tone placement', 'Đảng uỷ Công an tỉnh Khánh Hoà', 'Đảng ủy Công an tỉnh Khánh Hòa'],
    ['tone placement, upper case', 'UỶ BAN MTTQ', 'ỦY BAN MTTQ'],
    ['q and gi onsets untouched', 'quý giá', 'quý giá'],
    ['zero-width characters', 'Cô\u200Bng\u200C a\u200Dn\u2060 tỉnh\uFEFF', 'Công an tỉnh'],
    ['soft hyphen', 'thi\u00AD đua', 'thi đua'],
    ['no-break and other Unicode spaces', 'Bộ\u00A0Công\u2009an\u202Fvà\u3000Cục', 'Bộ Công an và Cục'],
    ['eth for đ', 'Ðại hội ðồng chí ÐÀ NẴNG', 'Đại hội đồng chí ĐÀ NẴNG'],
    ['eth outside Vietnamese words kept', 'Guðmundur', 'Guðmundur'],
    ['tabs and runs of spaces', 'Cụm \t thi   đua', 'Cụm thi đua'],
    ['a space beside another kind of space', 'a \u00A0b\t c', 'a b c'],
    ['spaces around line breaks', 'a \t\nb \n c', 'a\nb\nc'],
    ['each line trimmed', '  Tiêu đề  \n  Nội dung. ', 'Tiêu đề\nNội dung.'],
    ['CRLF and CR', 'a\r\nb\rc', 'a\nb\nc'],
    ['three or more newlines become two', 'a\n\n\n\nb\n \n\t\n \nc', 'a\n\nb\n\nc'],
    ['whole text trimmed', '\n\n  Nội dung.  \n\n', 'Nội dung.'],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it('is idempotent', () => {
    const messy = ' Ðảng uỷ\u00A0\u200B Thuỷ\t sản \r\n\r\n\r\nHoà\u00AD\n ';
    const once = normalizeText(messy);
    expect(normalizeText(once)).toBe(once);
  });

  it.each(readdirSync(DEV_TEXTS))('is idempotent on %s and leaves no new-style tones', (file) => {
    const once = normalizeText(readFileSync(new URL(file, DEV_TEXTS), 'utf8'));
    expect(normalizeText(once)).toBe(once);
    expect(once).not.toMatch(/(?<![qQ])(?:[oO][àáảãạ]|[uU][ỳýỷỹỵ])(?!\p{L})/u);
  });
});
