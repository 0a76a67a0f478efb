import { foldKey } from '../normalize/tone.js';
import type { Grammar } from '../extract/grammar.js';

/** Keys remembered at most (a few MB). */
const MAX_KNOWN = 20_000;

/**
 * Comparison keys for names written in different ways. The text itself is
 * never rewritten: keys only decide that two spellings name one thing.
 */
export class NameKeys {
  private static readonly byGrammar = new WeakMap<Grammar, NameKeys>();
  private readonly provinceRe: RegExp;
  private readonly abbreviationRe: RegExp;
  /**
   * Keys already computed, by kind and spelling: the same units, titles and names recur across a
   * corpus's articles, and a key costs three large regexes. Emptied when full, to bound memory.
   */
  private readonly known = new Map<string, string>();

  /** The keys of a rule set's lexicons, built once per grammar (their patterns are large). */
  static of(g: Grammar): NameKeys {
    let keys = NameKeys.byGrammar.get(g);
    if (!keys) {
      keys = new NameKeys(g);
      NameKeys.byGrammar.set(g, keys);
    }
    return keys;
  }

  private constructor(private readonly g: Grammar) {
    this.provinceRe = new RegExp(g.ruleSet.macros.expand('{PROVINCE}'), 'gu');
    this.abbreviationRe = new RegExp(g.ruleSet.macros.expand('{ABBREVIATION}'), 'gu');
  }

  /** Abbreviations written out ("CATP" → "Công an thành phố"). */
  expand(s: string): string {
    return s.replace(this.abbreviationRe, (abbr) => String(this.g.lookup('ABBREVIATION', abbr)?.attrs.full ?? abbr));
  }

  /**
   * A unit's key: provinces by their canonical name ("BR-VT" → "Bà Rịa - Vũng
   * Tàu"), "Công an tỉnh X" = "Công an X" (as CONTRACT.md compares them), a
   * leading "đơn vị" dropped, abbreviations written out, then folded.
   */
  unit(s: string): string {
    return this.remembered('u', s, () => this.unitKey(s));
  }

  private unitKey(s: string): string {
    const canonical = s.replace(this.provinceRe, (p) => this.g.lookup('PROVINCE', p)?.term ?? p);
    return foldKey(this.expand(canonical))
      .replace(/^đơn vị /u, '')
      .replace(/\bcông an (?:tỉnh|thành phố|tp) /gu, 'công an ');
  }

  /** A title's key: abbreviations written out, folded. */
  title(s: string): string {
    return this.remembered('t', s, () => foldKey(this.expand(s)));
  }

  /** A person's key. */
  person(s: string): string {
    return this.remembered('p', s, () => foldKey(s));
  }

  private remembered(kind: string, s: string, compute: () => string): string {
    const id = kind + s;
    let key = this.known.get(id);
    if (key === undefined) {
      if (this.known.size >= MAX_KNOWN) this.known.clear();
      this.known.set(id, (key = compute()));
    }
    return key;
  }
}
