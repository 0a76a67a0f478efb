/** Small helpers over cheerio's DOM. Walks are iterative: broken pages can nest elements very deeply. */
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { collapseWhitespace, foldWhitespace } from './whitespace.js';

export type { Element, ParentNode };

/** Elements that start and end a paragraph. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'figure', 'figcaption', 'table', 'tbody', 'tr', 'td', 'th', 'pre', 'address', 'center', 'hr', 'form',
]);

export function isElement(node: AnyNode | null): node is Element {
  return node !== null && 'attribs' in node;
}

export function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

export function hasAncestorOrSelf(node: Element, test: (element: Element) => boolean): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent) {
    if (isElement(current) && test(current)) return true;
  }
  return false;
}

export interface Visitor {
  /** Whether to enter an element below the root; a refused element is skipped with its content. */
  enter(element: Element): boolean;
  /** Called after an entered element's content. */
  exit(element: Element): void;
  text(data: string): void;
}

/** Depth-first walk in document order over the root's descendants, with an explicit stack. */
export function walk(root: ParentNode, visitor: Visitor): void {
  const stack: (AnyNode | { exit: Element })[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('exit' in node) {
      visitor.exit(node.exit);
    } else if (node.nodeType === 3) {
      visitor.text(node.data);
    } else if (isElement(node) && visitor.enter(node)) {
      stack.push({ exit: node });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
}

/** The text nodes below the root, in document order. */
function* textNodes(root: ParentNode): Generator<string> {
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) yield node.data;
    else if (isElement(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** The element's text with whitespace collapsed (cheerio's `.text()` recurses, and deep pages overflow the stack). */
export function textContent(root: Element): string {
  return collapseWhitespace([...textNodes(root)].join(''));
}

/** The element's text, whitespace collapsed, if it is at most `max` characters long; else null. */
export function shortText(root: Element, max: number): string | null {
  let text = '';
  for (const data of textNodes(root)) {
    const piece = foldWhitespace(data);
    text += text.endsWith(' ') && piece.startsWith(' ') ? piece.slice(1) : piece;
    if (text.trim().length > max) return null;
  }
  return text.trim();
}
