/**
 * Encoders for test fixtures: Vietnamese text to windows-1258, TCVN3 and VNI bytes, built by inverting the
 * decoders under test (so a fixture is "a known sentence as that encoding writes it"), and WARC records.
 */
import { gzipSync } from 'node:zlib';
import { decodeTcvn3, decodeVni } from '../../src/ingest/index.js';
import { decodeWindows1252, WINDOWS_1252_CHARS as WINDOWS_1252 } from '../../src/ingest/single-byte.js';

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, byte) => byte);

/**
 * character → bytes: the bytes the encoding reads differently from windows-1252 and, for VNI, every letter
 * and mark pair (so "á" is "aù", as VNI writes it, not the windows-1252 byte that happens to read the same).
 */
function inverse(decode: (bytes: Uint8Array) => string, pairs: boolean): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (let b = 0x80; b < 256; b++) {
    const char = decode(Uint8Array.of(b));
    if (char !== WINDOWS_1252[b] && !map.has(char)) map.set(char, [b]);
  }
  if (pairs) {
    for (let a = 0x41; a < 256; a++) {
      // A lower-case letter takes the lower-case mark bytes (0xE0 and up), a capital the capital ones.
      const lower = WINDOWS_1252[a] !== WINDOWS_1252[a]!.toUpperCase();
      for (let i = 0; i < 128; i++) {
        const b = lower ? 0xff - i : 0x80 + i;
        const char = decode(Uint8Array.of(a, b));
        if ([...char].length === 1 && !map.has(char)) map.set(char, [a, b]);
      }
    }
  }
  return map;
}

function encodeWith(map: Map<string, number[]>, text: string): Buffer {
  return Buffer.from(
    [...text.normalize('NFC')].flatMap((char) => {
      if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
      const bytes = map.get(char);
      if (!bytes) throw new Error(`cannot encode ${char}`);
      return bytes;
    }),
  );
}

const TCVN3 = inverse(decodeTcvn3, false);
const VNI = inverse(decodeVni, true);
export const encodeTcvn3 = (text: string): Buffer => encodeWith(TCVN3, text);
export const encodeVni = (text: string): Buffer => encodeWith(VNI, text);

const WINDOWS_1258 = new Map([...new TextDecoder('windows-1258').decode(ALL_BYTES)].map((char, byte) => [char, byte]));

/** windows-1258 as Windows writes it: a precomposed letter where the code page has one, else letter + tone mark. */
export function encodeWindows1258(text: string): Buffer {
  return Buffer.from(
    [...text.normalize('NFC')].flatMap((char) => {
      const direct = WINDOWS_1258.get(char);
      if (direct !== undefined) return [direct];
      const decomposed = char.normalize('NFD');
      const toneMark = /[\u0300\u0301\u0303\u0309\u0323]/.exec(decomposed)?.[0] ?? '';
      const base = WINDOWS_1258.get(decomposed.replace(toneMark, '').normalize('NFC'));
      const tone = WINDOWS_1258.get(toneMark);
      if (base === undefined || tone === undefined) throw new Error(`cannot encode ${char}`);
      return [base, tone];
    }),
  );
}

/** UTF-8 bytes read as windows-1252: the classic mojibake ("Viá»‡t Nam"). */
export const mojibake = (text: string): string => decodeWindows1252(Buffer.from(text, 'utf8'));

export interface WarcRecordSpec {
  type: 'warcinfo' | 'request' | 'response' | 'resource' | 'metadata';
  uri?: string;
  date?: string;
  /** The record block: for request/response the HTTP message, status line, headers and body. */
  block: string | Buffer;
}

/** One WARC/1.1 record, as bytes. */
export function warcRecord({ type, uri, date = '2024-03-05T08:09:10Z', block }: WarcRecordSpec): Buffer {
  const body = typeof block === 'string' ? Buffer.from(block) : block;
  const headers = [
    'WARC/1.1',
    `WARC-Type: ${type}`,
    ...(uri ? [`WARC-Target-URI: ${uri}`] : []),
    `WARC-Date: ${date}`,
    `WARC-Record-ID: <urn:uuid:${crypto.randomUUID()}>`,
    `Content-Type: ${type === 'response' || type === 'request' ? `application/http; msgtype=${type}` : 'text/html; charset=utf-8'}`,
    `Content-Length: ${body.length}`,
  ];
  return Buffer.concat([Buffer.from(headers.join('\r\n') + '\r\n\r\n'), body, Buffer.from('\r\n\r\n')]);
}

/** An HTTP response message. */
export function httpResponse(status: string, headers: Record<string, string>, body: string | Buffer): Buffer {
  const head = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join('\r\n');
  return Buffer.concat([Buffer.from(head + '\r\n\r\n'), typeof body === 'string' ? Buffer.from(body) : body]);
}

/** A .warc.gz: each record its own gzip member, as crawlers write them. */
export const gzipRecords = (records: Buffer[]): Buffer => Buffer.concat(records.map((record) => gzipSync(record)));
