/**
 * The publication date-time of a page, from the most trusted source that gives a believable one: a site
 * profile's element, machine-readable meta tags, JSON-LD, <time datetime>, then the date a reader sees.
 */
import { isPageChrome } from './html-boilerplate.js';
import { isElement, shortText, type Element } from './html-dom.js';
import { selected, type PageIndex } from './html-page.js';
import type { JsonObject } from './json.js';
import { earliestInstant, normalizePublished, parseVisibleDate, VIETNAM_OFFSET } from './published-date.js';

/** Clocks and time zones disagree a little: a date this far past the crawl is still believed. */
const FUTURE_TOLERANCE_MS = 14 * 60 * 60 * 1000;
const MAX_DATE_TEXT_CHARS = 80;
/** How many text nodes after the headline are searched for a visible date. */
const TEXTS_AFTER_HEADLINE = 40;

const META_KEYS = ['property:article:published_time', 'itemprop:datePublished', 'name:pubdate', 'name:publishdate'];

/**
 * The first believable date, as ISO with an offset (Vietnamese time when the source gives none). A date
 * later than `fetchedAt` is refused; a bare date gives way to a later source that has the time of that day.
 */
export function readPublished(
  page: PageIndex,
  ld: readonly JsonObject[],
  profileSelectors: readonly string[],
  fetchedAt: Date,
): string | null {
  const latest = fetchedAt.getTime() + FUTURE_TOLERANCE_MS;
  let dateOnly: string | null = null;
  for (const candidate of candidates(page, ld, profileSelectors)) {
    if (!candidate || earliestInstant(candidate) > latest) continue;
    if (candidate.length > 10) {
      if (!dateOnly || candidate.startsWith(dateOnly)) return candidate;
    } else {
      dateOnly ??= candidate;
    }
  }
  return dateOnly;
}

/** The candidates in order of trust, read lazily: the visible ones cost a look at the page. */
function* candidates(
  page: PageIndex,
  ld: readonly JsonObject[],
  profileSelectors: readonly string[],
): Generator<string | null> {
  for (const selector of profileSelectors) {
    for (const element of selected(page, selector)) yield elementDate(element);
  }
  for (const key of META_KEYS) yield machineDate(page.metas.get(key));
  for (const node of ld) yield machineDate(node['datePublished']);
  for (const value of page.datetimes) yield machineDate(value);
  for (const element of page.dateElements) if (!isPageChrome(element)) yield elementDate(element);
  const headline = page.h1s[0];
  if (headline) yield* datesAfter(headline);
}

function machineDate(value: unknown): string | null {
  const iso = typeof value === 'string' ? normalizePublished(value) : null;
  return iso && iso.length === 19 ? iso + VIETNAM_OFFSET : iso;
}

/** An element's date: its `datetime` or `content` attribute, else its short visible text. */
function elementDate(element: Element): string | null {
  const attribute = element.attribs['datetime'] ?? element.attribs['content'];
  const machine = attribute ? machineDate(attribute) : null;
  if (machine) return machine;
  const text = shortText(element, MAX_DATE_TEXT_CHARS);
  return text ? parseVisibleDate(text) : null;
}

/** Dates in the short text nodes that follow the headline in document order. */
function* datesAfter(headline: Element): Generator<string | null> {
  let seen = 0;
  for (let node = nextInDocument(headline, true); node && seen < TEXTS_AFTER_HEADLINE; node = nextInDocument(node, false)) {
    if (node.type !== 'text' || node.data.trim() === '') continue;
    seen++;
    if (node.data.length <= MAX_DATE_TEXT_CHARS) yield parseVisibleDate(node.data);
  }
}

type Node = Element['children'][number];

/** The next node in document order; `skipChildren` steps over the node's own content. */
function nextInDocument(node: Node, skipChildren: boolean): Node | null {
  if (!skipChildren && isElement(node) && node.children[0] && node.name !== 'script' && node.name !== 'style') {
    return node.children[0];
  }
  for (let current: Node | null = node; current; current = current.parent as Node | null) {
    if (current.next) return current.next;
  }
  return null;
}
