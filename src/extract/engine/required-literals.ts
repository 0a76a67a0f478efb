import type { AST } from '@eslint-community/regexpp';
import { parsePattern } from './pattern-ast.js';

/**
 * Strings of which every match of `source` contains at least one, or null when the analysis finds none
 * worth testing. A sentence with none of them cannot match, and the rule's regex is not run on it
 * (the idea of RE2's and Hyperscan's literal prefilters): "phát động" for a launch, "ội nghị" for
 * "[Hh]ội nghị". Only exact characters make literals (a class such as [Hh] ends one), so the test is a
 * plain `includes` on the sentence, and the set is a necessary condition: the matches stay the same.
 */
export function requiredLiterals(source: string | AST.Pattern): string[] | null {
  const pattern = typeof source === 'string' ? parsePattern(source) : source;
  const need = ofAlternatives(pattern.alternatives);
  return need && [...need];
}

/** A set of strings, one of which every match contains. */
type Need = ReadonlySet<string> | null;

/**
 * A bound on the set, which keeps the analysis of a large alternation cheap. All sets are looked for in
 * one pass (literal-scan.ts), whose cost hardly depends on their number: the 22 literals of the title
 * heads rule out 28% of the sentences of generated news for official.title_name (the bound was 16 when
 * each literal was an `includes`).
 */
const MAX_LITERALS = 256;
/** A shorter literal rules out too few sentences to be worth a test. */
const MIN_LENGTH = 2;

function ofAlternatives(alternatives: readonly AST.Alternative[]): Need {
  const all = new Set<string>();
  for (const alt of alternatives) {
    const need = ofSequence(alt.elements);
    if (!need) return null;
    for (const s of need) all.add(s);
    if (all.size > MAX_LITERALS) return null;
  }
  return all;
}

/** Every element of a sequence is required: the most selective of their needs (runs of exact characters included). */
function ofSequence(elements: readonly AST.Element[]): Need {
  const needs: ReadonlySet<string>[] = [];
  let run = '';
  const endRun = () => {
    if (run.length >= MIN_LENGTH) needs.push(new Set([run]));
    run = '';
  };
  for (const element of elements) {
    if (element.type === 'Character') {
      run += String.fromCodePoint(element.value);
      continue;
    }
    endRun();
    const need = ofElement(element);
    if (need) needs.push(need);
  }
  endRun();
  return needs.reduce<Need>((best, need) => (best === null || better(need, best) ? need : best), null);
}

function ofElement(node: AST.Element): Need {
  switch (node.type) {
    case 'Group':
    case 'CapturingGroup':
      return ofAlternatives(node.alternatives);
    case 'Quantifier':
      return node.min >= 1 ? ofElement(node.element) : null;
    default:
      // Assertions consume nothing; classes and sets are not exact characters; a backreference is anything.
      return null;
  }
}

/** Longer shortest literal first (rarer in text), then fewer literals (cheaper to test). */
function better(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const shortest = (s: ReadonlySet<string>) => Math.min(...[...s].map((x) => x.length));
  return shortest(a) > shortest(b) || (shortest(a) === shortest(b) && a.size < b.size);
}
