import { load } from 'cheerio';
import type { ArticleMeta } from '../types.js';
import { readHtmlHead } from './html-meta.js';
import { extractMainText } from './html-text.js';
import { fileStem } from './ids.js';
import { documentItem, faultItem, type IngestItem, type IngestOptions, type Origin } from './item.js';

export interface ParsedArticle {
  /** Main text, paragraphs separated by blank lines; empty when the page has none. */
  text: string;
  meta: ArticleMeta;
  url: string | null;
}

export const NO_ARTICLE_TEXT = 'no article text found in the HTML';

/** Main text and metadata of an article page. Never throws: broken markup is parsed as browsers do. */
export function parseArticleHtml(html: string): ParsedArticle {
  const $ = load(html);
  const { meta, url } = readHtmlHead($);
  return { text: extractMainText($).join('\n\n'), meta, url };
}

/** An HTML file's document (id = file stem), or a fault when it holds no article text or too much. */
export function htmlToDocument(html: string, source: string, opts: IngestOptions = {}): IngestItem {
  const origin: Origin = { path: source, record: null };
  const { text, meta, url } = parseArticleHtml(html);
  if (text === '') return faultItem(origin, NO_ARTICLE_TEXT);
  return documentItem({ id: fileStem(source), source, format: 'html', url, text, meta }, origin, opts);
}
