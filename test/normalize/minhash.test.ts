import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bands, minhash, MIN_SIMILARITY, similarity, syllableHashes } from '../../src/normalize/minhash.js';
import { normalizeText } from '../../src/normalize/text.js';

const DEV = 'test/fixtures/dev/texts';
const texts = readdirSync(DEV).map((f) => normalizeText(readFileSync(`${DEV}/${f}`, 'utf8')));
const sign = (text: string) => {
  const s = minhash(text);
  if (!s) throw new Error('no signature');
  return s;
};

describe('minhash', () => {
  it('finds a re-published copy with a lead-in, a changed word and a cut last line similar', () => {
    const original = texts.find((t) => t.length > 2500)!;
    const copy = `(Theo báo Công an nhân dân) ${original.replace('hội nghị', 'Hội nghị').slice(0, original.lastIndexOf('.', original.length - 2))}`;
    expect(similarity(sign(original), sign(copy))).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    const shared = new Set(bands(sign(original)).map(([b, v]) => `${b}:${v}`));
    expect(bands(sign(copy)).some(([b, v]) => shared.has(`${b}:${v}`))).toBe(true);
  });

  it('keeps different articles of the same kind apart', () => {
    const signed = texts.flatMap((t) => minhash(t) ?? []);
    expect(signed.length).toBeGreaterThan(30);
    let most = 0;
    for (let i = 0; i < signed.length; i++) for (let j = i + 1; j < signed.length; j++) most = Math.max(most, similarity(signed[i]!, signed[j]!));
    expect(most).toBeLessThan(0.5);
  });

  it('fills the bins no shingle fell into from bins some shingle did, the same way for every text', () => {
    const words = 'Sáng 6.8 tại Hà Nội Cụm thi đua số 5 tổ chức hội nghị sơ kết công tác thi đua khen thưởng sáu tháng đầu năm và triển khai nhiệm vụ những tháng cuối năm 2024'.split(' ');
    const short = words.join(' ');
    const signature = sign(short);
    // 28 shingles fill at most 28 of the 100 bins; every bin holds one of their values.
    expect(new Set(signature).size).toBeLessThanOrEqual(words.length - 2);
    // The same shingles in another text (here twice over, one more shingle at the seam) give nearly the same bins.
    expect(similarity(signature, sign(`${short} ${short}`))).toBeGreaterThanOrEqual(0.9);
  });

  it('gives no signature to a text too short to tell', () => {
    expect(minhash('Sáng 6.8, Cụm thi đua số 5 tổ chức hội nghị.')).toBeNull();
  });
});

describe('syllableHashes', () => {
  // The reference: the syllables /[\p{L}\p{N}]+/gu finds, each hashed with FNV-1a and murmur3's finalizer.
  const mix = (x: number) => {
    let h = x ^ (x >>> 16);
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const fnv = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return mix(h);
  };
  const reference = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(fnv);

  it('hashes the same syllables as /[\p{L}\p{N}]+/u, astral letters and lone surrogates included', () => {
    const samples = [...texts.map((t) => t.toLowerCase()), 'a𝒜b 𐐀x 1²3 \ud800 y\udc00z ٣٤ 中文 — done𝒜', '', '   ', 'x', '\ud835'];
    for (const text of samples) expect([...syllableHashes(text)]).toEqual(reference(text));
  });
});
