/**
 * MinHash signatures of normalized text, for grouping copies of one story: a syndicated or re-crawled
 * article with small edits (a byline, a site's lead-in, a cut last paragraph). The features are shingles
 * of three syllables; two copies share most of them.
 *
 * Why MinHash and not SimHash: we tried SimHash (64 bits, 3-syllable shingles) first. On articles of a
 * few hundred shingles, one added word and a changed last line already moved a fingerprint by 6 bits,
 * past the usual 3-bit threshold, while unrelated articles on the same topic sat at 17 bits: a threshold
 * that catches such copies needs 8+ bands of 8 bits, whose buckets grow with the corpus. MinHash
 * estimates the share of common shingles (Jaccard) directly, and its LSH bands of 7 values are 32-bit keys
 * with tiny buckets, so finding the copies of an article stays a few indexed look-ups at any corpus size.
 */

/** Signature length (bins): the Jaccard estimate's standard error is about 0.04 at this size. */
export const HASHES = 100;
/**
 * LSH banding: 14 bands of 7 hashes (the last 2 hashes only serve the estimate). A pair with Jaccard 0.8
 * shares a band with probability 0.96, 0.9 with 0.9995, 0.5 with 0.10, 0.3 with 0.003. Bands of 5 hashes
 * let articles written from the same templates (Jaccard 0.3–0.5) share bands so often that every new
 * article was checked against thousands: a run slowed from 217 to 54 articles/s by 80,000 articles.
 */
export const BANDS = 14;
const ROWS = 7;
/** Copies share at least this share of their shingles. */
export const MIN_SIMILARITY = 0.8;
const SHINGLE = 3;
/** Below this many shingles a signature is noise: short notices would be grouped by their boilerplate. */
const MIN_SHINGLES = 24;

/** A syllable is a run of letters and digits (code points in \p{L} or \p{N}). */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Per UTF-16 code unit outside the surrogates: 0 not yet known, 1 a letter or digit, 2 not. */
const WORD_UNIT = new Uint8Array(0x10000);

/**
 * The text's MinHash signature, or null for too short a text. One permutation hashing: each shingle's hash
 * picks one of the HASHES bins and gives a value for it, and a bin keeps its least value; a bin no shingle
 * fell into copies the first filled bin of a probe sequence that is the same for every text ("optimal
 * densification", Shrivastava 2017), so that two texts agree on it as often as on a filled bin. One hash
 * per shingle instead of HASHES of them: 160 -> 50 µs per generated article, and on 1,947 pairs of
 * articles (neighbours made from one template, copies with a lead-in, a cut end, changed words, halves)
 * the estimate of the shared share of shingles was off by 0.021 on average, against 0.025 with a hundred
 * hash functions.
 */
export function minhash(text: string): Uint32Array | null {
  const syllables = syllableHashes(text.toLowerCase());
  const shingles = syllables.length - SHINGLE + 1;
  if (shingles < MIN_SHINGLES) return null;
  const bins = new Uint32Array(HASHES);
  const filled = new Uint8Array(HASHES);
  for (let i = 0; i < shingles; i++) {
    // A shingle's hash, from its syllables' hashes in order (no string is built).
    const shingle = mix(Math.imul(mix(syllables[i]! ^ 0x9e3779b9) ^ syllables[i + 1]!, 0x85ebca6b) ^ syllables[i + 2]!);
    const bin = shingle % HASHES;
    const value = mix(shingle ^ 0x27d4eb2f);
    if (filled[bin] === 0 || value < bins[bin]!) {
      bins[bin] = value;
      filled[bin] = 1;
    }
  }
  const signature = bins.slice();
  for (let bin = 0; bin < HASHES; bin++) {
    if (filled[bin] === 1) continue;
    for (let attempt = 1; ; attempt++) {
      const from = mix(Math.imul(bin + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca77)) % HASHES;
      if (filled[from] === 1) {
        signature[bin] = bins[from]!;
        break;
      }
    }
  }
  return signature;
}

/** The estimated share of shingles two texts have in common. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let h = 0; h < HASHES; h++) if (a[h] === b[h]) same++;
  return same / HASHES;
}

/** The signature's LSH bands: [band index, 32-bit key of its hashes], for exact look-up. */
export function bands(signature: Uint32Array): [number, number][] {
  return Array.from({ length: BANDS }, (_, band) => {
    let key = band;
    for (let r = 0; r < ROWS; r++) key = mix(Math.imul(key, 0x01000193) ^ signature[band * ROWS + r]!);
    return [band, key | 0];
  });
}

/**
 * Each syllable's hash, in order: FNV-1a over its UTF-16 code units, finished by `mix`. One pass over the
 * text with a per-code-unit table (the same syllables as matching /[\p{L}\p{N}]+/gu, a third of its time).
 * The hashes are a view of a buffer the next call overwrites (a growing array of them was a twentieth of
 * what processing an article allocated).
 */
export function syllableHashes(text: string): Uint32Array {
  let n = 0;
  const push = (hash: number): void => {
    if (n === syllableBuffer.length) {
      const larger = new Uint32Array(syllableBuffer.length * 2);
      larger.set(syllableBuffer);
      syllableBuffer = larger;
    }
    syllableBuffer[n++] = hash;
  };
  let h = 0;
  let inSyllable = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const width = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length ? 2 : 1;
    if (isWordChar(text, i, unit, width)) {
      if (!inSyllable) h = 0x811c9dc5;
      inSyllable = true;
      for (let k = 0; k < width; k++) h = Math.imul(h ^ text.charCodeAt(i + k), 0x01000193);
    } else if (inSyllable) {
      push(mix(h));
      inSyllable = false;
    }
    i += width - 1;
  }
  if (inSyllable) push(mix(h));
  return syllableBuffer.subarray(0, n);
}

let syllableBuffer = new Uint32Array(4096);

function isWordChar(text: string, i: number, unit: number, width: number): boolean {
  if (width === 2) return WORD_CHAR.test(text.slice(i, i + 2));
  let known = WORD_UNIT[unit]!;
  if (known === 0) WORD_UNIT[unit] = known = WORD_CHAR.test(String.fromCharCode(unit)) ? 1 : 2;
  return known === 1;
}

/** murmur3's finalizer: every output bit depends on every input bit. */
function mix(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
