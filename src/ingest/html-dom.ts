/** Small helpers over cheerio's DOM. Walks are iterative: broken pages can nest elements very deeply. */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { collapseWhitespace } from './whitespace.js';

export type { Element, ParentNode };

export function isElement(node: AnyNode | null): node is Element {
  return node !== null && 'attribs' in node;
}

export function elements($: CheerioAPI, selector: string): Element[] {
  return $(selector).toArray().filter(isElement);
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
  text(data: string): void;
  /** Called before and after a visited element (below the root) whose tag is in `blocks`. */
  blockEdge(): void;
  lineBreak(): void;
}

const BLOCK_END = Symbol('block end');

/** Depth-first walk in document order over the root's descendants, with an explicit stack. */
export function walk(root: ParentNode, blocks: ReadonlySet<string>, visitor: Visitor): void {
  const stack: (AnyNode | typeof BLOCK_END)[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === BLOCK_END) {
      visitor.blockEdge();
    } else if (node.nodeType === 3) {
      visitor.text(node.data);
    } else if (isElement(node) && visitor.enter(node)) {
      if (node.name === 'br') {
        visitor.lineBreak();
        continue;
      }
      if (blocks.has(node.name)) {
        visitor.blockEdge();
        stack.push(BLOCK_END);
      }
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
    const piece = data.replace(/\s+/g, ' ');
    text += text.endsWith(' ') && piece.startsWith(' ') ? piece.slice(1) : piece;
    if (text.trim().length > max) return null;
  }
  return text.trim();
}
