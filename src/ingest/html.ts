import { load } from 'cheerio';
import type { ArticleMeta } from '../types.js';
import { readHtmlHead } from './html-meta.js';
import { extractMainText } from './html-text.js';
import { fileStem } from './ids.js';
import { documentItem, faultItem, type IngestItem, type IngestOptions } from './item.js';

export interface ParsedArticle {
  /** Main text, paragraphs separated by blank lines. */
  text: string;
  meta: ArticleMeta;
  url: string | null;
}

export type ParsedHtml = { ok: true; article: ParsedArticle } | { ok: false; reason: string };

/**
 * Parsing (htmlparser2; parse5 is far slower on deep pages) and querying (domutils) both slow down with the
 * square of the nesting depth. Real pages leave a few hundred tags unclosed; a page over this is refused.
 */
export const MAX_UNCLOSED_TAGS = 10_000;

/** Main text and metadata of an article page. Broken markup is parsed leniently; a page without text is a failure. */
export function parseArticleHtml(html: string): ParsedHtml {
  const unclosed = unclosedTagCount(html);
  if (unclosed > MAX_UNCLOSED_TAGS) {
    return { ok: false, reason: `HTML nested too deeply (${unclosed} unclosed tags)` };
  }
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const { meta, url } = readHtmlHead($);
  const text = extractMainText($).join('\n\n');
  if (text === '') return { ok: false, reason: 'no article text found in the HTML' };
  return { ok: true, article: { text, meta, url } };
}

/** An HTML file's document (id = file stem), or a fault naming the file. */
export function htmlToDocument(html: string, source: string, opts: IngestOptions = {}): IngestItem {
  const origin = { path: source, record: null };
  const parsed = parseArticleHtml(html);
  if (!parsed.ok) return faultItem(origin, parsed.reason);
  const { text, meta, url } = parsed.article;
  return documentItem({ id: fileStem(source), source, format: 'html', url, text, meta }, origin, opts);
}

const VOID_TAGS = 'area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr';
const OPENING_TAG = new RegExp(`<(?!(?:${VOID_TAGS})\\b)[a-z]`, 'gi');
const CLOSING_TAG = /<\/[a-z]/gi;

/** Opening tags (void elements aside) minus closing tags: a cheap upper bound on the parser's open elements. */
function unclosedTagCount(html: string): number {
  return count(html, OPENING_TAG) - count(html, CLOSING_TAG);
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}
