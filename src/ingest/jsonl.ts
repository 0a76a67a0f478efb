import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { ArticleMeta } from '../types.js';
import { decodeUtf8, looksBinary, normalizeLineEndings } from './decode.js';
import { parseArticleHtml } from './html.js';
import { urlId } from './ids.js';
import { isJsonObject, type JsonObject } from './json.js';
import { documentItem, errorReason, faultItem, type IngestItem, type IngestOptions, type Origin } from './item.js';
import { normalizePublished } from './published-date.js';

const PEEK_BYTES = 64 * 1024;
const BLANK_LINE = /^[ \t\r]*$/;

/**
 * Streams a JSONL file of crawl records, one item per non-blank line. A bad line is a fault of its own
 * (record = its 1-based line number); the other lines still yield their documents.
 */
export async function* readJsonl(path: string, opts: IngestOptions = {}): AsyncGenerator<IngestItem> {
  const file: Origin = { path, record: null };
  try {
    if (await startsBinary(path)) {
      yield faultItem(file, 'binary data, not text');
      return;
    }
  } catch (err) {
    yield faultItem(file, errorReason(err));
    return;
  }
  // latin1 maps each byte to one character: lines still split on the ASCII line ends, and each line's
  // original bytes come back intact for strict UTF-8 decoding (readline's own decoding would hide bad bytes).
  const input = createReadStream(path, { encoding: 'latin1' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let records = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (BLANK_LINE.test(line)) continue;
      records++;
      yield recordToDocument(Buffer.from(line, 'latin1'), { path, record: lineNumber }, opts);
    }
    if (records === 0) yield faultItem(file, 'empty file');
  } catch (err) {
    yield faultItem(file, errorReason(err));
  } finally {
    lines.close();
    input.destroy();
  }
}

async function startsBinary(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(PEEK_BYTES), position: 0 });
    return looksBinary(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * A crawl record line `{"url", "html"|"text", "title"?, "published"?, "authors"?, …}` as a document whose
 * id is the URL's hash, or the fault that names what is wrong with it.
 */
export function recordToDocument(line: Uint8Array, origin: Origin, opts: IngestOptions = {}): IngestItem {
  const decoded = decodeUtf8(line);
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

  // The page is preferred to a crawler's text (the extraction is ours, and it carries metadata), unless it has none.
  const parsed = html ? parseArticleHtml(html) : null;
  if (parsed && !parsed.ok && !text) return faultItem(origin, parsed.reason);
  const page = parsed?.ok ? parsed.article : { text: normalizeLineEndings(text!), meta: {} };
  return documentItem(
    {
      id: urlId(url),
      source: `${origin.path}#${origin.record}`,
      format: 'jsonl',
      url,
      text: page.text,
      meta: { ...page.meta, ...recordMeta(record) },
    },
    origin,
    opts,
  );
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
