/** Basic main-text extraction: the article's lead (sapo) and body container, as paragraphs. The DOM is only read. */
import type { CheerioAPI } from 'cheerio';
import { isPageChrome, isSkipped } from './html-boilerplate.js';
import { contains, elements, isElement, walk, type Element, type ParentNode } from './html-dom.js';
import { collapseWhitespace } from './whitespace.js';

export function extractMainText($: CheerioAPI): string[] {
  const body = findBody($);
  const lead = findLead($, body);
  const leadParagraphs = lead ? blockParagraphs(lead) : [];
  const bodyParagraphs = blockParagraphs(body).filter((paragraph) => !leadParagraphs.includes(paragraph));
  return [...leadParagraphs, ...bodyParagraphs];
}

/** Elements that start and end a paragraph. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'pre', 'address', 'center', 'hr',
]);

/** Known body containers, most specific first. */
const BODY_SELECTORS = [
  '[itemprop="articleBody"]',
  '.fck_detail',
  '#content_detail_news',
  '.maincontent',
  '[data-slot="content"]',
  '.fck',
  '.detail-content',
  '#divfirst',
  'article',
];

/** Known leads (sapo), which most sites place above the body container. */
const LEAD_SELECTOR =
  '[data-role="sapo"], [data-slot="sapo"], [class*="detail-sapo"], .sapo, .sapo_detail, .post-sapo, p.description';

/** A known container needs this much text to be believed: a template's container can be an empty shell. */
const MIN_BODY_CHARS = 80;

function findBody($: CheerioAPI): ParentNode {
  for (const selector of BODY_SELECTORS) {
    const best = longest(elements($, selector).filter((element) => !isPageChrome(element)));
    if (best && best.length >= MIN_BODY_CHARS) return widenSplitBody($, best.element);
  }
  // A fragment or a page truncated early may have no <body> element at all.
  return densestParagraphParent($) ?? elements($, 'body')[0] ?? $.root()[0]!;
}

/** Dantri-family mobile pages split the body into #divfirst and #divend around an ad slot. */
function widenSplitBody($: CheerioAPI, body: Element): Element {
  const parent = body.parent;
  const split = body.attribs['id'] === 'divfirst' && isElement(parent) && $(parent).children('#divend').length > 0;
  return split ? parent : body;
}

/** Fallback: the element whose direct <p> children carry the most text. */
function densestParagraphParent($: CheerioAPI): Element | undefined {
  const scores = new Map<Element, number>();
  for (const paragraph of elements($, 'p')) {
    const parent = paragraph.parent;
    if (!isElement(parent) || isPageChrome(paragraph)) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + textLength(paragraph));
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [element, score] of scores) if (score > bestScore) [best, bestScore] = [element, score];
  return best;
}

/**
 * The marked lead, else the paragraph right after the headline; never one that the body's own text already
 * has, nor one around the body. (A lead in the body's <header> is skipped there, so it is taken here.)
 */
function findLead($: CheerioAPI, body: ParentNode): Element | undefined {
  const headline = elements($, 'h1')[0];
  const afterHeadline = headline ? $(headline).nextAll('p').first().toArray().filter(isElement) : [];
  return [...elements($, LEAD_SELECTOR), ...afterHeadline].find(
    (lead) => !isPageChrome(lead) && !walkReaches(body, lead) && !contains(lead, body) && textLength(lead) > 0,
  );
}

/** Whether walking `root` reaches `node`: it is inside, and nothing on the way is skipped. */
function walkReaches(root: ParentNode, node: Element): boolean {
  for (let current: ParentNode | null = node; current; current = current.parent) {
    if (current === root) return true;
    if (isElement(current) && isSkipped(current)) return false;
  }
  return false;
}

function longest(candidates: Element[]): { element: Element; length: number } | undefined {
  let best: { element: Element; length: number } | undefined;
  for (const element of candidates) {
    const length = textLength(element);
    if (!best || length > best.length) best = { element, length };
  }
  return best;
}

/** Length of the text that `blockParagraphs` reads, roughly (spaces between nodes aside), without building it. */
function textLength(root: ParentNode): number {
  let length = 0;
  walk(root, BLOCK_TAGS, {
    enter: (element) => !isSkipped(element),
    text: (data) => (length += collapseWhitespace(data).length),
    blockEdge: () => {},
    lineBreak: () => {},
  });
  return length;
}

/**
 * The element's text as paragraphs: block elements start and end one, `<br>` breaks a line (two in a row
 * end the paragraph), and chrome, boilerplate boxes and hidden or related-news blocks are left out.
 */
export function blockParagraphs(root: ParentNode): string[] {
  const paragraphs: string[] = [];
  let pieces: string[] = [];
  const endParagraph = (): void => {
    let lines: string[] = [];
    for (const line of pieces.join('').split('\n')) {
      const clean = collapseWhitespace(line);
      if (clean) {
        lines.push(clean);
      } else if (lines.length > 0) {
        paragraphs.push(lines.join('\n'));
        lines = [];
      }
    }
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    pieces = [];
  };
  walk(root, BLOCK_TAGS, {
    enter: (element) => !isSkipped(element),
    // Line breaks in the source are plain whitespace; only <br> breaks a line.
    text: (data) => pieces.push(data.replace(/\s+/g, ' ')),
    blockEdge: endParagraph,
    lineBreak: () => pieces.push('\n'),
  });
  endParagraph();
  return paragraphs;
}
