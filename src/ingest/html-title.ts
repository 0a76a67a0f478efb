/** The article's headline: the profile's or the page's <h1>, else og:title or <title> without the site's name. */
import { isPageChrome } from './html-boilerplate.js';
import { textContent } from './html-dom.js';
import { selected, type PageIndex } from './html-page.js';
import { cleanText, isSiteName, type Site } from './html-site.js';

export function readTitle(page: PageIndex, site: Site, titleSelectors: readonly string[]): string | null {
  for (const selector of titleSelectors) {
    const title = firstText(selected(page, selector));
    if (title) return title;
  }
  // A logo in an <h1> names the site, not the article.
  const heading = firstText(page.h1s.filter((h1) => !isPageChrome(h1)), site);
  const ogTitle = stripSiteSuffix(page.metas.get('property:og:title') ?? null, site);
  // og:title is often the headline plus section and site ("… - Chính trị - Xã hội - Tuổi Trẻ Online").
  return heading ?? ogTitle ?? stripSiteSuffix(page.headTitle, site);
}

function firstText(elements: readonly Parameters<typeof textContent>[0][], site?: Site): string | null {
  for (const element of elements) {
    const text = cleanText(textContent(element));
    if (text && !(site && isSiteName(text, site))) return text;
  }
  return null;
}

const SUFFIX_SEPARATORS = [' - ', ' | ', ' – ', ' — '];

/** A section name between headline and site name ("Chính trị - Xã hội"): a few words, no digits. */
const SECTION_NAME = /^[^\d]+$/;
const MAX_SECTION_WORDS = 3;

/**
 * Drops trailing " - Site name" parts, as long as they name the site, then the section names before them.
 * A title that is all site name is none.
 */
export function stripSiteSuffix(title: string | null, site: Site): string | null {
  let rest = cleanText(title ?? '');
  let siteCut = false;
  for (;;) {
    const cut = Math.max(...SUFFIX_SEPARATORS.map((separator) => rest.lastIndexOf(separator)));
    // Every separator is three characters long.
    const segment = rest.slice(cut + 3).trim();
    const isSection = siteCut && SECTION_NAME.test(segment) && segment.split(' ').length <= MAX_SECTION_WORDS;
    if (cut <= 0 || !(isSiteName(segment, site) || isSection)) break;
    siteCut = true;
    rest = rest.slice(0, cut).trim();
  }
  return rest && !isSiteName(rest, site) ? rest : null;
}
