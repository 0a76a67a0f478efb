/**
 * Bytes to text: the charset declared by a byte-order mark, the HTTP header or the HTML <meta> tag, else
 * detected; then a check that the text reads as Vietnamese, converting windows-1258, the legacy font
 * encodings (TCVN3, VNI) and UTF-8 mojibake when, and only when, the conversion clearly reads better.
 */
import type { RawDocument } from '../types.js';
import { bomOf, charsetOf, metaCharset, type Charset } from './charset.js';
import { decodeLegacyFont } from './legacy-fonts.js';
import { decodeWindows1252, singleBytesOf } from './single-byte.js';
import { scoreWords, syllableShare, type WordScore } from './vietnamese-words.js';

/** How a document's text was decoded: the charset its bytes were read with, and the conversion applied. */
export type Decoding = NonNullable<RawDocument['decoding']>;
/**
 * What the text was converted from: windows-1258 or a legacy font (TCVN3, VNI), or 'utf-8' for UTF-8 bytes
 * that had been read as a single-byte charset (mojibake, "Viá»‡t").
 */
export type Conversion = NonNullable<Decoding['converted']>;

export type Decoded = { ok: true; text: string; decoding: Decoding } | { ok: false; reason: string };

export interface CharsetHints {
  /** The charset the HTTP Content-Type header declared, if any. */
  declared: string | null;
  /** HTML is searched for a <meta> charset. */
  html: boolean;
}

/**
 * Control characters are counted in this many first bytes: binary data without a NUL byte has them
 * everywhere. On generated 60 KB news pages the check took 200–230 µs with 64 KB, 65–77 µs with 16 KB.
 */
const SAMPLE_BYTES = 16 * 1024;
/** Real text has almost no control characters besides tab and line breaks; random bytes have ~11%. */
const MAX_CONTROL_SHARE = 0.05;

/** Text that reads right: fewer than this many odd words, or at least this share of syllables; other text is garbled. */
const FEW_ODD_WORDS = 3;
const RIGHT_SHARE = 0.9;
/** A conversion is taken only if it makes at least this share of the words syllables. */
const CONVERTED_SHARE = 0.8;

/** Decodes an input's bytes; see the module comment. */
export function decodeBytes(bytes: Uint8Array, hints: CharsetHints): Decoded {
  const bom = bomOf(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  if (!bom?.charset.startsWith('utf-16') && looksBinary(body)) return { ok: false, reason: 'binary data, not text' };
  const declaration = bom
    ? { label: bom.charset, by: 'byte-order mark' }
    : hints.declared
      ? { label: hints.declared, by: 'HTTP header' }
      : declaredInMeta(body, hints.html);
  let decoded: Decoded;
  if (declaration) {
    const charset = charsetOf(declaration.label);
    if (!charset) return { ok: false, reason: `unknown charset "${declaration.label}" (declared by the ${declaration.by})` };
    // UTF-8 is often declared by servers that serve something else: invalid UTF-8 is detected like undeclared bytes.
    decoded = decodeAs(charset, body) ?? detect(body);
  } else {
    decoded = detect(body);
  }
  if (decoded.ok && decoded.text.trim() === '') return { ok: false, reason: 'empty file' };
  return decoded;
}

function declaredInMeta(body: Uint8Array, html: boolean): { label: string; by: string } | null {
  const label = html ? metaCharset(body) : null;
  return label ? { label, by: '<meta> tag' } : null;
}

/** Decoded with the declared charset, then checked; null if UTF-8 was declared but the bytes are not UTF-8. */
function decodeAs(charset: Charset, bytes: Uint8Array): Decoded | null {
  if (charset.kind === 'legacy') {
    return { ok: true, text: decodeLegacyFont[charset.name](bytes), decoding: { charset: charset.name, converted: charset.name } };
  }
  const text = strictDecode(charset.name, bytes);
  if (text === null) {
    return charset.name === 'utf-8' ? null : { ok: false, reason: `not valid ${charset.name} text (the declared charset)` };
  }
  return checkText(text, { charset: charset.name, converted: charset.name === 'windows-1258' ? 'windows-1258' : null });
}

/** Valid UTF-8 is UTF-8; other bytes are the Vietnamese single-byte encoding that reads best, if one reads well. */
function detect(bytes: Uint8Array): Decoded {
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return checkText(utf8, { charset: 'utf-8', converted: null });
  const best = bestReading(bytes, SINGLE_BYTE_READINGS, null);
  if (best && syllableShare(best.score) >= CONVERTED_SHARE) {
    return { ok: true, text: best.text, decoding: { charset: best.converted, converted: best.converted } };
  }
  const offset = firstInvalidUtf8Byte(bytes);
  const tried = best ? `; best reading ${best.converted}, ${best.score.syllables} of ${best.score.words} words Vietnamese` : '';
  return {
    ok: false,
    reason: `not valid UTF-8 text (byte 0x${hex(bytes[offset])} at offset ${offset}), nor windows-1258, TCVN3 or VNI${tried}`,
  };
}

/**
 * Text decoded from an input (or handed over as a string, as in JSONL), checked for the traces of a wrong
 * reading. The check costs one regex scan when the text has no character typical of a wrong reading.
 */
export function checkText(text: string, decoding: Decoding): Decoded {
  if (!SUSPECT.test(text)) return { ok: true, text, decoding };
  const score = scoreWords(text);
  if (readsRight(score)) return { ok: true, text, decoding };
  // The whole text read anew; failing that (real Unicode next to a wrong reading, as a TCVN3 paragraph pasted
  // into a UTF-8 page), line by line.
  const repaired = reread(text, score, decoding.converted) ?? rereadLines(text, decoding.converted);
  if (repaired) return { ok: true, text: repaired.text, decoding: { charset: decoding.charset, converted: repaired.converted } };
  return {
    ok: false,
    reason: `garbled or not Vietnamese: ${score.words - score.syllables} of ${score.words} words are not Vietnamese syllables (e.g. ${score.odd.map((word) => `"${word}"`).join(', ')}), and no known encoding reads them right`,
  };
}

function readsRight(score: WordScore): boolean {
  return score.words - score.syllables < FEW_ODD_WORDS || syllableShare(score) >= RIGHT_SHARE;
}

type Reread = { text: string; converted: Conversion };

/** The text's single bytes read another way, if that reading is clearly Vietnamese and better than the text. */
function reread(text: string, score: WordScore, exclude: Conversion | null): Reread | null {
  const bytes = singleBytesOf(text);
  const best = bytes ? bestReading(bytes, REREADINGS.filter((reading) => reading.converted !== exclude), score) : null;
  return best && syllableShare(best.score) >= CONVERTED_SHARE ? best : null;
}

/** Each line with odd words reread on its own; the result if it then reads right, named after the commonest conversion. */
function rereadLines(text: string, exclude: Conversion | null): Reread | null {
  const used = new Map<Conversion, number>();
  const lines = text.split('\n').map((line) => {
    if (!SUSPECT.test(line)) return line;
    const score = scoreWords(line);
    const repaired = score.syllables < score.words ? reread(line, score, exclude) : null;
    if (!repaired) return line;
    used.set(repaired.converted, (used.get(repaired.converted) ?? 0) + 1);
    return repaired.text;
  });
  const commonest = [...used].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!commonest) return null;
  const repaired = lines.join('\n');
  return readsRight(scoreWords(repaired)) ? { text: repaired, converted: commonest } : null;
}

/**
 * Characters a wrong reading leaves and Vietnamese text has no use for: C1 controls, Latin-1 symbols and
 * letters outside the Vietnamese alphabet (TCVN3 "¸" for á, VNI "ä" for the circumflex and dot), and the
 * UTF-8 lead-and-continuation pairs of mojibake ("á»" of "Viá»‡t", "Ã " of "HÃ  Ná»™i"); and U+FFFD, left where
 * an earlier reader gave up ("Vi�t"). Left out: "®" and "×", which real pages use ("® Tuổi Trẻ", a close
 * button) and which never come alone from a wrong reading.
 */
const SUSPECT =
  /[\ufffd\u0080-\u009f¤¦¨ª¬\u00ad±µ¶¸¹¼½¾¿ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñö÷øûüþÿ]|á[º»]|[ÃĂ][\u00a0-\u00bf]/;

interface Reading {
  converted: Conversion;
  /** The text, or null when the bytes cannot be read this way. */
  read: (bytes: Uint8Array) => string | null;
}

const SINGLE_BYTE_READINGS: Reading[] = [
  { converted: 'windows-1258', read: (bytes) => strictDecode('windows-1258', bytes) },
  { converted: 'tcvn3', read: decodeLegacyFont.tcvn3 },
  { converted: 'vni', read: decodeLegacyFont.vni },
];
/** Text already decoded may also be UTF-8 read as a single-byte charset. */
const REREADINGS: Reading[] = [{ converted: 'utf-8', read: (bytes) => strictDecode('utf-8', bytes) }, ...SINGLE_BYTE_READINGS];

/** The reading with the most Vietnamese words, if it has more than the text as it was (`current`). */
function bestReading(bytes: Uint8Array, readings: Reading[], current: WordScore | null) {
  let best: { text: string; converted: Conversion; score: WordScore } | null = null;
  for (const { converted, read } of readings) {
    const text = read(bytes);
    if (text === null) continue;
    const score = scoreWords(text);
    if (!best || syllableShare(score) > syllableShare(best.score)) best = { text, converted, score };
  }
  return best && (!current || best.score.syllables > current.syllables) ? best : null;
}

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();

/** Decodes, or null if the bytes are invalid in that charset. A byte-order mark is never stripped here. */
function strictDecode(charset: string, bytes: Uint8Array): string | null {
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  // windows-1258 writes most tones as combining marks: composed, its text compares and scores like any other.
  if (charset === 'windows-1258') return strictDecodeWith(charset, bytes)?.normalize('NFC') ?? null;
  return strictDecodeWith(charset, bytes);
}

function strictDecodeWith(charset: string, bytes: Uint8Array): string | null {
  let decoder = decoders.get(charset);
  if (!decoder) decoders.set(charset, (decoder = new TextDecoder(charset, { fatal: true, ignoreBOM: true })));
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Binary if it has a NUL byte anywhere, or many control characters in its first SAMPLE_BYTES. */
export function looksBinary(bytes: Uint8Array): boolean {
  const buffer = asBuffer(bytes);
  if (buffer.indexOf(0) !== -1) return true;
  // latin1 maps each byte to one character, so native regex matching counts bytes (a JS loop is far slower).
  const sample = buffer.toString('latin1', 0, SAMPLE_BYTES);
  const control = sample.match(CONTROL_BYTES)?.length ?? 0;
  return control > sample.length * MAX_CONTROL_SHARE;
}

/** Control characters other than tab, line feed, form feed and carriage return. */
const CONTROL_BYTES = /[\x01-\x08\x0b\x0e-\x1f\x7f]/g;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Byte offset of the first invalid UTF-8 sequence. Only called on failure: a lenient decode marks each invalid
 * sequence with U+FFFD, and everything before the first mark is valid, so its UTF-8 length is the offset.
 * A genuine U+FFFD in the input (bytes EF BF BD) is stepped over.
 */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const lenient = asBuffer(bytes).toString('utf8');
  let offset = 0;
  let from = 0;
  for (let i = lenient.indexOf('\uFFFD'); i !== -1; i = lenient.indexOf('\uFFFD', i + 1)) {
    offset += Buffer.byteLength(lenient.slice(from, i));
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
    offset += 3;
    from = i + 1;
  }
  return offset;
}

function hex(byte: number | undefined): string {
  return byte?.toString(16).padStart(2, '0') ?? '??';
}

/** Line endings to "\n": CRLF from Windows, lone CR from old Macs. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
