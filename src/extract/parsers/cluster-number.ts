import { romanToInt } from './numbers.js';

/** The number in a cluster mention ("Cụm thi đua số VIII" → 8, "cụm 8" → 8), or null for an unnumbered one. */
export function clusterNumber(mention: string): number | null {
  const m = /(?:số|SỐ|[Cc]ụm|[Kk]hối|thi đua)\s+(\d{1,2}|[IVX]{1,6})\s*$/u.exec(mention.trim());
  if (!m) return null;
  return /^\d+$/.test(m[1]!) ? Number(m[1]) : romanToInt(m[1]!);
}
