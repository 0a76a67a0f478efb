import { romanToInt } from './numbers.js';

const WORDS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10 };

/** The number in a cluster mention ("Cụm thi đua số VIII" → 8, "cụm 8" → 8, "số mười hai" → 12), or null for an unnumbered one. */
export function clusterNumber(mention: string): number | null {
  const m = /(?:số|SỐ|[Cc]ụm|[Kk]hối|thi đua)\s+(\d{1,2}|[IVX]{1,6}|(?:mười\s+)?(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười))\s*$/u.exec(mention.trim());
  if (!m) return null;
  const n = m[1]!;
  if (/^\d+$/.test(n)) return Number(n);
  if (/^[IVX]+$/.test(n)) return romanToInt(n);
  const [first, second] = n.split(/\s+/);
  return second ? 10 + (second === 'mười' ? 0 : WORDS[second]!) : WORDS[first!]!;
}
