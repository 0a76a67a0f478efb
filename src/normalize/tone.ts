// Vietnamese prints the tone of an open syllable spelled oa, oe or uy in two styles:
// the old one on the first vowel ("hòa", "khỏe", "thủy"), the new one on the second
// ("hoà", "khoẻ", "thuỷ"). Most newspapers use the old style, so it is the stored one.
// After a "q" or "gi" onset the u/i belongs to the consonant ("quý", "giá"): left alone.
const NEW_STYLE_TONE = /(?<![qQ]|[gG][iI])(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\p{L})/gu;

function moveToneToFirstVowel(pair: string): string {
  const decomposed = pair.charAt(1).normalize('NFD');
  const base = decomposed.charAt(0);
  const tone = decomposed.slice(1);
  return (pair.charAt(0) + tone).normalize('NFC') + base;
}

/** Puts tone marks where most newspapers print them ("hoà"→"hòa", "Uỷ"→"Ủy", "THUỶ"→"THỦY"). Expects NFC; keeps the length. */
export function retone(s: string): string {
  return s.replace(NEW_STYLE_TONE, moveToneToFirstVowel);
}

/** Comparison key like the scorer's norm(): NFC, retone, lower case, punctuation→space, spaces folded. */
export function foldKey(s: string): string {
  return retone(s.normalize('NFC'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
