import type { Lexicon } from '../engine/lexicon.js';
import { clusterKey } from './numbers.js';

/** The number in a cluster mention ("Cụm thi đua số VIII" → 8, "cụm 8" → 8, "số mười hai" → 12), or null for an unnumbered one. */
export function clusterNumber(mention: string, words: Lexicon): number | null {
  const m = /(?:số|SỐ|[Cc]ụm|[Kk]hối|thi đua)\s+(\d{1,2}|[IVX]{1,6}|(?:mười\s+)?(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười))\s*$/u.exec(mention.trim());
  return m ? clusterKey(m[1]!, words) : null;
}
