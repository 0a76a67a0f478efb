import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, looksBinary, normalizeLineEndings } from '../../src/ingest/index.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeUtf8', () => {
  it('decodes UTF-8 and strips a byte-order mark', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'Cụm thi đua số 2'))).toEqual({ ok: true, text: 'Cụm thi đua số 2' });
  });

  it('names the first invalid byte and its offset (a windows-1258 / latin-1 file)', () => {
    // "Thi đua" in windows-1258: đ is 0xF0.
    expect(decodeUtf8(bytes('Thi ', [0xf0], 'ua'))).toEqual({
      ok: false,
      reason: 'not valid UTF-8 text (byte 0xf0 at offset 4)',
    });
  });

  it('steps over a genuine U+FFFD when locating the invalid byte', () => {
    expect(decodeUtf8(bytes('a\uFFFDb', [0xe9], 'c'))).toEqual({
      ok: false,
      reason: 'not valid UTF-8 text (byte 0xe9 at offset 5)',
    });
  });

  it('counts the byte-order mark in the offset', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'ab', [0xff]))).toMatchObject({ reason: expect.stringContaining('offset 5') });
  });

  it('refuses UTF-16 with its own reason', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFhello', 'utf16le'))).toEqual({
      ok: false,
      reason: 'not valid UTF-8 text (UTF-16 byte-order mark)',
    });
  });

  it('calls random bytes and NUL-bearing content binary', () => {
    expect(decodeUtf8(randomBytes(4096))).toEqual({ ok: false, reason: 'binary data, not text' });
    expect(decodeUtf8(bytes('text', [0], 'more'))).toEqual({ ok: false, reason: 'binary data, not text' });
  });

  it('calls empty and whitespace-only content empty', () => {
    expect(decodeUtf8(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], ' \n\t\r\n'))).toEqual({ ok: false, reason: 'empty file' });
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
