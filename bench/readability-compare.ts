/**
 * The HTML main-text step against @mozilla/readability on a linkedom DOM, single-threaded in this process:
 * speed over the same pages (generated ones and the real pages of test/fixtures/html), and correctness on the
 * real pages against expected.json (title right, first and last sentence present, noise strings absent).
 */
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseArticleHtml } from '../dist/ingest/index.js';
import { corpusFiles } from './measure.js';

const FIXTURES = new URL('../test/fixtures/html/', import.meta.url);

interface Extracted {
  title: string;
  text: string;
}

type Extractor = (html: string) => Extracted | null;

const ours: Extractor = (html) => {
  const parsed = parseArticleHtml(html);
  return parsed.ok ? { title: parsed.article.meta.title ?? '', text: parsed.article.text } : null;
};

const readability: Extractor = (html) => {
  const article = new Readability(parseHTML(html).document).parse();
  return article ? { title: article.title ?? '', text: article.textContent ?? '' } : null;
};

export interface SpeedResult {
  pages: number;
  bytes: number;
  oursSeconds: number;
  readabilitySeconds: number;
}

export interface FixtureScore {
  pages: number;
  title: number;
  firstSentence: number;
  lastSentence: number;
  noiseAbsent: number;
  noiseTotal: number;
  /** Pages the extractor returned nothing for. */
  failed: number;
}

export interface ReadabilityComparison {
  speed: SpeedResult;
  fixtures: { ours: FixtureScore; readability: FixtureScore };
}

interface ExpectedPage {
  title: string[];
  first_sentence: string;
  last_sentence: string;
  noise: string[];
}

export function compareWithReadability(htmlCorpusDir: string | null, sampleSize: number): ReadabilityComparison {
  const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as Record<string, ExpectedPage>;
  const realPages = Object.keys(expected).map((file) => readFileSync(new URL(file, FIXTURES), 'utf8'));
  const generated = htmlCorpusDir ? corpusFiles(htmlCorpusDir).slice(0, sampleSize).map((file) => readFileSync(file, 'utf8')) : [];
  const pages = [...generated, ...realPages];
  return {
    speed: {
      pages: pages.length,
      bytes: pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0),
      oursSeconds: timeOver(ours, pages),
      readabilitySeconds: timeOver(readability, pages),
    },
    fixtures: {
      ours: scoreFixtures(ours, expected, realPages),
      readability: scoreFixtures(readability, expected, realPages),
    },
  };
}

const WARM_UP_PAGES = 20;

function timeOver(extract: Extractor, pages: string[]): number {
  for (const page of pages.slice(0, WARM_UP_PAGES)) extract(page);
  const started = performance.now();
  for (const page of pages) extract(page);
  return (performance.now() - started) / 1000;
}

/** As the normalize stage will see it: NFC (some pages write combining marks), whitespace folded. */
const comparable = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

function scoreFixtures(extract: Extractor, expected: Record<string, ExpectedPage>, pages: string[]): FixtureScore {
  const score: FixtureScore = { pages: pages.length, title: 0, firstSentence: 0, lastSentence: 0, noiseAbsent: 0, noiseTotal: 0, failed: 0 };
  Object.values(expected).forEach((page, i) => {
    score.noiseTotal += page.noise.length;
    const result = extract(pages[i]!);
    if (!result) {
      score.failed++;
      return;
    }
    const text = comparable(result.text);
    if (page.title.map(comparable).includes(comparable(result.title))) score.title++;
    if (text.includes(comparable(page.first_sentence))) score.firstSentence++;
    if (text.includes(comparable(page.last_sentence))) score.lastSentence++;
    score.noiseAbsent += page.noise.filter((noise) => !text.includes(comparable(noise))).length;
  });
  return score;
}

/** Every check passed, added up: the figure the two extractors are ranked by. */
export function fixtureTotal(score: FixtureScore): number {
  return score.title + score.firstSentence + score.lastSentence + score.noiseAbsent;
}
