/**
 * Vietnamese is written in Latin script. The Unicode properties a rule uses
 * (`\p{L}`, `\p{Lu}`, `\p{Ll}`, `\p{N}`) are narrowed to the Latin blocks
 * (U+0000–U+024F and U+1E00–U+1EFF, where every Vietnamese letter lives):
 * a regex over all of Unicode's letters compiles several times slower, and
 * rules have hundreds of them. Letters of other scripts count as punctuation.
 */
const LATIN_END = 0x1eff;

function ranges(test: RegExp): string {
  const out: string[] = [];
  let start = -1;
  for (let cp = 0; cp <= LATIN_END + 1; cp++) {
    const inBlock = cp <= 0x024f || cp >= 0x1e00;
    const hit = cp <= LATIN_END && inBlock && test.test(String.fromCodePoint(cp));
    if (hit && start < 0) start = cp;
    if (!hit && start >= 0) {
      // Letters stand for themselves in a class (shorter than \u{…} escapes: the patterns hold hundreds of these classes).
      const ch = (n: number) => String.fromCodePoint(n);
      out.push(start === cp - 1 ? ch(start) : `${ch(start)}-${ch(cp - 1)}`);
      start = -1;
    }
  }
  return out.join('');
}

/** The body (without brackets) of a character class for `\p{L}`, `\p{Lu}`, `\p{Ll}`, `\p{N}` in the Latin blocks. */
export const LATIN_CLASS_BODY: Readonly<Record<string, string>> = {
  L: ranges(/\p{L}/u),
  Lu: ranges(/\p{Lu}/u),
  Ll: ranges(/\p{Ll}/u),
  N: '0-9',
};
