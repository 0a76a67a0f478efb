/**
 * Single-byte charsets around Vietnamese text: windows-1252, and text that went through a single-byte
 * decoder (Latin-1, windows-1252 or windows-1258) turned back into its bytes. Legacy Vietnamese fonts and
 * UTF-8 mojibake are both bytes shown through such a decoder; getting the bytes back is how they are repaired.
 */

/**
 * windows-1252 at 0x80–0x9F (elsewhere it is Latin-1). Node 20's TextDecoder reads every windows-1252
 * label as ISO-8859-1, giving control characters there, so the table is ours.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** The character of each byte in windows-1252. */
export const WINDOWS_1252_CHARS = Array.from({ length: 256 }, (_, byte) =>
  byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80]! : String.fromCharCode(byte),
).join('');

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

const BYTE_OF = buildByteMap();

/** The bytes the text was decoded from, or null when a character has no byte in any of the three tables. */
export function singleBytesOf(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = BYTE_OF.get(text.charCodeAt(i));
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  return bytes;
}

/** Character code → byte, merged over the three tables (no character sits at two different bytes in them). */
function buildByteMap(): Map<number, number> {
  const map = new Map<number, number>();
  const windows1258 = new TextDecoder('windows-1258').decode(Uint8Array.from({ length: 256 }, (_, byte) => byte));
  for (const chars of [WINDOWS_1252_CHARS, windows1258]) {
    for (let byte = 0; byte < 256; byte++) map.set(chars.charCodeAt(byte), byte);
  }
  for (let byte = 0; byte < 256; byte++) map.set(byte, byte); // Latin-1
  return map;
}
