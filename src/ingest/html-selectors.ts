/**
 * CSS selectors compiled once and matched all together during one walk of a page, as a browser's style engine
 * does: each is filed under what its last compound requires (an id, a class, an attribute or a tag), so an
 * element is tested only against the few selectors that can match it.
 */
import { compile } from 'css-select';
import { isTraversal, parse, type Selector } from 'css-what';
import type { AnyNode } from 'domhandler';
import type { Element } from './html-dom.js';

interface Rule {
  /** The selector as written, possibly a list ("#divfirst, #divend"): matches are recorded under it. */
  source: string;
  test: (element: Element) => boolean;
}

/** Rules filed by what their last compound requires: an id, a class, an attribute (by name) or a tag. */
export interface SelectorIndex {
  readonly sources: readonly string[];
  readonly byId: ReadonlyMap<string, Rule[]>;
  readonly byClass: ReadonlyMap<string, Rule[]>;
  readonly byAttribute: ReadonlyMap<string, Rule[]>;
  readonly byTag: ReadonlyMap<string, Rule[]>;
  readonly other: readonly Rule[];
}

export const EMPTY_INDEX: SelectorIndex = indexSelectors([]);

/** Compiles the selectors; throws on one that is not valid CSS or uses an unsupported pseudo-class. */
export function indexSelectors(selectors: Iterable<string>): SelectorIndex {
  const sources = [...new Set(selectors)];
  const keyed = {
    id: new Map<string, Rule[]>(),
    class: new Map<string, Rule[]>(),
    attribute: new Map<string, Rule[]>(),
    tag: new Map<string, Rule[]>(),
  };
  const other: Rule[] = [];
  for (const source of sources) {
    for (const complex of parse(source)) {
      const key = lastCompoundKey(complex);
      const rule: Rule = { source, test: compile<AnyNode, Element>([complex]) };
      if (key.kind === 'other') other.push(rule);
      else fileUnder(keyed[key.kind], key.value, rule);
    }
  }
  return { sources, byId: keyed.id, byClass: keyed.class, byAttribute: keyed.attribute, byTag: keyed.tag, other };
}

function fileUnder(map: Map<string, Rule[]>, key: string, rule: Rule): void {
  const rules = map.get(key);
  if (rules) rules.push(rule);
  else map.set(key, [rule]);
}

type Key = { kind: 'id' | 'class' | 'tag' | 'attribute'; value: string } | { kind: 'other' };

/**
 * The most selective requirement of the last compound: id, then class, attribute (`div[data-slot="content"]`
 * is tested on the few elements with a `data-slot`, not on every div), tag.
 */
function lastCompoundKey(complex: readonly Selector[]): Key {
  let start = complex.length;
  while (start > 0 && !isTraversal(complex[start - 1]!)) start--;
  const compound = complex.slice(start);
  const keys: Key[] = compound.flatMap((token): Key[] => {
    if (token.type === 'tag') return [{ kind: 'tag', value: token.name.toLowerCase() }];
    if (token.type !== 'attribute' || token.action === 'not') return [];
    if (token.ignoreCase !== true && token.name === 'id' && token.action === 'equals') return [{ kind: 'id', value: token.value }];
    if (token.ignoreCase !== true && token.name === 'class' && token.action === 'element') return [{ kind: 'class', value: token.value }];
    return [{ kind: 'attribute', value: token.name }];
  });
  const order = ['id', 'class', 'attribute', 'tag'] as const;
  for (const kind of order) {
    const key = keys.find((candidate) => candidate.kind === kind);
    if (key) return key;
  }
  return { kind: 'other' };
}

/** Matching elements per selector as written, in document order. */
export type SelectorMatches = Map<string, Element[]>;

export function emptyMatches(index: SelectorIndex): SelectorMatches {
  return new Map(index.sources.map((source) => [source, []]));
}

/** Records the element under every selector of the index that it matches. */
export function matchElement(index: SelectorIndex, element: Element, matches: SelectorMatches): void {
  const { attribs } = element;
  testAll(index.byTag.get(element.name), element, matches);
  const id = attribs['id'];
  if (id !== undefined && index.byId.size > 0) testAll(index.byId.get(id), element, matches);
  const classes = attribs['class'];
  if (classes !== undefined && index.byClass.size > 0) {
    // Scanned rather than split: this runs for every element of every page.
    let start = 0;
    for (let i = 0; i <= classes.length; i++) {
      if (i < classes.length && !isSpace(classes.charCodeAt(i))) continue;
      if (i > start) testAll(index.byClass.get(classes.slice(start, i)), element, matches);
      start = i + 1;
    }
  }
  if (index.byAttribute.size > 0) for (const name in attribs) testAll(index.byAttribute.get(name), element, matches);
  testAll(index.other, element, matches);
}

/** HTML's ASCII whitespace: space, tab, line feed, form feed, carriage return. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

function testAll(rules: readonly Rule[] | undefined, element: Element, matches: SelectorMatches): void {
  if (rules) for (const rule of rules) test(rule, element, matches);
}

function test(rule: Rule, element: Element, matches: SelectorMatches): void {
  const found = matches.get(rule.source)!;
  // A list ("a.x, a.y") matches an element once, and an element with a class twice ("x x") too.
  if (found[found.length - 1] !== element && rule.test(element)) found.push(element);
}
