import { lookup, type Lexicon, type LexiconEntry } from './engine/lexicon.js';
import type { RuleSet } from './engine/ruleset.js';

/**
 * The rule set's macros and lexicons as the field parsers use them: sticky
 * regexes that match a named piece at a given position, and lexicon look-ups.
 */
export class Grammar {
  private readonly cache = new Map<string, RegExp>();

  constructor(readonly ruleSet: RuleSet) {}

  /** Matches `pattern` (macros allowed) exactly at `pos` in `text`; returns the match or null. */
  at(pattern: string, text: string, pos: number): RegExpExecArray | null {
    let re = this.cache.get(pattern);
    if (!re) {
      re = new RegExp(this.ruleSet.macros.expand(pattern), 'uyd');
      this.cache.set(pattern, re);
    }
    re.lastIndex = pos;
    return re.exec(text);
  }

  lexicon(name: string): Lexicon {
    const lex = this.ruleSet.lexicons.get(name);
    if (!lex) throw new Error(`the rule set has no lexicon ${name}`);
    return lex;
  }

  lookup(lexicon: string, text: string): LexiconEntry | null {
    return lookup(this.lexicon(lexicon), text);
  }
}
