import type { AST } from '@eslint-community/regexpp';
import { parsePattern } from './pattern-ast.js';

/**
 * A lookahead that a match of `source` must pass at its first character, or '' when any character could
 * start one (or the pattern can match the empty string).
 *
 * Why: V8 skips its own start-position filtering (quick checks, Boyer–Moore) for patterns over 20 KB, and
 * expanded rules are larger than that. Without a filter every position of a sentence enters the pattern
 * and tries its unit names; with it, most positions are refused on one character test. The set is a
 * superset of what can start a match, so the matches are exactly the same.
 */
export function firstCharGuard(source: string | AST.Pattern): string {
  const pattern = typeof source === 'string' ? parsePattern(source) : source;
  const { chars, nullable } = ofAlternatives(pattern.alternatives);
  if (chars === ANY || nullable) return '';
  return `(?=[${merge(chars).map(classRange).join('')}])`;
}

type Range = readonly [number, number];
const ANY = 'any';
type Chars = Range[] | typeof ANY;
interface First {
  chars: Chars;
  /** Whether the node can match the empty string (then what follows it can start the match too). */
  nullable: boolean;
}

const DIGITS: Range[] = [[0x30, 0x39]];
const WORD: Range[] = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
/** What `\s` matches in JavaScript. */
const SPACE: Range[] = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];

function union(a: Chars, b: Chars): Chars {
  return a === ANY || b === ANY ? ANY : [...a, ...b];
}

function ofAlternatives(alternatives: readonly AST.Alternative[]): First {
  let chars: Chars = [];
  let nullable = false;
  for (const alt of alternatives) {
    const first = ofSequence(alt.elements);
    chars = union(chars, first.chars);
    nullable ||= first.nullable;
  }
  return { chars, nullable };
}

function ofSequence(elements: readonly AST.Element[]): First {
  let chars: Chars = [];
  for (const element of elements) {
    const first = ofElement(element);
    chars = union(chars, first.chars);
    if (!first.nullable) return { chars, nullable: false };
  }
  return { chars, nullable: true };
}

function ofElement(node: AST.Element): First {
  switch (node.type) {
    case 'Assertion':
      // Zero-width: consumes nothing, so the next element supplies the first character.
      return { chars: [], nullable: true };
    case 'Character':
      return { chars: [[node.value, node.value]], nullable: false };
    case 'CharacterClass':
      return { chars: ofClass(node), nullable: false };
    case 'CharacterSet':
      return { chars: ofSet(node), nullable: false };
    case 'Group':
    case 'CapturingGroup':
      return ofAlternatives(node.alternatives);
    case 'Quantifier': {
      const inner = ofElement(node.element);
      return { chars: inner.chars, nullable: inner.nullable || node.min === 0 };
    }
    default:
      // A backreference, or syntax this analysis does not know: anything may follow.
      return { chars: ANY, nullable: true };
  }
}

function ofClass(node: AST.CharacterClass): Chars {
  if (node.negate || node.unicodeSets) return ANY;
  let chars: Chars = [];
  for (const e of node.elements) {
    if (e.type === 'Character') chars = union(chars, [[e.value, e.value]]);
    else if (e.type === 'CharacterClassRange') chars = union(chars, [[e.min.value, e.max.value]]);
    else if (e.type === 'CharacterSet') chars = union(chars, ofSet(e));
    else return ANY;
  }
  return chars;
}

function ofSet(node: AST.CharacterSet): Chars {
  if (node.kind === 'any' || node.kind === 'property' || node.negate) return ANY;
  return node.kind === 'digit' ? DIGITS : node.kind === 'space' ? SPACE : WORD;
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

const codePoint = (c: number): string => `\\u{${c.toString(16)}}`;
const classRange = ([lo, hi]: Range): string => (lo === hi ? codePoint(lo) : `${codePoint(lo)}-${codePoint(hi)}`);
