/**
 * How Vietnamese a decoded text looks: the share of its words with non-ASCII letters that are well-formed
 * Vietnamese syllables. A wrong decoding turns most such words into impossible ones ("Néi", "®ua", "Viá»‡t").
 */

export interface WordScore {
  /** Words holding a letter and at least one non-ASCII character. */
  words: number;
  /** Of those, the ones that are Vietnamese syllables. */
  syllables: number;
  /** The first few words that are not, as examples for a fault. */
  odd: string[];
}

const ODD_EXAMPLES = 3;

/** Runs of characters between spaces, ASCII punctuation or digits, and general punctuation (“ ” – …). */
const WORD = /[^\s\x21-\x40\x5b-\x60\x7b-\x7e\u2000-\u206f]+/g;
const NON_ASCII = /[^\x00-\x7f]/;
const LETTER = /\p{L}/u;
/** Consonants and đ alone: an abbreviation ("HĐND", "BĐS") or the đồng sign "đ", not a syllable to judge. */
const ABBREVIATION = /^[b-df-hj-np-tv-xzđ]+$/i;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

// ð: the look-alike Ð some sites type for Đ (normalization replaces it later).
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđðghklmnprstvx])?';
const NUCLEUS =
  '(?:iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|[aăâeêioôơuưy])';
const CODA = '(?:ch|nh|ng|[cmnpt])?';
/** A toneless lower-case syllable (loose: a few impossible rimes pass, no garbled word does). */
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);

export function scoreWords(text: string): WordScore {
  let words = 0;
  let syllables = 0;
  const odd: string[] = [];
  for (const [word] of text.matchAll(WORD)) {
    // A lone symbol ("©", "€", an emoji) is no word; a letter next to one ("t¸c", TCVN3 for "tác") is.
    if (!NON_ASCII.test(word) || !LETTER.test(word) || ABBREVIATION.test(word)) continue;
    words++;
    if (isSyllable(word)) syllables++;
    else if (odd.length < ODD_EXAMPLES) odd.push(word);
  }
  return { words, syllables, odd };
}

/** At most one tone mark, and the rest a syllable of the Vietnamese alphabet. */
function isSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const toneless = decomposed.replace(TONE_MARKS, '');
  if (decomposed.length - toneless.length > 1) return false;
  return SYLLABLE.test(toneless.normalize('NFC'));
}

/** Share of the non-ASCII words that are syllables; 1 for a text without any. */
export function syllableShare(score: WordScore): number {
  return score.words === 0 ? 1 : score.syllables / score.words;
}
