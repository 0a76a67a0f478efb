import type { ArticleMeta } from '../types.js';
import { contentTypeCharset } from './charset.js';
import { decodeBytes, looksBinary, type Decoding } from './decode.js';
import { openInput, readErrorReason } from './gzip.js';
import { urlId } from './ids.js';
import { isJsonObject, type JsonObject } from './json.js';
import { faultItem, type FaultItem, type Origin } from './item.js';
import { normalizePublished } from './published-date.js';
import type { RawInput } from './raw-input.js';
import { MAX_FILE_BYTES } from './read-file.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Streams a JSONL file of crawl records (gzipped or not), one input per non-blank line. A bad line is a fault
 * of its own (record = its 1-based line number); the other lines still yield their inputs.
 */
export async function* readJsonl(path: string, gzip: boolean): AsyncGenerator<RawInput | FaultItem> {
  const input = openInput(path, gzip);
  let lineNumber = 0;
  let records = 0;
  try {
    for await (const line of linesOf(input)) {
      lineNumber++;
      if (line !== null && isBlank(line)) continue;
      const origin = { path, record: lineNumber };
      const first = records++ === 0;
      if (line === null) {
        yield faultItem(origin, `record too large: over ${MAX_FILE_BYTES} bytes`);
      } else if (first && looksBinary(line)) {
        // A binary file shows in its first line; a bad line further on is that record's fault.
        yield faultItem({ path, record: null }, 'binary data, not text');
        return;
      } else {
        yield recordToInput(line, origin);
      }
    }
    if (records === 0) yield faultItem({ path, record: null }, 'empty file');
  } catch (err) {
    yield faultItem({ path, record: lineNumber + 1 }, readErrorReason(err));
  } finally {
    input.destroy();
  }
}

/** Only spaces, tabs and a CR. */
function isBlank(line: Uint8Array): boolean {
  return line.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0d);
}

/** The stream's lines (without "\n"), as bytes; null for a line over the size limit, which is not kept. */
async function* linesOf(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer | null> {
  let parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      size += end - start;
      yield size > MAX_FILE_BYTES ? null : parts.length === 0 ? chunk.subarray(start, end) : Buffer.concat([...parts, chunk.subarray(start, end)]);
      parts = [];
      size = 0;
      start = end + 1;
    }
    size += chunk.length - start;
    // Past the limit the line's bytes are dropped, but still counted, so it still becomes one fault.
    if (size <= MAX_FILE_BYTES) parts.push(chunk.subarray(start));
    else parts = [];
  }
  if (size > 0) yield size > MAX_FILE_BYTES ? null : Buffer.concat(parts);
}

/**
 * A crawl record line `{"url", "html"|"text", "fetched_at"?, "headers"?, "title"?, "published"?, "authors"?}`
 * as an input whose id is the URL's hash, or the fault that names what is wrong with it. JSON is UTF-8; a
 * line that is not is decoded like a text file (windows-1258, TCVN3, VNI), and that decoding is kept.
 */
export function recordToInput(line: Uint8Array, origin: Origin): RawInput | FaultItem {
  const decoded = decodeLine(line);
  if (!decoded.ok) return faultItem(origin, decoded.reason);
  let record: unknown;
  try {
    record = JSON.parse(decoded.text);
  } catch (err) {
    return faultItem(origin, invalidJsonReason(err, decoded.text));
  }
  if (!isJsonObject(record)) return faultItem(origin, 'record is not a JSON object');

  const url = nonBlankString(record['url'])?.trim();
  const html = nonBlankString(record['html']);
  const text = nonBlankString(record['text']);
  const missing = [url ? null : 'url', html || text ? null : 'html or text'].filter((field) => field !== null);
  if (!url || missing.length > 0) return faultItem(origin, `record has no ${missing.join(' and no ')}`);

  return {
    id: urlId(url),
    source: `${origin.path}#${origin.record}`,
    origin,
    format: 'jsonl',
    // The page is preferred to a crawler's text (the extraction is ours, and it carries metadata).
    content: html ? 'html' : 'text',
    payload: html ?? text!,
    charset: decoded.decoding ? null : contentTypeCharset(headerValue(record['headers'], 'content-type')),
    url,
    fetchedAt: nonBlankString(record['fetched_at'])?.trim() ?? null,
    meta: recordMeta(record),
    fallbackText: html ? (text ?? null) : null,
    decodedAs: decoded.decoding,
  };
}

/** The line's text; `decoding` is set when it was not UTF-8 and had to be detected. */
function decodeLine(line: Uint8Array): { ok: true; text: string; decoding: Decoding | null } | { ok: false; reason: string } {
  try {
    return { ok: true, text: strictUtf8.decode(line), decoding: null };
  } catch {
    const decoded = decodeBytes(line, { declared: null, html: false });
    return decoded.ok ? decoded : { ok: false, reason: decoded.reason };
  }
}

/** A header's value from a JSON object of headers, matching its name in any case. */
function headerValue(headers: unknown, name: string): string | null {
  if (!isJsonObject(headers)) return null;
  const key = Object.keys(headers).find((key) => key.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return typeof value === 'string' ? value : null;
}

/** What the crawler recorded about the page; it wins over what the HTML says. */
function recordMeta(record: JsonObject): Partial<ArticleMeta> {
  const meta: Partial<ArticleMeta> = {};
  const title = nonBlankString(record['title']);
  if (title) meta.title = title.trim();
  const published = normalizePublished(nonBlankString(record['published']) ?? '');
  if (published) meta.published = published;
  const authors = ([] as unknown[]).concat(record['authors'] ?? record['author'] ?? []).flatMap((author) => {
    const name = nonBlankString(author);
    return name ? [name.trim()] : [];
  });
  if (authors.length > 0) meta.authors = authors;
  return meta;
}

function nonBlankString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function invalidJsonReason(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const position = /at position (\d+)/.exec(message)?.[1];
  const truncated =
    /end of JSON input|Unterminated string/.test(message) ||
    (position !== undefined && Number(position) >= text.trimEnd().length);
  if (truncated) return 'invalid JSON (truncated record?)';
  return `invalid JSON (${message.charAt(0).toLowerCase()}${message.slice(1)})`;
}
