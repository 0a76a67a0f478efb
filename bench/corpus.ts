/**
 * Writes a synthetic corpus to disk (files in folders of 1,000), unless the folder already holds the same corpus:
 * its .manifest.json (a dot-file, which the pipeline's walk skips) names the kind, size, seed and generator version it was made with.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateFile, type CorpusKind } from './generate.js';
import type { Vocabulary } from './vocabulary.js';

/** Raise when the generator's output changes, so that corpora on disk are made again. */
const GENERATOR_VERSION = 1;

export interface Corpus {
  kind: CorpusKind;
  count: number;
  seed: number;
  dir: string;
  bytes: number;
  syndicated: number;
  generatorVersion: number;
}

export function corpusDir(root: string, kind: CorpusKind, count: number): string {
  return join(root, `${kind}-${count}`);
}

export function ensureCorpus(root: string, kind: CorpusKind, count: number, seed: number, words: Vocabulary, log: (line: string) => void): Corpus {
  const dir = corpusDir(root, kind, count);
  const manifestPath = join(dir, '.manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Corpus;
    if (manifest.kind === kind && manifest.count === count && manifest.seed === seed && manifest.generatorVersion === GENERATOR_VERSION) {
      log(`corpus ${dir}: already generated (${count} ${kind} articles, ${mb(manifest.bytes)} MB)`);
      return { ...manifest, dir };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  let bytes = 0;
  let syndicated = 0;
  let lastLog = started;
  for (let i = 0; i < count; i++) {
    const file = generateFile(kind, i, seed, words);
    const path = join(dir, file.path);
    if (i % 1000 === 0) mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
    bytes += Buffer.byteLength(file.content);
    if (file.syndicated) syndicated++;
    const now = performance.now();
    if (now - lastLog > 5000 || i === count - 1) {
      lastLog = now;
      log(`generating ${dir}: ${i + 1}/${count} (${mb(bytes)} MB, ${((now - started) / 1000).toFixed(0)} s)`);
    }
  }
  const corpus: Corpus = { kind, count, seed, dir, bytes, syndicated, generatorVersion: GENERATOR_VERSION };
  writeFileSync(manifestPath, JSON.stringify(corpus, null, 2) + '\n');
  return corpus;
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
