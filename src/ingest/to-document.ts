import { charsetOf } from './charset.js';
import { checkText, decodeBytes, normalizeLineEndings, type Decoded } from './decode.js';
import { parseArticleHtml, type ParsedArticle } from './html.js';
import { documentItem, faultItem, type IngestItem, type IngestOptions } from './item.js';
import type { RawInput } from './raw-input.js';
import { singleBytesOf } from './single-byte.js';

/**
 * The CPU phase of ingestion, pure and worker-safe: a raw input's charset decided, its text decoded and
 * checked (see decode.ts), its page parsed; the document, or one fault naming the file and record.
 */
export function toDocument(raw: RawInput, opts: IngestOptions = {}): IngestItem {
  const decoded = decodePayload(raw);
  if (!decoded.ok) return faultItem(raw.origin, decoded.reason);
  const page = raw.content === 'html' ? readPage(decoded.text, raw) : plainText(decoded.text);
  if (!page.ok) return faultItem(raw.origin, page.reason);
  return documentItem(
    {
      id: raw.id,
      source: raw.source,
      format: raw.format,
      url: raw.url ?? page.url,
      text: page.text,
      meta: { ...page.meta, ...raw.meta },
      decoding: decoded.decoding,
      ...(page.captions.length > 0 ? { captions: page.captions } : {}),
    },
    raw.origin,
    opts,
  );
}

function decodePayload(raw: RawInput): Decoded {
  const hints = { declared: raw.charset, html: raw.content === 'html' };
  if (typeof raw.payload !== 'string') return decodeBytes(raw.payload, hints);
  // A crawler may have kept the page's bytes as Latin-1 text: they are read with the charset its server declared.
  const bytes = raw.charset && charsetOf(raw.charset)?.name !== 'utf-8' ? singleBytesOf(raw.payload) : null;
  return bytes ? decodeBytes(bytes, hints) : checkText(raw.payload, raw.decodedAs ?? { charset: 'utf-8', converted: null });
}

type Page = ({ ok: true } & Pick<ParsedArticle, 'text' | 'url' | 'captions'> & { meta: Partial<ParsedArticle['meta']> }) | { ok: false; reason: string };

/** The page's main text and metadata; the crawler's own text (JSONL) if the page has none. */
function readPage(html: string, raw: RawInput): Page {
  // The crawl's URL picks the site profile; its time bounds the published date (a page cannot be from later).
  const parsed = parseArticleHtml(html, { url: raw.url, fetchedAt: raw.fetchedAt });
  if (parsed.ok) return { ok: true, ...parsed.article };
  if (raw.fallbackText === null) return parsed;
  const fallback = checkText(raw.fallbackText, raw.decodedAs ?? { charset: 'utf-8', converted: null });
  return fallback.ok ? plainText(fallback.text) : fallback;
}

function plainText(text: string): Page {
  return { ok: true, text: normalizeLineEndings(text), meta: {}, url: null, captions: [] };
}
