/** What an HTML page says about itself: title, publication date, authors and canonical URL. */
import type { CheerioAPI } from 'cheerio';
import type { ArticleMeta } from '../types.js';
import { fold } from './fold.js';
import { readAuthors } from './html-authors.js';
import { indexPage, type PageIndex } from './html-page.js';
import type { SiteProfile } from './html-profiles.js';
import { readPublished } from './html-published.js';
import { cleanText, hostOf, type Site } from './html-site.js';
import { readTitle } from './html-title.js';
import { jsonLdNodes } from './json-ld.js';
import type { JsonObject } from './json.js';

export interface HtmlHead {
  meta: ArticleMeta;
  url: string | null;
}

/** The page's own URL: canonical link, og:url, or the URL a browser's "Save Page As" noted. */
export function pageUrl(page: PageIndex): string | null {
  for (const candidate of [page.canonical, page.metas.get('property:og:url'), page.savedFrom]) {
    const url = absoluteUrl(candidate ? cleanText(candidate) : null);
    if (url) return url;
  }
  return null;
}

export function siteOf(page: PageIndex, url: string | null): Site {
  return { name: fold(cleanText(page.metas.get('property:og:site_name') ?? '')) || null, host: hostOf(url) };
}

export interface HeadContext {
  page: PageIndex;
  ld: readonly JsonObject[];
  site: Site;
  profile: SiteProfile | null;
  fetchedAt: Date;
  /** The body's closing lines, where an author may sign. */
  signOff: readonly string[];
}

export function readMeta({ page, ld, site, profile, fetchedAt, signOff }: HeadContext): ArticleMeta {
  return {
    title: readTitle(page, site, profile?.title ?? []),
    published: readPublished(page, ld, profile?.published ?? [], fetchedAt),
    authors: readAuthors(page, ld, site, profile?.authors ?? [], signOff),
  };
}

/** Reads the page's title, publication date, authors and canonical URL, without a site profile. */
export function readHtmlHead($: CheerioAPI): HtmlHead {
  const page = indexPage($.root()[0]!);
  const url = pageUrl(page);
  const context = { page, ld: jsonLdNodes(page.jsonLd), site: siteOf(page, url), profile: null, fetchedAt: new Date(), signOff: [] };
  return { meta: readMeta(context), url };
}

function absoluteUrl(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}
