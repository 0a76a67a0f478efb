/**
 * One walk over the whole parsed page that gathers what the metadata readers need (head tags, JSON-LD,
 * headings, date and byline elements), so that no reader has to scan the tree again.
 */
import type { AnyNode } from 'domhandler';
import { isElement, type Element, type ParentNode } from './html-dom.js';

export interface PageIndex {
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
  body: Element | null;
}

const DATE_NAME = /date|time|publish|ngay-?dang/;
const BYLINE_NAME = /author|byline|tac-?gia|writer|reporter/;
/** "sapo" is the Vietnamese newsroom word for a lead. */
const LEAD_NAME = /sapo|summary|description|(?:^|[\s_-])(?:lead|intro|chapeau)(?:[\s_-]|$)/;
const SAVED_FROM = /^\s*saved from url=\(\d+\)(\S+)/;

export function indexPage(root: ParentNode): PageIndex {
  const page: PageIndex = {
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
    body: null,
  };
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'comment') {
      page.savedFrom ??= SAVED_FROM.exec(node.data)?.[1] ?? null;
      continue;
    }
    if (!isElement(node)) continue;
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
  if (attribs['itemprop'] === 'datePublished' && element.name !== 'meta') {
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
