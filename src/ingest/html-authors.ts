/**
 * The article's authors: people named by the profile's byline, JSON-LD, the author meta tag, a byline
 * element or the body's sign-off. Never the site or another organisation.
 */
import { isPageChrome } from './html-boilerplate.js';
import { shortText, type Element } from './html-dom.js';
import { selected, type PageIndex } from './html-page.js';
import { cleanText, isSiteName, type Site } from './html-site.js';
import { jsonLdPersonNames } from './json-ld.js';
import type { JsonObject } from './json.js';

const MAX_BYLINE_CHARS = 80;

export function readAuthors(
  page: PageIndex,
  ld: readonly JsonObject[],
  site: Site,
  profileSelectors: readonly string[],
  signOff: readonly string[],
): string[] {
  const sources: (() => string[])[] = [
    () => profileSelectors.flatMap((selector) => bylineNames(selected(page, selector), site)),
    () => jsonLdPersonNames(ld).flatMap((name) => personNames(name, site)),
    () => personNames(page.metas.get('name:author') ?? '', site),
    () => bylineNames(page.bylines.filter((element) => !isPageChrome(element)), site),
    () => signOffNames(signOff, site),
  ];
  for (const source of sources) {
    const names = [...new Set(source())];
    if (names.length > 0) return names;
  }
  return [];
}

/** Names in the first byline element that has any. */
function bylineNames(elements: readonly Element[], site: Site): string[] {
  for (const element of elements) {
    const names = personNames(shortText(element, MAX_BYLINE_CHARS) ?? '', site);
    if (names.length > 0) return names;
  }
  return [];
}

/** The author of a sign-off is on its first line that names a person; lines after it name the source. */
function signOffNames(lines: readonly string[], site: Site): string[] {
  for (const line of lines) {
    const names = personNames(line, site);
    if (names.length > 0) return names;
  }
  return [];
}

/** "(tổng hợp)" (compiled), "(theo Reuters)", "và 1 tác giả khác" (and one other author): not names. */
const NOT_NAME = /\([^)]*\)|\bvà \d+ tác giả khác\b/giu;
/** "Theo X" (according to X), "Bài và ảnh:", "Tác giả:": labels before the names. */
const LABEL = /^(?:theo|bài(?: và ảnh)?\s*:|ảnh\s*:|tác giả\s*:|by)\s+/iu;
const SEPARATORS = /\s+[-–—&]\s+|,\s*|\s+và\s+/u;
const MAX_NAME_WORDS = 6;

/** The person names in a byline: labels and notes dropped, split at " - ", "," and " và ". */
export function personNames(byline: string, site: Site): string[] {
  const text = cleanText(byline.replace(NOT_NAME, ' ')).replace(LABEL, '');
  return text
    .split(SEPARATORS)
    .map((name) => cleanText(name).replace(LABEL, ''))
    .filter((name) => isPersonName(name, site));
}

function isPersonName(name: string, site: Site): boolean {
  const words = name.split(' ');
  return (
    name.length >= 2 &&
    words.length <= MAX_NAME_WORDS &&
    /^\p{Lu}/u.test(name) &&
    !/[\d@:/]/.test(name) &&
    !isSiteName(name, site) &&
    // A handle like "baotuoitre" names the site's account.
    !/^[a-z0-9_.-]+$/.test(name)
  );
}
