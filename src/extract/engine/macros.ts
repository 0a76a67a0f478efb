import { LATIN_CLASS_BODY } from './latin.js';
import { alternation, type Lexicon } from './lexicon.js';

/** Letters and digits: the engine's notion of a word character (see latin.ts). */
const WORD_CHAR = `[${LATIN_CLASS_BODY.L}${LATIN_CLASS_BODY.N}]`;
/** `\b` in a rule means a Unicode word boundary (JavaScript's own `\b` only knows ASCII letters). */
const UNICODE_BOUNDARY = `(?:(?<!${WORD_CHAR})(?=${WORD_CHAR})|(?<=${WORD_CHAR})(?!${WORD_CHAR}))`;

// `\p{L}` (a Unicode property) is not a reference.
const REF_RE = /(?<!\\[pP])\{([A-Z][A-Z0-9_]*)\}/g;

export class MacroError extends Error {}

/**
 * Named pattern pieces a rule can use as `{NAME}`: each lexicon (a whole-word
 * alternation of its terms) and each macro of `rules/macros.yaml`.
 */
export class MacroTable {
  private readonly sources = new Map<string, string>();
  private readonly expanded = new Map<string, string>();

  constructor(lexicons: Iterable<Lexicon>, macros: Record<string, string>) {
    for (const lex of lexicons) this.sources.set(lex.name, `(?<!${WORD_CHAR})${alternation(lex)}(?!${WORD_CHAR})`);
    for (const [name, source] of Object.entries(macros)) {
      if (this.sources.has(name)) throw new MacroError(`macro ${name} has the name of a lexicon`);
      this.sources.set(name, source);
    }
  }

  has(name: string): boolean {
    return this.sources.has(name);
  }

  /** The pattern with every `{NAME}` replaced (recursively), `\b` made Unicode-aware and letter classes narrowed to Latin. */
  expand(pattern: string): string {
    return rewriteEscapes(this.expandRefs(pattern, []));
  }

  private expandRefs(pattern: string, stack: string[]): string {
    return pattern.replace(REF_RE, (_, name: string) => {
      if (stack.includes(name)) throw new MacroError(`macro cycle: ${[...stack, name].join(' → ')}`);
      const cached = this.expanded.get(name);
      if (cached !== undefined) return cached;
      const source = this.sources.get(name);
      if (source === undefined) throw new MacroError(`unknown macro or lexicon {${name}}`);
      const out = `(?:${this.expandRefs(source, [...stack, name])})`;
      this.expanded.set(name, out);
      return out;
    });
  }
}

/**
 * Rewrites two escapes outside and inside character classes: `\b` (outside
 * a class) becomes a Unicode word boundary; `\p{L}`, `\p{Lu}`, `\p{Ll}`,
 * `\p{N}` become classes of Latin code points (see latin.ts).
 */
function rewriteEscapes(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      const property = /^p\{(L|Lu|Ll|N)\}/.exec(source.slice(i + 1));
      if (property) {
        const body = LATIN_CLASS_BODY[property[1]!]!;
        out += inClass ? body : `[${body}]`;
        i += property[0].length;
        continue;
      }
      out += next === 'b' && !inClass ? UNICODE_BOUNDARY : c + (next ?? '');
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}
