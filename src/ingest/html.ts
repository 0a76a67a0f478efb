import { parseDocument } from 'htmlparser2';
import type { ArticleMeta } from '../types.js';
import { pageUrl, readMeta, siteOf } from './html-meta.js';
import { indexPage } from './html-page.js';
import { chooseProfile, loadSiteProfiles, profileSelectors, type SiteProfile } from './html-profiles.js';
import { withoutScriptContent } from './html-scripts.js';
import { hostOf } from './html-site.js';
import { readArticleText } from './html-text.js';
import { fileStem } from './ids.js';
import { documentItem, faultItem, type IngestItem, type IngestOptions } from './item.js';
import { jsonLdArticleBody, jsonLdNodes } from './json-ld.js';
import { collapseWhitespace } from './whitespace.js';

export interface ParsedArticle {
  /** Main text, paragraphs separated by blank lines; image captions are not in it. */
  text: string;
  /** Image captions of the body, in document order. */
  captions: string[];
  meta: ArticleMeta;
  url: string | null;
}

export type ParsedHtml = { ok: true; article: ParsedArticle } | { ok: false; reason: string };

export interface ParseOptions {
  /** Where the page was fetched from; else the page's canonical URL or og:url is used. */
  url?: string | null;
  /** When the page was fetched (default: now): a publication date after it is not believed. */
  fetchedAt?: string | Date | null;
  /** Site profiles to choose from (default: those in `rules/sites/`); `false` uses the generic extractor only. */
  profiles?: readonly SiteProfile[] | false;
}

/**
 * Parsing (htmlparser2; parse5 is far slower on deep pages) and querying (domutils) both slow down with the
 * square of the nesting depth. Real pages leave a few hundred tags unclosed; a page over this is refused.
 */
export const MAX_UNCLOSED_TAGS = 10_000;

/** Below this much text, a complete JSON-LD `articleBody` is preferred to what the markup gave. */
const MIN_MARKUP_TEXT_CHARS = 200;

/** Main text and metadata of an article page. Broken markup is parsed leniently; a page without text is a failure. */
export function parseArticleHtml(source: string, opts: ParseOptions = {}): ParsedHtml {
  const html = withoutScriptContent(source);
  const unclosed = unclosedTagCount(html);
  if (unclosed > MAX_UNCLOSED_TAGS) {
    return { ok: false, reason: `HTML nested too deeply (${unclosed} unclosed tags)` };
  }
  // htmlparser2 itself, not through cheerio's load, which only wrapped the same document (2,000 generated
  // pages, one thread: 51–56 → 66–93 MB/s for the whole step).
  const root = parseDocument(html, { decodeEntities: true });
  const profiles = opts.profiles === false ? [] : (opts.profiles ?? loadSiteProfiles());
  const page = indexPage(root, profileSelectors(profiles));
  const url = pageUrl(page);
  const site = siteOf(page, opts.url ?? url);
  const profile = chooseProfile(profiles, hostOf(opts.url ?? null) ?? site.host, page);
  const { paragraphs, captions, signOff } = readArticleText(page, profile ?? undefined);
  const ld = jsonLdNodes(page.jsonLd);
  let text = paragraphs.join('\n\n');
  const ldBody = jsonLdArticleBody(ld);
  if (text.length < MIN_MARKUP_TEXT_CHARS && ldBody && isComplete(ldBody, text)) text = ldBody;
  if (text === '') return { ok: false, reason: 'no article text found in the HTML' };
  const fetchedAt = opts.fetchedAt ? new Date(opts.fetchedAt) : new Date();
  const meta = readMeta({ page, ld, site, profile, fetchedAt, signOff });
  return { ok: true, article: { text, captions, meta, url: opts.url ?? url } };
}

/** Longer than the markup's text and ending like a sentence: not a teaser cut off at a word limit. */
function isComplete(articleBody: string, markupText: string): boolean {
  const body = collapseWhitespace(articleBody);
  return body.length > markupText.length && /[.!?…"”)]$/.test(body);
}

/** An HTML file's document (id = file stem), or a fault naming the file. */
export function htmlToDocument(
  html: string,
  source: string,
  opts: IngestOptions = {},
  parseOptions: ParseOptions = {},
): IngestItem {
  const origin = { path: source, record: null };
  const parsed = parseArticleHtml(html, parseOptions);
  if (!parsed.ok) return faultItem(origin, parsed.reason);
  const { text, captions, meta, url } = parsed.article;
  return documentItem({ id: fileStem(source), source, format: 'html', url, text, meta, captions }, origin, opts);
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * Opening tags (void elements aside) minus closing tags: a cheap upper bound on the parser's open elements.
 * A tag is "<" or "</" then an ASCII letter; its name is the run of word characters that follows.
 */
function unclosedTagCount(html: string): number {
  let unclosed = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    if (isAsciiLetter(html.charCodeAt(i + 1))) {
      let end = i + 2;
      while (isWordChar(html.charCodeAt(end))) end++;
      if (!VOID_TAGS.has(html.slice(i + 1, end).toLowerCase())) unclosed++;
    } else if (html.charCodeAt(i + 1) === 47 /* / */ && isAsciiLetter(html.charCodeAt(i + 2))) {
      unclosed--;
    }
  }
  return unclosed;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A character of the regex class \w. */
function isWordChar(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 95;
}
