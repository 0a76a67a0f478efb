import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** A pattern's syntax tree (`u` flag), as the engine's analyses read it; a rule's is parsed once for all of them. */
export function parsePattern(source: string): AST.Pattern {
  return new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
}
