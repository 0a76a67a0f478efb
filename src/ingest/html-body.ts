/** Finds an article page's body containers and its lead (sapo), by site profile or by text density. */
import { isPageChrome, isSkipped } from './html-boilerplate.js';
import { densestContainers, type Density } from './html-density.js';
import { contains, isElement, shortText, type Element, type ParentNode } from './html-dom.js';
import { selected, type PageIndex } from './html-page.js';

/** A container needs this much text to be believed: a template's container can be an empty shell. */
const MIN_BODY_CHARS = 80;

/**
 * The body containers, in document order: those the profile's first fruitful body selector finds, else the
 * schema.org `articleBody`, else the densest containers of the page.
 */
export function findBody(
  page: PageIndex,
  densities: ReadonlyMap<Element, Density>,
  bodySelectors: readonly string[],
): ParentNode[] {
  for (const candidates of [...bodySelectors.map((selector) => selected(page, selector)), page.articleBodies]) {
    const found = outermost(candidates).filter((element) => !isPageChrome(element));
    const chars = found.reduce((sum, element) => sum + (densities.get(element)?.chars ?? 0), 0);
    if (chars >= MIN_BODY_CHARS) return found;
  }
  const densest = densestContainers(densities);
  // A fragment or a page truncated early may have no <body> element at all.
  return densest.length > 0 ? densest : [page.body ?? page.root];
}

/** The elements not inside another of them. */
function outermost(elements: Element[]): Element[] {
  return elements.filter((element) => !elements.some((other) => other !== element && contains(other, element)));
}

const MAX_LEAD_CHARS = 1500;

/**
 * The lead outside the body: the profile's, else an element named like one, else the paragraph right after
 * the headline. Never one inside the body (the body's text has it) or around it.
 */
export function findLead(
  page: PageIndex,
  body: readonly ParentNode[],
  leadSelectors: readonly string[],
): Element | undefined {
  // Not measured by density: a lead may sit in the article's <header>, which the density walk skips.
  const usable = (lead: Element): boolean => {
    const text = shortText(lead, MAX_LEAD_CHARS);
    return (
      !!text &&
      !body.some((root) => walkReaches(root, lead) || contains(lead, root)) &&
      !isPageChrome(lead)
    );
  };
  for (const selector of leadSelectors) {
    const lead = selected(page, selector).find(usable);
    if (lead) return lead;
  }
  const named = page.leads.find(usable);
  if (named) return named;
  const paragraph = page.h1s[0] && nextSibling(page.h1s[0], (element) => element.name === 'p' || element.name === 'h2');
  return paragraph && usable(paragraph) ? paragraph : undefined;
}

function nextSibling(element: Element, test: (sibling: Element) => boolean): Element | undefined {
  for (let sibling = element.next; sibling; sibling = sibling.next) if (isElement(sibling) && test(sibling)) return sibling;
  return undefined;
}

/** Whether the body walk from `root` reaches `node`: it is inside, and nothing on the way is skipped. */
function walkReaches(root: ParentNode, node: Element): boolean {
  for (let current: ParentNode | null = node; current; current = current.parent) {
    if (current === root) return true;
    if (isElement(current) && isSkipped(current)) return false;
  }
  return false;
}
