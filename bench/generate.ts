/**
 * The synthetic corpus, one article at a time: article i is drawn from its own seed, so any article can be
 * made without the ones before it. About 5% of the articles are syndicated copies of a recent article: the same
 * text with tiny edits (a source credit, another byline, the caption left out), on another site in HTML.
 */
import { randomSpec } from './article-spec.js';
import { renderPage, SITES } from './page-layouts.js';
import { Random } from './prng.js';
import { articleText, renderText, type ArticleText } from './templates.js';
import type { Vocabulary } from './vocabulary.js';

export type CorpusKind = 'text' | 'html';

const SYNDICATED_SHARE = 0.05;
/** A copy reprints one of this many articles before it. */
const SYNDICATION_WINDOW = 500;

export interface GeneratedFile {
  /** Path relative to the corpus folder. */
  path: string;
  content: string;
  syndicated: boolean;
}

export function generateFile(kind: CorpusKind, index: number, seed: number, words: Vocabulary): GeneratedFile {
  const random = new Random(articleSeed(seed, index));
  const syndicated = index > 0 && random.chance(SYNDICATED_SHARE);
  const sourceIndex = syndicated ? random.int(Math.max(0, index - SYNDICATION_WINDOW), index - 1) : index;
  const original = originalArticle(sourceIndex, seed, words);
  const article = syndicated ? syndicatedCopy(random, original) : original;
  const name = `a${String(index).padStart(6, '0')}`;
  const folder = String(Math.floor(index / 1000)).padStart(3, '0');
  if (kind === 'text') return { path: `${folder}/${name}.txt`, content: renderText(article), syndicated };
  const site = syndicated ? SITES[(siteIndex(sourceIndex, seed) + random.int(1, SITES.length - 1)) % SITES.length]! : SITES[siteIndex(index, seed)]!;
  return { path: `${folder}/${name}.html`, content: renderPage(random, article, site, name), syndicated };
}

function originalArticle(index: number, seed: number, words: Vocabulary): ArticleText {
  const random = new Random(articleSeed(seed ^ 0x5bd1e995, index));
  return articleText(random, words, randomSpec(random, words));
}

function siteIndex(index: number, seed: number): number {
  return new Random(articleSeed(seed ^ 0x27d4eb2f, index)).int(0, SITES.length - 1);
}

const CREDITS = ['(Theo Báo Thi đua)', '(Nguồn: Cổng thông tin Cụm Khối)', '(Theo Tin An ninh)'];

function syndicatedCopy(random: Random, original: ArticleText): ArticleText {
  const paragraphs = [...original.paragraphs];
  const last = paragraphs.length - 1;
  paragraphs[last] = `${paragraphs[last]} ${random.pick(CREDITS)}`;
  return {
    ...original,
    paragraphs,
    dateLine: null,
    caption: random.chance(0.5) ? original.caption : { ...original.caption, text: 'Ảnh minh họa.' },
    byline: random.chance(0.5) ? original.byline : 'PV',
  };
}

/** Mixes the corpus seed and the article's index into one 32-bit seed. */
function articleSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
