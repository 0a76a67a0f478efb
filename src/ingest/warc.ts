/**
 * WARC and .warc.gz crawls, streamed record by record with warcio (Webrecorder). Only `response` records
 * (and `resource` records holding HTML or text) become inputs; gzip is inflated by node:zlib first, since
 * warcio's own inflater ends quietly on a truncated file.
 */
import { LimitReader, WARCParser, type WARCRecord } from 'warcio';
import { contentTypeCharset } from './charset.js';
import { openInput, readErrorReason } from './gzip.js';
import { urlId } from './ids.js';
import { faultItem, type FaultItem, type Origin } from './item.js';
import { ownBytes, type RawInput, type ReadOptions } from './raw-input.js';
import { MAX_FILE_BYTES } from './read-file.js';

/** The inputs of a WARC file, one fault per record that cannot be read; request, metadata… records pass silently. */
export async function* readWarc(path: string, gzip: boolean, opts: ReadOptions = {}): AsyncGenerator<RawInput | FaultItem> {
  const input = openInput(path, gzip);
  let records = 0;
  // The record being read when the stream fails: the one begun, or the next one while looking for it.
  let reading = 1;
  try {
    for await (const record of new WARCParser(input)) {
      reading = ++records;
      const origin = { path, record: records };
      if (!record.warcHeaders.statusline.startsWith('WARC/')) {
        if (records === 1) {
          yield faultItem({ path, record: null }, 'not a WARC file');
          return;
        }
        // warcio finds its way from garbage to the next record.
        yield faultItem(origin, 'corrupt WARC record (no WARC/ version line)');
        continue;
      }
      const length = record.warcHeaders.headers.get('Content-Length');
      if (!/^\d+$/.test(length?.trim() ?? '')) {
        // Without the length the next record cannot be found.
        yield faultItem(origin, `corrupt WARC record (Content-Length ${JSON.stringify(length)}); rest of the file not read`);
        return;
      }
      const item = await recordInput(record, origin, opts);
      if (item) yield item;
      reading = records + 1;
    }
    if (records === 0) yield faultItem({ path, record: null }, 'empty file');
  } catch (err) {
    yield faultItem({ path, record: reading }, `unreadable WARC record: ${readErrorReason(err)}`);
  } finally {
    input.destroy();
  }
}

const PAGE_TYPES: Record<string, RawInput['content']> = { 'text/html': 'html', 'application/xhtml+xml': 'html', 'text/plain': 'text' };

/** A response's input; null for a record that is not a page (skipped: counted through `onSkip` if it is a response). */
async function recordInput(record: WARCRecord, origin: Origin, opts: ReadOptions): Promise<RawInput | FaultItem | null> {
  const type = record.warcType;
  if (type !== 'response' && type !== 'resource') return null;
  const skip = (reason: string): null => {
    opts.onSkip?.({ source: origin.path, record: origin.record!, reason });
    return null;
  };
  const http = record.httpHeaders;
  if (type === 'response') {
    const status = http?.statusCode;
    if (status !== 200) return skip(`HTTP status ${status || 'missing'}`);
  }
  const contentType = (type === 'response' ? http?.headers.get('content-type') : record.warcContentType) ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  const content = PAGE_TYPES[mediaType];
  if (!content) return type === 'response' ? skip(`content type ${mediaType || 'missing'}`) : null;
  const url = record.warcTargetURI?.replace(/^<(.*)>$/, '$1').trim();
  if (!url) return faultItem(origin, 'WARC record has no WARC-Target-URI');
  if (record.warcContentLength > MAX_FILE_BYTES) {
    return faultItem(origin, `WARC record too large: ${record.warcContentLength} bytes (limit ${MAX_FILE_BYTES})`);
  }
  const block = record.reader; // taken before reading: warcio refuses it once the content is being decoded
  const payload = await record.readFully(true);
  if (block instanceof LimitReader && block.limit > 0) return faultItem(origin, 'truncated WARC record (the file ends inside it)');
  return {
    id: urlId(url),
    source: `${origin.path}#${origin.record}`,
    origin,
    format: 'warc',
    content,
    payload: ownBytes(payload),
    charset: contentTypeCharset(contentType),
    url,
    fetchedAt: record.warcDate ?? null,
    meta: {},
    fallbackText: null,
    decodedAs: null,
  };
}
