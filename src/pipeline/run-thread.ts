import { Worker } from 'node:worker_threads';
import { ConversionCounts } from '../ingest/conversions.js';
import { builtModule } from '../paths.js';
import type { RunOptions, RunSummary } from './run.js';

/** What a progress display needs, as the coordinating thread reports it. */
export interface ProgressView {
  inputsDone: number;
  inputs: number;
  read: number;
  errors: number;
}

/** Messages from the coordinating thread (run-worker.ts). */
export type CoordinatorMessage =
  | { kind: 'progress'; progress: ProgressView }
  | { kind: 'notice'; message: string }
  | { kind: 'summary'; summary: RunSummary }
  | { kind: 'error'; message: string; stack: string | undefined; cause: string | undefined };

/**
 * The coordinating thread's heap, bounded like the extraction workers' (pool.ts). On the main thread of a
 * long run V8 let the heap grow to about 90 MB for 37 MB of live objects, and its young generation grew
 * with it: peak RSS of a 10k-article run 423 MB there, 336 MB on a thread with these limits.
 */
const COORDINATOR_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 4 };

/**
 * `runPipeline` on a thread of its own with a bounded heap (the command line's `run`); the caller's thread
 * only shows progress. Without a build (no dist/pipeline/run-worker.js), or with `threads: 0` (everything
 * on one thread, as asked), it runs here.
 */
export function runPipelineOnThread(
  paths: string[],
  opts: Omit<RunOptions, 'onProgress'> & { onProgress?: (p: ProgressView) => void },
): Promise<RunSummary> {
  const workerFile = builtModule('pipeline/run-worker.js');
  const { onProgress, onNotice, ...options } = opts;
  if (opts.threads === 0 || !workerFile) {
    // Loaded only here: the command line's own thread does not need the pipeline's modules.
    return import('./run.js').then(({ runPipeline }) =>
      runPipeline(paths, { ...options, ...(onNotice ? { onNotice } : {}), ...(onProgress ? { onProgress: (p) => onProgress(progressView(p)) } : {}) }),
    );
  }
  return new Promise((resolve, reject) => {
    let outcome: { summary: RunSummary } | { error: Error } | null = null;
    const workerData = { paths, options, progress: onProgress !== undefined, notices: onNotice !== undefined };
    const worker = new Worker(workerFile, { workerData, resourceLimits: COORDINATOR_HEAP });
    worker.on('message', (message: CoordinatorMessage) => {
      if (message.kind === 'progress') onProgress?.(message.progress);
      else if (message.kind === 'notice') onNotice?.(message.message);
      else if (message.kind === 'summary') outcome = { summary: withCounts(message.summary) };
      else outcome = { error: Object.assign(new Error(message.message, message.cause === undefined ? {} : { cause: new Error(message.cause) }), { stack: message.stack }) };
    });
    worker.on('error', (error) => (outcome ??= { error }));
    worker.on('exit', (code) => {
      if (outcome && 'summary' in outcome) resolve(outcome.summary);
      else reject(outcome?.error ?? new Error(`the run's thread stopped (exit code ${code})`));
    });
  });
}

export function progressView(p: { inputsDone: number; inputs: number; read: number; faults: readonly unknown[] }): ProgressView {
  return { inputsDone: p.inputsDone, inputs: p.inputs, read: p.read, errors: p.faults.length };
}

/** The summary as posted (a class instance arrives as a plain object): its conversion counts made whole again. */
function withCounts(summary: RunSummary): RunSummary {
  const conversions = new ConversionCounts();
  for (const [file, counts] of summary.conversions.byFile) conversions.byFile.set(file, counts);
  return { ...summary, conversions };
}
