/** Strict UTF-8 decoding of an input's bytes, with a reason when they are not usable text. */

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const SAMPLE_BYTES = 64 * 1024;
/** Real text has almost no control characters besides tab and line breaks; random bytes have ~11%. */
const MAX_CONTROL_SHARE = 0.05;

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, reason: 'not valid UTF-8 text (UTF-16 byte-order mark)' };
  }
  const bomLength = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
  const body = bytes.subarray(bomLength);
  if (looksBinary(body)) return { ok: false, reason: 'binary data, not text' };
  let text: string;
  try {
    text = strictDecoder.decode(body);
  } catch {
    const offset = bomLength + firstInvalidByte(body);
    const byte = bytes[offset]?.toString(16).padStart(2, '0') ?? '??';
    return { ok: false, reason: `not valid UTF-8 text (byte 0x${byte} at offset ${offset})` };
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  return { ok: true, text };
}

/** Binary if it has a NUL byte anywhere, or many control characters in its first 64 KB. */
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
 * Byte offset of the first invalid sequence. Only called on failure: a lenient decode marks each invalid
 * sequence with U+FFFD, and everything before the first mark is valid, so its UTF-8 length is the offset.
 * A genuine U+FFFD in the input (bytes EF BF BD) is stepped over.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const lenient = asBuffer(bytes).toString('utf8');
  let offset = 0;
  let from = 0;
  for (let i = lenient.indexOf('\uFFFD'); i !== -1; i = lenient.indexOf('\uFFFD', i + 1)) {
    offset += Buffer.byteLength(lenient.slice(from, i));
    if (!startsWith(bytes.subarray(offset), [0xef, 0xbf, 0xbd])) return offset;
    offset += 3;
    from = i + 1;
  }
  return offset;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Line endings to "\n": CRLF from Windows, lone CR from old Macs. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
