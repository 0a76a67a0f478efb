import { lookup, type Lexicon } from '../engine/lexicon.js';

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

/** "VIII" → 8; null for anything that is not a Roman numeral up to XXXIX. */
export function romanToInt(s: string): number | null {
  if (!/^(?:X{0,3})(?:IX|IV|V?I{0,3})$/.test(s) || !s) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** A cluster's number as written after "số": digits, a Roman numeral or words ("08", "VIII", "mười hai"). */
export function clusterKey(raw: string, words: Lexicon): number | null {
  return romanToInt(raw) ?? parseCount(raw, words);
}

/** "2.079" → 2079, "03" → 3, "1673" → 1673; null when the text holds no digits. */
export function digitsToInt(s: string): number | null {
  const m = /\d{1,3}(?:\.\d{3})+|\d+/.exec(s);
  return m ? Number(m[0].replace(/\./g, '')) : null;
}

/**
 * A count written in digits or in words ("bảy" → 7, "hai mươi mốt" → 21,
 * "một trăm linh năm" → 105, "hai nghìn" → 2000); null when it is neither.
 */
export function parseCount(text: string, words: Lexicon): number | null {
  const digits = digitsToInt(text);
  if (digits != null) return digits;
  const tokens = text.trim().split(/\s+/);
  let total = 0;
  let group = 0; // the part below the current multiplier (nghìn, triệu)
  let current = 0; // the last digit word, not yet placed
  let seen = false;
  for (const token of tokens) {
    const entry = lookup(words, token);
    if (!entry) return null;
    seen = true;
    const value = Number(entry.attrs.value);
    const role = entry.attrs.role;
    if (role === 'tens') {
      group += (current || 1) * 10;
      current = 0;
    } else if (role === 'multiplier' && value === 100) {
      group += (current || 1) * 100;
      current = 0;
    } else if (role === 'multiplier') {
      total += (group + current || 1) * value;
      group = 0;
      current = 0;
    } else if (value === 10) {
      group += 10;
    } else {
      current = value;
    }
  }
  return seen ? total + group + current : null;
}
