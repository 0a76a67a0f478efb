import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { loadRuleSet } from '../extract/engine/ruleset.js';
import { Grammar } from '../extract/grammar.js';
import { packageRoot } from '../paths.js';
import { errorReason, faultItem } from '../ingest/item.js';
import { extractTask, type ExtractResult, type ExtractTask } from './tasks.js';

/** Runs extraction tasks: on worker threads, or in this thread when asked for none. */
export interface ExtractPool {
  run(task: ExtractTask): Promise<ExtractResult>;
  close(): Promise<void>;
}

/**
 * Workers' heaps are bounded so that V8 collects garbage before growing them: left alone, each worker's
 * heap grew to a few hundred MB on news pages (peak RSS of a run over 1,000 HTML pages: 668 MB with no
 * bound, 399 MB with these, 5% slower). A page too big for them fails alone, as a fault.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

/** One worker per core: the main thread only reads inputs and writes SQLite, which mostly waits on I/O. */
export const DEFAULT_THREADS = availableParallelism();

/**
 * Workers run the compiled dist/pipeline/worker.js (a worker thread cannot load TypeScript); without a
 * build, or with `threads: 0`, tasks run in this thread. Nothing starts before the first task: a run
 * with nothing to extract does not pay for compiling the rules.
 */
export function createPool(rulesDir: string, threads: number = DEFAULT_THREADS): ExtractPool {
  const workerFile = join(packageRoot(), 'dist', 'pipeline', 'worker.js');
  if (threads > 0 && existsSync(workerFile)) {
    let piscina: Piscina<ExtractTask, ExtractResult> | null = null;
    return {
      run: (task) => {
        piscina ??= new Piscina({ filename: workerFile, workerData: { rulesDir }, minThreads: threads, maxThreads: threads, resourceLimits: WORKER_HEAP });
        // A raw input's bytes are moved to the worker, not copied.
        const payload = task.kind === 'raw' ? task.raw.payload : null;
        const source = task.kind === 'raw' ? task.raw.origin : { path: task.doc.source, record: null };
        return piscina
          .run(task, payload instanceof Uint8Array ? { transferList: [payload.buffer as ArrayBuffer] } : {})
          .catch((err: unknown) => faultItem(source, `extraction failed: ${errorReason(err)}`));
      },
      close: async () => piscina?.destroy(),
    };
  }
  let g: Grammar | null = null;
  return { run: async (task) => extractTask((g ??= new Grammar(loadRuleSet(rulesDir))), task), close: async () => {} };
}
