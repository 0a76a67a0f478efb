/**
 * Text and link density of every element below a root, measured in one walk, and the classic content score
 * (each paragraph credits its container fully and the container's parent by half) that finds an unknown
 * site's article body.
 */
import { isSkipped } from './html-boilerplate.js';
import { BLOCK_TAGS, isElement, walk, type Element, type ParentNode } from './html-dom.js';

export interface Density {
  /** Characters of visible text (whitespace runs count as one), skipped boxes left out. */
  chars: number;
  /** The part of `chars` inside links. */
  linkChars: number;
  links: number;
  images: number;
  /** Content score from the paragraphs it holds (see `measureDensity`). */
  score: number;
}

/** A block with this much text of its own (outside nested blocks) counts as a paragraph. */
const MIN_PARAGRAPH_CHARS = 25;

/** Below this, not even a short paragraph: the page is a fragment. */
const MIN_CONTAINER_SCORE = 0.3;

/** Tags whose paragraph credits the enclosing container; other blocks with text are containers themselves. */
const PARAGRAPH_TAGS = new Set(['p', 'li', 'pre', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd']);

export function measureDensity(root: ParentNode): Map<Element, Density> {
  const densities = new Map<Element, Density>();
  const open: { element: Element; density: Density; ownChars: number }[] = [];
  let linkDepth = 0;
  walk(root, {
    enter(element) {
      if (isSkipped(element)) return false;
      if (element.name === 'a') linkDepth++;
      const density: Density = { chars: 0, linkChars: 0, links: element.name === 'a' ? 1 : 0, images: 0, score: 0 };
      if (element.name === 'img') density.images = 1;
      densities.set(element, density);
      open.push({ element, density, ownChars: 0 });
      return true;
    },
    exit(element) {
      if (element.name === 'a') linkDepth--;
      const { density, ownChars } = open.pop()!;
      const parent = open[open.length - 1];
      if (parent) {
        parent.density.chars += density.chars;
        parent.density.linkChars += density.linkChars;
        parent.density.links += density.links;
        parent.density.images += density.images;
        // Text in inline elements is the enclosing block's own text.
        if (!BLOCK_TAGS.has(element.name)) parent.ownChars += ownChars;
      }
      if (!BLOCK_TAGS.has(element.name) || ownChars === 0) return;
      // Short text scores a little, so that a page of short paragraphs still has a densest container.
      const score = (ownChars >= MIN_PARAGRAPH_CHARS ? 1 : 0) + Math.min(ownChars / 100, 3);
      const [container, outer] = PARAGRAPH_TAGS.has(element.name)
        ? [parent?.density, open[open.length - 2]?.density]
        : [density, parent?.density];
      if (container) container.score += score;
      if (outer) outer.score += score / 2;
    },
    text(data) {
      const top = open[open.length - 1];
      if (!top) return;
      const length = visibleLength(data);
      top.density.chars += length;
      top.ownChars += length;
      if (linkDepth > 0) top.density.linkChars += length;
    },
  });
  return densities;
}

/** Length with whitespace runs counted as one character and the ends trimmed, without building a string. */
function visibleLength(data: string): number {
  let length = 0;
  let space = true;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    const isSpace = code === 32 || (code >= 9 && code <= 13) || code === 160;
    if (!isSpace) length++;
    else if (!space) length++;
    space = isSpace;
  }
  return space && length > 0 ? length - 1 : length;
}

export function linkDensity(density: Density): number {
  return density.chars === 0 ? 0 : density.linkChars / density.chars;
}

/** Class or id words of article containers, and of page parts that hold text but are not the article. */
const ARTICLE_NAME = /article|content|detail|body|main|post|entry|story|fck|news|text/;
const NOT_ARTICLE_NAME = /footer|foot|address|copyright|owner|contact|menu|sidebar|widget|comment|author|meta|bottom|hot|popular/;

/** The score discounted by link density (a list of links is not an article) and weighed by the element's name. */
function finalScore(element: Element, density: Density): number {
  const names = `${element.attribs['class'] ?? ''} ${element.attribs['id'] ?? ''}`.toLowerCase();
  const weight = NOT_ARTICLE_NAME.test(names) ? 0.2 : ARTICLE_NAME.test(names) ? 1.5 : 1;
  return density.score * weight * (1 - linkDensity(density));
}

/**
 * The best-scoring container and those of its siblings that belong to the article too (a body split
 * around an ad slot, a paragraph outside the main block), in document order. Empty when nothing scored.
 */
export function densestContainers(densities: ReadonlyMap<Element, Density>): Element[] {
  let best: Element | undefined;
  let bestScore = 0;
  for (const [element, density] of densities) {
    const score = finalScore(element, density);
    // An inline element (a <b> that broken markup left open around paragraphs) is no container.
    const container = BLOCK_TAGS.has(element.name) && element.name !== 'p';
    if (score > bestScore && container) [best, bestScore] = [element, score];
  }
  const parent = best?.parent;
  // Without one real paragraph (a fragment, a stub) there is nothing to choose between.
  if (!best || !parent || bestScore < MIN_CONTAINER_SCORE) return [];
  const threshold = Math.max(2, bestScore * 0.2);
  return parent.children.filter((sibling): sibling is Element => {
    if (sibling === best) return true;
    const density = isElement(sibling) ? densities.get(sibling) : undefined;
    if (!density) return false;
    const score = finalScore(sibling as Element, density);
    return score >= threshold || (score > 0 && density.chars >= 80 && linkDensity(density) < 0.25);
  });
}
