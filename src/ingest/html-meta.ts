import type { CheerioAPI } from 'cheerio';
import type { ArticleMeta } from '../types.js';
import { fold } from './fold.js';
import { elements, textContent } from './html-dom.js';
import { jsonLdNodes, jsonLdPersonNames } from './json-ld.js';
import type { JsonObject } from './json.js';
import { normalizePublished } from './published-date.js';
import { collapseWhitespace } from './whitespace.js';

/** What an HTML page says about itself: its metadata and its canonical URL. */
export interface HtmlHead {
  meta: ArticleMeta;
  url: string | null;
}

/** Reads the page's title, publication date, authors and canonical URL. */
export function readHtmlHead($: CheerioAPI): HtmlHead {
  const url = absoluteUrl(attr($, 'link[rel="canonical"]', 'href') ?? attr($, 'meta[property="og:url"]', 'content'));
  const site: Site = {
    name: fold(attr($, 'meta[property="og:site_name"]', 'content') ?? '') || null,
    host: url ? new URL(url).hostname.replace(/^www\./, '') : null,
  };
  const ld = jsonLdNodes($);
  return {
    meta: { title: readTitle($, site), published: readPublished($, ld), authors: readAuthors($, ld, site) },
    url,
  };
}

/** The site's name (folded, see `fold`) and host, to recognize it where an author or title suffix should be. */
interface Site {
  name: string | null;
  host: string | null;
}

function readTitle($: CheerioAPI, site: Site): string | null {
  const heading = elements($, 'h1')
    .map((h1) => cleanText(textContent(h1)))
    .find((text) => text !== '');
  const ogTitle = stripSiteSuffix(attr($, 'meta[property="og:title"]', 'content'), site);
  // og:title is often the headline plus section and site ("… - Chính trị - Xã hội - Tuổi Trẻ Online").
  if (ogTitle && heading && ogTitle.startsWith(heading)) return heading;
  return ogTitle ?? heading ?? stripSiteSuffix(cleanText($('title').first().text()), site);
}

const SUFFIX_SEPARATORS = [' - ', ' | ', ' – ', ' — '];

/** Drops trailing " - Site name" parts, as long as they name the site (see `isSiteName`). */
function stripSiteSuffix(title: string | null, site: Site): string | null {
  let rest = title ?? '';
  for (;;) {
    const cut = Math.max(...SUFFIX_SEPARATORS.map((separator) => rest.lastIndexOf(separator)));
    // Every separator is three characters long.
    if (cut <= 0 || !isSiteName(rest.slice(cut + 3).trim(), site)) return rest || null;
    rest = rest.slice(0, cut).trim();
  }
}

/** Names a news site: "Báo Dân trí", "Tuổi Trẻ Online", "VCCorp.vn", the og:site_name or the domain's name. */
function isSiteName(text: string, site: Site): boolean {
  const key = fold(text);
  if (key.length < 3) return false;
  if (site.name?.includes(key) || site.host?.split('.')[0] === key) return true;
  return /[a-z0-9-]\.(?:vn|com|net|org|gov|info)\b/i.test(text) || SITE_NAME_PATTERN.test(text.toLowerCase());
}

// "Báo cáo" (report) and "báo động" (alarm) start ordinary titles.
const SITE_NAME_PATTERN = /^(?:báo (?!cáo|động)|tạp chí |cổng thông tin )|(?:^|\s)(?:online|news|tv)$/;

// In order of trust: machine-readable attributes, JSON-LD, then the first <time datetime>.
const PUBLISHED_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['meta[property="article:published_time"]', 'content'],
  ['[itemprop="datePublished"][content]', 'content'],
  ['[itemprop="datePublished"][datetime]', 'datetime'],
  ['meta[name="pubdate"]', 'content'],
];

function readPublished($: CheerioAPI, ld: readonly JsonObject[]): string | null {
  const candidates = [
    ...PUBLISHED_ATTRIBUTES.map(([selector, attribute]) => attr($, selector, attribute)),
    ...ld.map((node) => node['datePublished']),
    attr($, 'time[datetime]', 'datetime'),
  ];
  for (const candidate of candidates) {
    const published = typeof candidate === 'string' ? normalizePublished(candidate) : null;
    if (published) return published;
  }
  return null;
}

function readAuthors($: CheerioAPI, ld: readonly JsonObject[], site: Site): string[] {
  const metaAuthor = attr($, 'meta[name="author"]', 'content');
  const names = metaAuthor && !isOrganisation(metaAuthor, site) ? [metaAuthor] : jsonLdPersonNames(ld);
  // "Theo X" is a credit ("according to X"), X the author.
  return [...new Set(names.map((name) => cleanText(name).replace(/^theo\s+/i, '')))];
}

/** A meta author that is really the site: its name, domain or a lowercase handle like "baotuoitre". */
function isOrganisation(author: string, site: Site): boolean {
  return isSiteName(author, site) || /^[a-z0-9_.-]+$/.test(author);
}

/** The cleaned attribute of the first element that has it non-empty. */
function attr($: CheerioAPI, selector: string, attribute: string): string | null {
  for (const element of $(selector).toArray()) {
    const value = cleanText($(element).attr(attribute) ?? '');
    if (value) return value;
  }
  return null;
}

/** Whitespace collapsed, and numeric character references decoded: some CMSs escape text twice ("NH&#7852;T"). */
function cleanText(text: string): string {
  return collapseWhitespace(
    text.replace(/&#(?:x([0-9a-f]{1,6})|(\d{1,7}));/gi, (reference, hex?: string, decimal?: string) => {
      const codePoint = hex ? parseInt(hex, 16) : Number(decimal);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
    }),
  );
}

function absoluteUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}
