/**
 * The HTML main-text step against @mozilla/readability on a linkedom DOM, single-threaded in a fresh process
 * of its own (`compareInChild`): speed over the same pages (generated ones and the real pages of
 * test/fixtures/html), and correctness on the real pages against expected.json (title right, first and last
 * sentence present, noise strings absent).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseArticleHtml } from '../dist/ingest/index.js';
import { corpusFiles, runToEnd, spawnPiped } from './measure.js';

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

/**
 * The comparison in a child process: in the bench's own process, which had read gigabytes of
 * corpora before, the figures depended on that history (the extractor timed first paid for growing the heap;
 * ours measured 27 to 39 MB/s in runs of the same code).
 */
export async function compareInChild(htmlCorpusDir: string | null, sampleSize: number): Promise<ReadabilityComparison> {
  // With V8's flag as the thidua command sets it (src/cli/native-regexps.ts), for both extractors.
  const args = ['--no-regexp-tier-up', fileURLToPath(import.meta.url), htmlCorpusDir ?? '', String(sampleSize)];
  const stdout = await runToEnd(spawnPiped(process.execPath, args));
  return JSON.parse(stdout) as ReadabilityComparison;
}

function compareWithReadability(htmlCorpusDir: string | null, sampleSize: number): ReadabilityComparison {
  const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as Record<string, ExpectedPage>;
  const realPages = Object.keys(expected).map((file) => readFileSync(new URL(file, FIXTURES), 'utf8'));
  const generated = htmlCorpusDir ? corpusFiles(htmlCorpusDir).slice(0, sampleSize).map((file) => readFileSync(file, 'utf8')) : [];
  const pages = [...generated, ...realPages];
  const times = { ours: Infinity, readability: Infinity };
  // Rounds taken in turn, the fastest of each kept: neither extractor profits from running second.
  for (let round = 0; round < ROUNDS; round++) {
    times.ours = Math.min(times.ours, timeOver(ours, pages));
    times.readability = Math.min(times.readability, timeOver(readability, pages));
  }
  return {
    speed: {
      pages: pages.length,
      bytes: pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0),
      oursSeconds: times.ours,
      readabilitySeconds: times.readability,
    },
    fixtures: {
      ours: scoreFixtures(ours, expected, realPages),
      readability: scoreFixtures(readability, expected, realPages),
    },
  };
}

const WARM_UP_PAGES = 20;
const ROUNDS = 2;

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

// Run as a script (compareInChild): the corpus folder ('' for none) and the sample size in, the comparison as JSON out.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, sample] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(compareWithReadability(dir || null, Number(sample))));
}
