/**
 * SimHash fingerprints of normalized text, for grouping copies of one story (a syndicated or re-crawled
 * article with small edits). Charikar's SimHash over shingles of three syllables, as Manku et al. used it
 * for near-duplicate web pages: one 64-bit number per article, and copies differ in at most a few bits.
 * Chosen over MinHash because "near-identical" is all we need to find: SimHash keeps one integer per
 * article and finds every fingerprint within MAX_DISTANCE bits with four exact band look-ups, where MinHash
 * needs a hundred hashes per article to estimate a Jaccard similarity we would only threshold.
 */

/** Fingerprints of copies differ in at most this many of 64 bits (Manku et al.: 3). */
export const MAX_DISTANCE = 3;
/** Four bands of 16 bits: two fingerprints within 3 bits agree exactly on at least one band. */
export const BANDS = 4;
const BAND_BITS = 16;
const SHINGLE = 3;
/** Below this many shingles a fingerprint is noise: short notices would be grouped by their boilerplate. */
const MIN_SHINGLES = 24;

const SYLLABLE = /[\p{L}\p{N}]+/gu;

/** The text's fingerprint as a signed 64-bit integer (SQLite's INTEGER), or null for too short a text. */
export function simhash(text: string): bigint | null {
  const syllables = text.toLowerCase().match(SYLLABLE) ?? [];
  const shingles = syllables.length - SHINGLE + 1;
  if (shingles < MIN_SHINGLES) return null;
  const weights = new Int32Array(64);
  for (let i = 0; i < shingles; i++) {
    const shingle = `${syllables[i]} ${syllables[i + 1]} ${syllables[i + 2]}`;
    addBits(weights, 0, hash32(shingle, 0x811c9dc5));
    addBits(weights, 32, hash32(shingle, 0x01000193));
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit]! > 0) lo |= 1 << bit;
    if (weights[32 + bit]! > 0) hi |= 1 << bit;
  }
  return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
}

/** How many bits two fingerprints differ in. */
export function distance(a: bigint, b: bigint): number {
  const x = BigInt.asUintN(64, a ^ b);
  return popcount(Number(x & 0xffffffffn)) + popcount(Number(x >> 32n));
}

/** The fingerprint's bands: [band index, 16-bit value] pairs, for exact look-up. */
export function bands(fingerprint: bigint): [number, number][] {
  const bits = BigInt.asUintN(64, fingerprint);
  return Array.from({ length: BANDS }, (_, band) => [band, Number((bits >> BigInt(band * BAND_BITS)) & 0xffffn)]);
}

function addBits(weights: Int32Array, offset: number, hash: number): void {
  for (let bit = 0; bit < 32; bit++) weights[offset + bit]! += (hash >>> bit) & 1 ? 1 : -1;
}

/** FNV-1a over UTF-16 code units, then murmur3's finalizer so that every output bit depends on every input bit. */
function hash32(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function popcount(n: number): number {
  let x = n - ((n >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
