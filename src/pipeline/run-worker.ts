/** The coordinating thread of a command-line run (run-thread.ts): runPipeline, reporting to the caller's thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { runPipeline, type RunOptions } from './run.js';
import { progressView, type CoordinatorMessage } from './run-thread.js';

const { paths, options, progress, notices } = workerData as { paths: string[]; options: RunOptions; progress: boolean; notices: boolean };
const post = (message: CoordinatorMessage) => parentPort!.postMessage(message);

runPipeline(paths, {
  ...options,
  ...(progress ? { onProgress: (p) => post({ kind: 'progress', progress: progressView(p) }) } : {}),
  ...(notices ? { onNotice: (message) => post({ kind: 'notice', message }) } : {}),
}).then(
  (summary) => post({ kind: 'summary', summary }),
  (err: unknown) =>
    post({
      kind: 'error',
      message: err instanceof Error ? err.message : String(err),
      stack: err instanceof Error ? err.stack : undefined,
      cause: err instanceof Error && err.cause instanceof Error ? err.cause.message : undefined,
    }),
);
