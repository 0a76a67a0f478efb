/**
 * One walk over the whole parsed page that gathers what the readers need (head tags, JSON-LD, headings,
 * date and byline elements, the elements site profiles select), so that no reader has to scan the tree again.
 */
import type { AnyNode } from 'domhandler';
import { isElement, type Element, type ParentNode } from './html-dom.js';
import { emptyMatches, matchElement, EMPTY_INDEX, type SelectorIndex, type SelectorMatches } from './html-selectors.js';

export interface PageIndex {
  root: ParentNode;
  /** First non-empty `content` per meta key: "property:og:title", "name:author", "itemprop:datePublished"… */
  metas: Map<string, string>;
  /** `href` of the first `<link rel="canonical">`. */
  canonical: string | null;
  /** The URL in a browser's "Save Page As" mark (`<!-- saved from url=(0080)http://… -->`). */
  savedFrom: string | null;
  /** Text of the head's <title>. */
  headTitle: string | null;
  /** Raw text of the `application/ld+json` scripts. */
  jsonLd: string[];
  h1s: Element[];
  /** `datetime` (or `content`) values of <time> and `itemprop=datePublished` elements, in document order. */
  datetimes: string[];
  /** Elements whose class or id names a date ("publishdate", "post-time", "date"), in document order. */
  dateElements: Element[];
  /** Byline elements: class or id naming an author, `rel=author`, or a link to an author page. */
  bylines: Element[];
  /** Elements whose class, id or role names a lead ("sapo"), in document order. */
  leads: Element[];
  /** Elements marked `itemprop="articleBody"`, in document order. */
  articleBodies: Element[];
  body: Element | null;
  /** The elements each selector of the index finds, in document order (never inside a script, style or svg). */
  matches: SelectorMatches;
}

const DATE_NAME = /date|time|publish|ngay-?dang/;
const BYLINE_NAME = /author|byline|tac-?gia|writer|reporter/;
/** "sapo" is the Vietnamese newsroom word for a lead. */
const LEAD_NAME = /sapo|summary|description|(?:^|[\s_-])(?:lead|intro|chapeau)(?:[\s_-]|$)/;
const SAVED_FROM = /^\s*saved from url=\(\d+\)(\S+)/;

export function indexPage(root: ParentNode, selectors: SelectorIndex = EMPTY_INDEX): PageIndex {
  const page: PageIndex = {
    root,
    metas: new Map(),
    canonical: null,
    savedFrom: null,
    headTitle: null,
    jsonLd: [],
    h1s: [],
    datetimes: [],
    dateElements: [],
    bylines: [],
    leads: [],
    articleBodies: [],
    body: null,
    matches: emptyMatches(selectors),
  };
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'comment') {
      page.savedFrom ??= SAVED_FROM.exec(node.data)?.[1] ?? null;
      continue;
    }
    if (!isElement(node)) continue;
    matchElement(selectors, node, page.matches);
    if (visit(node, page)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return page;
}

/** Records what the element tells; returns whether its children are worth visiting. */
function visit(element: Element, page: PageIndex): boolean {
  const { attribs } = element;
  switch (element.name) {
    case 'script':
      if (attribs['type'] === 'application/ld+json') page.jsonLd.push(childText(element));
      return false;
    case 'style':
    case 'noscript':
    case 'svg':
      return false;
    case 'meta':
      recordMeta(attribs, page.metas);
      break;
    case 'link':
      if (attribs['rel']?.toLowerCase() === 'canonical' && attribs['href']) page.canonical ??= attribs['href'];
      break;
    case 'title':
      page.headTitle ??= childText(element);
      return false;
    case 'h1':
      page.h1s.push(element);
      break;
    case 'body':
      page.body ??= element;
      break;
    case 'time':
      if (attribs['datetime']) page.datetimes.push(attribs['datetime']);
      break;
    case 'a':
      if (attribs['rel'] === 'author' || /\/tac-gia\//.test(attribs['href'] ?? '')) page.bylines.push(element);
      return true;
  }
  const itemprop = attribs['itemprop'];
  if (itemprop === 'articleBody') page.articleBodies.push(element);
  if (itemprop === 'datePublished' && element.name !== 'meta') {
    const value = attribs['datetime'] ?? attribs['content'];
    if (value) page.datetimes.push(value);
  }
  const names = `${attribs['class'] ?? ''} ${attribs['id'] ?? ''} ${attribs['data-role'] ?? ''} ${attribs['data-slot'] ?? ''}`;
  if (names.length > 3) {
    const lower = names.toLowerCase();
    if (LEAD_NAME.test(lower)) page.leads.push(element);
    if (DATE_NAME.test(lower)) page.dateElements.push(element);
    if (BYLINE_NAME.test(lower)) page.bylines.push(element);
  }
  return true;
}

/** The elements a selector of the page's index finds. */
export function selected(page: PageIndex, selector: string): Element[] {
  const found = page.matches.get(selector);
  if (!found) throw new Error(`selector "${selector}" was not in the index the page was walked with`);
  return found;
}

function recordMeta(attribs: Record<string, string>, metas: Map<string, string>): void {
  const content = attribs['content']?.trim();
  if (!content) return;
  for (const key of ['property', 'name', 'itemprop']) {
    const value = attribs[key];
    if (!value) continue;
    const name = `${key}:${value}`;
    if (!metas.has(name)) metas.set(name, content);
  }
}

function childText(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.data : '')).join('');
}
