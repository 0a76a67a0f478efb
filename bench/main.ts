/**
 * `npm run bench`: generates the synthetic corpora, then for each one measures the floor, a first run of the
 * pipeline into a fresh database and a rerun over the unchanged input; then the HTML step against Readability
 * and the kill -9 test. Prints a table with every target and writes the figures as JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureCorpus, type Corpus } from './corpus.js';
import { storedArticles, storedStories } from './database-counts.js';
import { killAndRerun, removeDatabase } from './kill-test.js';
import { measureFloor, measurePipeline } from './measure.js';
import { parseOptions } from './options.js';
import { Random } from './prng.js';
import { compareInChild } from './readability-compare.js';
import { measureRegeneration } from './regeneration.js';
import { checks, formatReport, type BenchResults, type CorpusResult } from './report.js';
import { loadVocabulary } from './vocabulary.js';

const KILL_TEST_SIZE = 10_000;

const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

const HEARTBEAT_MS = 30_000;

/** Logs what is being waited for, then every 30 s how long it has been running. */
async function whileLogging<T>(what: string, work: Promise<T>): Promise<T> {
  log(what);
  const started = performance.now();
  const timer = setInterval(() => log(`${what}: ${((performance.now() - started) / 1000).toFixed(0)} s…`), HEARTBEAT_MS);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const words = loadVocabulary();
  const corpora: Corpus[] = [
    ...options.textSizes.map((n) => ensureCorpus(options.dir, 'text', n, options.seed, words, log)),
    ...options.htmlSizes.map((n) => ensureCorpus(options.dir, 'html', n, options.seed, words, log)),
  ];
  const dbDir = join(options.dir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const dbOf = (c: Corpus, run: string) => join(dbDir, `${c.kind}-${c.count}.${run}.db`);

  const results: CorpusResult[] = [];
  for (const corpus of corpora) {
    const label = `${corpus.kind}-${corpus.count}`;
    log(`${label}: floor (read + NFC)`);
    const floor = measureFloor(corpus.dir);
    const db = dbOf(corpus, 'clean');
    removeDatabase(db);
    const first = await whileLogging(`${label}: thidua run into a fresh database`, measurePipeline(corpus.dir, db, corpus.count, corpus.bytes));
    log(`${label}: ${first.seconds.toFixed(1)} s, ${(corpus.count / first.seconds).toFixed(0)} articles/s`);
    const stored = storedArticles(db);
    const stories = storedStories(db);
    const rerun = await whileLogging(`${label}: rerun over the same input`, measurePipeline(corpus.dir, db, corpus.count, corpus.bytes));
    results.push({ corpus, floor, first, rerun, stored, stories });
  }

  let killTest: BenchResults['killTest'] = null;
  const textRuns = results.filter((r) => r.corpus.kind === 'text');
  const killTarget = textRuns.find((r) => r.corpus.count === KILL_TEST_SIZE) ?? [...textRuns].sort((a, b) => a.corpus.count - b.corpus.count)[0];
  if (options.killTest && killTarget) {
    const share = 0.3 + new Random(options.seed).next() * 0.4;
    const label = `${killTarget.corpus.kind}-${killTarget.corpus.count}`;
    const outcome = await whileLogging(`${label}: kill -9 at ${(share * 100).toFixed(0)}% of the clean run, then rerun`, killAndRerun(killTarget.corpus.dir, dbOf(killTarget.corpus, 'clean'), dbOf(killTarget.corpus, 'killed'), killTarget.first.seconds, share));
    killTest = { ...outcome, corpus: label };
  }

  // Regeneration after a rule change: on the 10k HTML corpus if there is one, else the smallest corpus.
  const regenTarget = results.find((r) => r.corpus.kind === 'html' && r.corpus.count === KILL_TEST_SIZE) ?? [...results].sort((a, b) => a.corpus.count - b.corpus.count)[0];
  let regeneration: BenchResults['regeneration'] = null;
  if (regenTarget) {
    const label = `${regenTarget.corpus.kind}-${regenTarget.corpus.count}`;
    const outcome = await whileLogging(`${label}: two edits to a rule file, each rerun and reverted`, measureRegeneration(regenTarget.corpus, dbOf(regenTarget.corpus, 'clean'), dbOf(regenTarget.corpus, 'rules'), regenTarget.first.seconds));
    regeneration = { ...outcome, corpus: label };
  }

  const htmlCorpus = corpora.filter((c) => c.kind === 'html').sort((a, b) => a.count - b.count)[0] ?? null;
  log(`HTML main text: parseArticleHtml vs Readability over ${Math.min(options.htmlSample, htmlCorpus?.count ?? 0)} generated pages and the real fixture pages`);
  const readability = await compareInChild(htmlCorpus?.dir ?? null, options.htmlSample);

  const report: BenchResults = {
    machine: { cores: availableParallelism(), node: process.version, commit: gitCommit(), date: new Date().toISOString() },
    corpora: results,
    readability,
    killTest,
    regeneration,
  };
  process.stdout.write(formatReport(report));
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, JSON.stringify({ ...report, checks: checks(report) }, null, 2) + '\n');
  log(`figures written to ${options.out}`);
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return 'unknown';
  }
}

main().catch((err: Error) => {
  process.stderr.write(`bench: ${err.message}\n`);
  process.exitCode = 1;
});
