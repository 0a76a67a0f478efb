import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkText, decodeBytes, looksBinary, normalizeLineEndings, type CharsetHints } from '../../src/ingest/index.js';
import { encodeTcvn3, encodeVni, encodeWindows1258, mojibake } from './encoders.js';

const bytes = (...parts: (string | number[] | Buffer)[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
const plain: CharsetHints = { declared: null, html: false };
const utf8 = { charset: 'utf-8', converted: null };

const SENTENCE = 'Hội nghị tổng kết công tác thi đua năm 2023 của Cụm thi đua số 5 tại Hà Nội, ông Nguyễn Văn Ước phát biểu.';

describe('decodeBytes: the charset', () => {
  it('decodes UTF-8 and strips a byte-order mark', () => {
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], 'Cụm thi đua số 2'), plain)).toEqual({ ok: true, text: 'Cụm thi đua số 2', decoding: utf8 });
  });

  it('decodes UTF-16 announced by its byte-order mark', () => {
    expect(decodeBytes(Buffer.from('\uFEFFCụm thi đua', 'utf16le'), plain)).toEqual({
      ok: true,
      text: 'Cụm thi đua',
      decoding: { charset: 'utf-16le', converted: null },
    });
  });

  it('takes the HTTP header over the <meta> tag, and the <meta> tag over detection', () => {
    const page = (charset: string) => Buffer.concat([Buffer.from(`<html><head><meta charset="${charset}"></head><body><p>`), encodeWindows1258(SENTENCE)]);
    const windows1258 = { charset: 'windows-1258', converted: 'windows-1258' };
    expect(decodeBytes(page('windows-1258'), { declared: null, html: true })).toMatchObject({ ok: true, decoding: windows1258 });
    expect(decodeBytes(page('windows-1258'), { declared: null, html: true })).toMatchObject({ text: expect.stringContaining(SENTENCE) });
    // Plain text is not searched for a <meta> tag; the bytes are detected.
    expect(decodeBytes(page('bogus'), plain)).toMatchObject({ ok: true, decoding: windows1258 });
    expect(decodeBytes(page('bogus'), { declared: null, html: true })).toEqual({ ok: false, reason: 'unknown charset "bogus" (declared by the <meta> tag)' });
    expect(decodeBytes(page('bogus'), { declared: 'Windows-1258', html: true })).toMatchObject({ ok: true, decoding: windows1258 });
  });

  it('reads <meta http-equiv="Content-Type"> too', () => {
    const page = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><p>'), encodeWindows1258(SENTENCE)]);
    expect(decodeBytes(page, { declared: null, html: true })).toMatchObject({ ok: true, decoding: { charset: 'windows-1258' } });
  });

  it('faults an unknown declared charset', () => {
    expect(decodeBytes(bytes('abc'), { declared: 'x-klingon', html: false })).toEqual({
      ok: false,
      reason: 'unknown charset "x-klingon" (declared by the HTTP header)',
    });
  });

  it('detects bytes that UTF-8 was declared for but that are not UTF-8', () => {
    expect(decodeBytes(encodeWindows1258(SENTENCE), { declared: 'utf-8', html: false })).toMatchObject({
      ok: true,
      decoding: { charset: 'windows-1258', converted: 'windows-1258' },
    });
  });
});

describe('decodeBytes: Vietnamese single-byte encodings', () => {
  // TCVN3 has no code for a capital with a tone mark (its capital fonts draw the lower-case codes).
  it.each([
    ['windows-1258', encodeWindows1258, `${SENTENCE}\n${SENTENCE.toUpperCase()}`],
    ['tcvn3', encodeTcvn3, `${SENTENCE}\nĐÔNG DƯƠNG`],
    ['vni', encodeVni, `${SENTENCE}\n${SENTENCE.toUpperCase()}`],
  ] as const)('recognizes and converts %s', (encoding, encode, text) => {
    expect(decodeBytes(encode(text), plain)).toEqual({ ok: true, text, decoding: { charset: encoding, converted: encoding } });
  });

  it('converts legacy fonts and mojibake in text that decoded without error (a page declared windows-1252)', () => {
    for (const [encoding, encode] of [['tcvn3', encodeTcvn3], ['vni', encodeVni]] as const) {
      expect(decodeBytes(encode(SENTENCE), { declared: 'iso-8859-1', html: false })).toEqual({
        ok: true,
        text: SENTENCE,
        decoding: { charset: 'windows-1252', converted: encoding },
      });
    }
    expect(decodeBytes(Buffer.from(SENTENCE), { declared: 'iso-8859-1', html: false })).toEqual({
      ok: true,
      text: SENTENCE,
      decoding: { charset: 'windows-1252', converted: 'utf-8' },
    });
  });

  it('names the first invalid byte when no encoding reads the bytes as Vietnamese', () => {
    const decoded = decodeBytes(bytes('a\uFFFDb', [0xe9], 'c ', [0xbf, 0xbf, 0xbf], ' ', [0xd7, 0xd7], ' ', [0xa4, 0xa4]), plain);
    expect(decoded).toMatchObject({ ok: false, reason: expect.stringMatching(/^not valid UTF-8 text \(byte 0xe9 at offset 5\), nor windows-1258, TCVN3 or VNI/) });
  });

  it('calls random bytes and NUL-bearing content binary, and blank content empty', () => {
    expect(decodeBytes(randomBytes(4096), plain)).toEqual({ ok: false, reason: 'binary data, not text' });
    expect(decodeBytes(bytes('text', [0], 'more'), plain)).toEqual({ ok: false, reason: 'binary data, not text' });
    expect(decodeBytes(new Uint8Array(), plain)).toEqual({ ok: false, reason: 'empty file' });
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], ' \n\t\r\n'), plain)).toEqual({ ok: false, reason: 'empty file' });
  });
});

describe('checkText', () => {
  it('leaves Vietnamese text alone, and text with a few foreign words', () => {
    expect(checkText(SENTENCE, utf8)).toEqual({ ok: true, text: SENTENCE, decoding: utf8 });
    const quoted = `${SENTENCE} Đoàn công tác thăm Zürich, München và Bruxelles.`;
    expect(checkText(quoted, utf8)).toEqual({ ok: true, text: quoted, decoding: utf8 });
  });

  it('repairs UTF-8 mojibake, and counts it', () => {
    expect(mojibake('Việt Nam')).toBe('Viá»‡t Nam');
    expect(checkText(mojibake(SENTENCE), utf8)).toEqual({ ok: true, text: SENTENCE, decoding: { charset: 'utf-8', converted: 'utf-8' } });
  });

  it('converts TCVN3 and VNI text that a crawler stored as Latin-1', () => {
    expect(checkText(encodeTcvn3(SENTENCE).toString('latin1'), utf8)).toMatchObject({ text: SENTENCE, decoding: { converted: 'tcvn3' } });
    expect(checkText(encodeVni(SENTENCE).toString('latin1'), utf8)).toMatchObject({ text: SENTENCE, decoding: { converted: 'vni' } });
  });

  it('converts, line by line, a wrong reading next to real Unicode (a TCVN3 paragraph pasted into a UTF-8 page)', () => {
    const mixed = [SENTENCE, encodeTcvn3(SENTENCE).toString('latin1'), mojibake(SENTENCE), encodeTcvn3(SENTENCE).toString('latin1')].join('\n');
    expect(checkText(mixed, utf8)).toEqual({ ok: true, text: Array(4).fill(SENTENCE).join('\n'), decoding: { charset: 'utf-8', converted: 'tcvn3' } });
  });

  it('does not count lone symbols as words', () => {
    const symbols = `${SENTENCE} © 2024 ® € ™ ° ± ¼ 🎉`;
    expect(checkText(symbols, utf8)).toEqual({ ok: true, text: symbols, decoding: utf8 });
  });

  it('faults text where an earlier reader left replacement characters', () => {
    const lost = SENTENCE.replace(/[^\x00-\x7f]/g, '\uFFFD');
    expect(checkText(lost, utf8)).toMatchObject({ ok: false, reason: expect.stringMatching(/^garbled or not Vietnamese: .*"H�i"/) });
  });

  it('faults garbled text that no encoding repairs', () => {
    // TCVN3 bytes pasted into Unicode text on one line: the real "ộ" makes the line unconvertible.
    const garbled = `${encodeTcvn3(SENTENCE).toString('latin1')} ộ`;
    expect(checkText(garbled, utf8)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^garbled or not Vietnamese: \d+ of \d+ words are not Vietnamese syllables \(e\.g\. "Héi", "nghÞ", "tæng"\), and no known encoding reads them right$/),
    });
  });
});

describe('looksBinary', () => {
  it('accepts text with tabs, line breaks and form feeds, refuses many control characters', () => {
    expect(looksBinary(bytes('a\tb\r\nc\fd\n'))).toBe(false);
    expect(looksBinary(bytes([1, 2, 3, 4], 'abcdefghijklmnop'))).toBe(true);
  });
});

describe('normalizeLineEndings', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeLineEndings('a\r\nb\rc\n\r\nd')).toBe('a\nb\nc\n\nd');
  });
});
