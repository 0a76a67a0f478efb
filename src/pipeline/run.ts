import type Database from 'better-sqlite3';
import { manifestId } from '../extract/engine/manifest.js';
import { hashTree, loadRuleSet, type RuleSet } from '../extract/engine/ruleset.js';
import type { FaultItem } from '../ingest/item.js';
import type { RawInput, SkippedRecord } from '../ingest/raw-input.js';
import { readInputFile } from '../ingest/read-inputs.js';
import { walkInputs, type InputFile, type WalkEntry } from '../ingest/walk.js';
import { codeVersion, defaultRulesDir } from '../paths.js';
import type { RawDocument } from '../types.js';
import { openDatabase, upgradeNotice } from '../store/database.js';
import { statement } from '../store/statements.js';
import { publishDataset } from '../store/datasets.js';
import { inputUnchanged } from '../store/inputs.js';
import { knownSafePatterns, rememberSafe } from '../store/safe-patterns.js';
import { beginRun, finishRun } from '../store/runs.js';
import { rulesetOfSources, saveRuleset } from '../store/rulesets.js';
import { BatchWriter, type WriteCounts } from './batch-writer.js';
import { DEFAULT_KEEP } from './defaults.js';
import { createPool, type ExtractPool } from './pool.js';
import { prefetched } from './prefetch.js';
import { givenReading, planRegeneration } from './regenerate.js';

export interface RunOptions {
  db: string;
  rulesDir?: string;
  /** Worker threads for extraction; 0 runs it in this thread. Default: one per core. */
  threads?: number;
  /** How many runs' datasets stay queryable (h_* views, `thidua diff`). Default 5. */
  keep?: number;
  /** Called as the run goes: what has been written so far, and how many input files it has finished (of how many: counted first only when this is given). */
  onProgress?: (progress: RunProgress) => void;
  /** Told what the run does that the user may wait on before any progress (upgrading the database's schema). */
  onNotice?: (message: string) => void;
}

export interface RunProgress extends WriteCounts {
  /** Input files read whole or skipped as unchanged, of `inputs` found. */
  inputsDone: number;
  inputs: number;
}

export interface RunSummary extends WriteCounts {
  runId: number;
  /** Input files read, and skipped because an earlier run read them and they have not changed. */
  inputsRead: number;
  inputsSkipped: number;
  /** Crawl records that are not articles: WARC responses other than 200, or of another content type. */
  recordsSkipped: number;
  /** Articles whose extraction was kept from an earlier run (their text and the rules that touch them unchanged). */
  kept: number;
  /** Whether the run published a new dataset (false: it would have been the published one again). */
  published: boolean;
  seconds: number;
}

/**
 * `thidua run`: the inputs through ingest → extract (on worker threads) → store, then every stored article
 * brought up to the current rules, then the new dataset published at once.
 *
 * 1. Inputs: an input file an earlier run read whole and that has not changed since is skipped. Each
 *    document goes to the pool and is stored with its extraction, a batch per transaction.
 * 2. Regeneration: stored articles whose extraction the current rules could change are read again from
 *    their stored text (never from the inputs); the others keep theirs.
 * 3. Publication: one transaction makes the run's dataset the one the views show.
 * A run killed at any point leaves the previous dataset published and whole; the next run reuses what
 * the killed one stored and finishes the work.
 */
export async function runPipeline(paths: string[], opts: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const rulesDir = opts.rulesDir ?? defaultRulesDir();
  const db = openDatabase(opts.db, { onUpgrade: (step) => opts.onNotice?.(upgradeNotice(opts.db, step)) });
  db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
  db.pragma(`cache_size = -${CACHE_KB}`);
  const pool = createPool(rulesDir, opts.threads);
  try {
    const { ruleset, rules } = await currentRuleset(db, rulesDir, pool);
    const runId = beginRun(db, { rulesHash: ruleset, codeVersion: codeVersion(), inputs: paths });
    // The total is only for a progress display; without one, the first walk is saved (a rerun over 10,000
    // unchanged files spent a sixth of its time counting them).
    const progress = { inputsDone: 0, inputs: opts.onProgress ? await countInputs(paths) : 0 };
    const writer = new BatchWriter(db, { id: runId, ruleset }, undefined, (counts) => opts.onProgress?.({ ...counts, ...progress }));
    let recordsSkipped = 0;
    const onSkip = () => recordsSkipped++;
    let inputsRead = 0;
    const toRead = async function* () {
      for await (const file of walkInputs(paths)) {
        if (file.ok && inputUnchanged(db, file)) progress.inputsDone++;
        else yield file;
      }
    };
    const read = (f: WalkEntry): Promise<ReadAhead | FaultItem> => (f.ok ? readAhead(f, onSkip) : Promise.resolve(f));
    for await (const file of prefetched(toRead(), read)) {
      inputsRead++;
      if ('fault' in file) await writer.push({ kind: 'fault', input: null, fault: file.fault });
      else {
        for await (const item of file.records) {
          if ('fault' in item) await writer.push({ kind: 'fault', input: file.input.path, fault: item.fault });
          else await writer.push({ kind: 'input', input: file.input.path, result: pool.run({ kind: 'raw', raw: item }) });
        }
        await writer.push({ kind: 'input-done', input: file.input });
      }
      progress.inputsDone++;
    }
    await writer.flush();

    const plan = planRegeneration(db, rules, ruleset);
    for (const redo of plan.redo) {
      const task = { kind: 'stored', doc: storedDocument(db, redo.key), given: givenReading(db, redo) } as const;
      await writer.push({ kind: 'stored', key: redo.key, result: pool.run(task) });
    }
    await writer.flush();
    // The run's dataset: for each article's latest version, the extraction kept by the plan or just rewritten.
    const dataset = [...plan.keep.values(), ...writer.regenerated.values()];
    const published = publishDataset(db, runId, dataset, { keep: opts.keep ?? DEFAULT_KEEP, ruleset });

    const { stored, updated, regenerated } = writer.counts;
    const summary: RunSummary = {
      ...writer.counts,
      runId,
      published,
      inputsRead,
      inputsSkipped: progress.inputsDone - inputsRead,
      recordsSkipped,
      kept: dataset.length - stored - updated - regenerated,
      seconds: (Date.now() - started) / 1000,
    };
    const { faults, facts, conversions, published: _published, ...counts } = summary;
    finishRun(db, runId, { ...counts, published: Number(published), faults: faults.length, conversions: conversions.total(), ...facts });
    return summary;
  } finally {
    await pool.close();
    db.close();
  }
}

/**
 * How many input files there are, for progress: a first walk that only counts. The walk that reads them
 * comes after and streams: holding 100,000 walked entries took 48 MB.
 */
async function countInputs(paths: string[]): Promise<number> {
  let n = 0;
  for await (const _ of walkInputs(paths)) n++;
  return n;
}

/**
 * The write-ahead log is copied into the database when it holds this many pages (80 MB), not SQLite's 1,000:
 * a batch of articles touches pages all over the fact tables' indexes, and checkpointing after every batch
 * wrote each of those pages again each time (on 30,000 generated articles: 81 → 72 s, 14 → 11 s of system
 * time). Closing the database checkpoints what is left.
 */
const CHECKPOINT_PAGES = 20_000;

/**
 * SQLite's page cache for a run, in KB (its default is 2 MB). Storing an article looks up and inserts
 * random keys in large indexes (14 MinHash bands, unit names), so past a few hundred MB of database most
 * look-ups missed the cache and read pages again: text 100k went 396 -> 460 articles/s with 16 MB
 * (CPU 315 -> 269 s user), and peak RSS stayed under 400 MB (372 MB).
 */
const CACHE_KB = 16_000;

/** Files up to this size are read ahead whole; a bigger one (a WARC, a JSONL crawl) streams when its turn comes. */
const READ_AHEAD_BYTES = 4 * 1024 * 1024;

interface ReadAhead {
  input: InputFile;
  records: AsyncIterable<RawInput | FaultItem>;
}

/** An input file's records (raw inputs or faults): read now if the file is small, else a stream to read in turn. */
async function readAhead(input: InputFile, onSkip: (s: SkippedRecord) => void): Promise<ReadAhead> {
  const records = readInputFile(input, { onSkip });
  if (input.size > READ_AHEAD_BYTES) return { input, records };
  const all: (RawInput | FaultItem)[] = [];
  for await (const record of records) all.push(record);
  return { input, records: (async function* () { yield* all; })() };
}

/**
 * The current rule set's id, and its rules for when they have to be compiled here (a regeneration). The
 * id is the hash of what extraction depends on (manifest.ts); a run whose rules folder and code are byte
 * for byte those of an earlier run takes that run's id without compiling anything. Otherwise a worker,
 * which compiles the rules anyway, checks them (a rule set with a pattern that can backtrack
 * exponentially would hang the run on one sentence: it is refused before anything is read) and gives
 * their manifest.
 */
async function currentRuleset(db: Database.Database, rulesDir: string, pool: ExtractPool): Promise<{ ruleset: string; rules: () => RuleSet }> {
  let compiled: RuleSet | null = null;
  const rules = () => (compiled ??= loadRuleSet(rulesDir));
  const sources = `${hashTree(rulesDir)}+${codeVersion()}`;
  const known = rulesetOfSources(db, sources);
  if (known !== null) return { ruleset: known, rules };
  const verdict = await pool.judgeRules(knownSafePatterns(db), codeVersion());
  if (verdict.risk !== null) throw new Error(verdict.risk);
  rememberSafe(db, verdict.safe);
  const ruleset = manifestId(verdict.manifest);
  saveRuleset(db, ruleset, verdict.manifest, sources);
  return { ruleset, rules };
}

/** A stored article version as a document to read again: its stored text and metadata. */
function storedDocument(db: Database.Database, key: number): RawDocument {
  const row = statement(db, 'SELECT id, source, url, title, published, authors, text, captions FROM articles WHERE key = ?').get(key) as {
    id: string; source: string; url: string | null; title: string | null; published: string | null; authors: string; text: string; captions: string;
  };
  return {
    id: row.id,
    source: row.source,
    format: 'txt',
    url: row.url,
    text: row.text,
    meta: { title: row.title, published: row.published, authors: JSON.parse(row.authors) as string[] },
    captions: JSON.parse(row.captions) as string[],
  };
}
