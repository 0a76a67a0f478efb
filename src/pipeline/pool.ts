import { Piscina } from 'piscina';
import type { Grammar } from '../extract/grammar.js';
import { builtModule } from '../paths.js';
import { DEFAULT_THREADS } from './defaults.js';
import { errorReason, faultItem } from '../ingest/item.js';
import type { RuleSetVerdict } from '../extract/engine/verdict.js';
import type { ExtractResult, ExtractTask } from './tasks.js';

/** Runs extraction tasks: on worker threads, or in this thread when asked for none. */
export interface ExtractPool {
  run(task: ExtractTask): Promise<ExtractResult>;
  /** The verdict on the rules (extract/engine/verdict.ts), worked out where they are compiled. */
  judgeRules(knownSafe: ReadonlySet<string>, code: string): Promise<RuleSetVerdict>;
  close(): Promise<void>;
}

/**
 * Workers' heaps are bounded so that V8 collects garbage before growing them: left alone, each worker's
 * heap grew to a few hundred MB on news pages (peak RSS of a run over 1,000 HTML pages: 668 MB with no
 * bound, 399 MB with these, 5% slower). A page too big for them fails alone, as a fault.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

/**
 * Tasks go to a worker in groups of this many: the worker matches each rule over the whole group before
 * the next rule (matchTexts), which halves the matching time of one document at a time.
 */
export const GROUP = 16;

/**
 * Groups each worker holds at once: one it works on, the others queued in it, so that it has work while
 * this thread writes a batch (about 70 ms per 256 articles) and cannot hand out more.
 */
const QUEUED = 3;

/**
 * Workers run the compiled dist/pipeline/worker.js (a worker thread cannot load TypeScript); without a
 * build, or with `threads: 0`, tasks run in this thread. Nothing starts before the first task (or the
 * rules' verdict): a run with nothing to extract and rules it knows does not pay for compiling them.
 */
export function createPool(rulesDir: string, threads: number = DEFAULT_THREADS): ExtractPool {
  const workerFile = builtModule('pipeline/worker.js');
  if (threads > 0 && workerFile) {
    // Untyped: one pool runs two task functions (extraction groups and the rules' verdict).
    let piscina: Piscina | null = null;
    const start = () =>
      (piscina ??= new Piscina({
        filename: workerFile, workerData: { rulesDir }, minThreads: threads, maxThreads: threads, concurrentTasksPerWorker: QUEUED, resourceLimits: WORKER_HEAP,
      }));
    return {
      ...groupedRuns((tasks) => runGroup(start(), tasks), threads * QUEUED),
      judgeRules: (knownSafe, code): Promise<RuleSetVerdict> => start().run({ knownSafe: [...knownSafe], code }, { name: 'judge' }),
      close: async () => piscina?.destroy(),
    };
  }
  // The extraction modules load at the first task: a run on workers does not need them on its own thread.
  let local: Promise<{ g: Grammar; extractTask: typeof import('./tasks.js').extractTask; judgeRuleSet: typeof import('../extract/engine/verdict.js').judgeRuleSet }> | null = null;
  const load = () =>
    (local ??= Promise.all([import('./tasks.js'), import('../extract/grammar.js'), import('../extract/engine/ruleset.js'), import('../extract/engine/verdict.js')]).then(
      ([tasks, grammar, ruleset, verdict]) => ({ g: new grammar.Grammar(ruleset.loadRuleSet(rulesDir)), extractTask: tasks.extractTask, judgeRuleSet: verdict.judgeRuleSet }),
    ));
  return {
    run: async (task) => load().then(({ g, extractTask }) => extractTask(g, task)),
    judgeRules: async (knownSafe, code) => load().then(({ g, judgeRuleSet }) => judgeRuleSet(g.ruleSet, knownSafe, code)),
    close: async () => {},
  };
}

interface Waiting {
  task: ExtractTask;
  resolve: (result: ExtractResult) => void;
}

/**
 * `run` for single tasks over a runner of groups. Tasks wait until GROUP of them are there; a smaller
 * group goes when the caller yields to the event loop (it is waiting on input or on the writer) while
 * fewer than `capacity` groups are out, and otherwise when one comes back. Without that wait, a reader
 * that yields after every few files sent groups of about three (3,500 groups for 10,000 articles), and
 * the workers were short of work whenever this thread was busy writing.
 */
export function groupedRuns(runGroup: (tasks: ExtractTask[]) => Promise<ExtractResult[]>, capacity = Infinity): Pick<ExtractPool, 'run'> {
  let group: Waiting[] = [];
  let out = 0;
  const send = () => {
    const waiting = group;
    group = [];
    out++;
    void runGroup(waiting.map((w) => w.task)).then((results) => {
      out--;
      waiting.forEach((w, i) => w.resolve(results[i]!));
      if (group.length > 0 && out < capacity) send();
    });
  };
  return {
    run: (task) =>
      new Promise<ExtractResult>((resolve) => {
        group.push({ task, resolve });
        const mine = group;
        if (mine.length >= GROUP) send();
        else if (mine.length === 1) setImmediate(() => group === mine && out < capacity && send());
      }),
  };
}

/**
 * Runs a group on a worker. If the worker fails (a page too big for its bounded heap), each task runs
 * again alone, so that only the one at fault fails, as a fault; that is why raw inputs' bytes are copied
 * to the worker rather than moved.
 */
async function runGroup(piscina: Piscina, tasks: ExtractTask[]): Promise<ExtractResult[]> {
  const run = (group: ExtractTask[]): Promise<ExtractResult[]> => piscina.run(group);
  if (tasks.length === 1) return run(tasks).catch((err: unknown) => [faultOf(tasks[0]!, err)]);
  return run(tasks).catch(() => Promise.all(tasks.map((task) => run([task]).then((r) => r[0]!, (err: unknown) => faultOf(task, err)))));
}

function faultOf(task: ExtractTask, err: unknown): ExtractResult {
  const source = task.kind === 'raw' ? task.raw.origin : { path: task.doc.source, record: null };
  return faultItem(source, `extraction failed: ${errorReason(err)}`);
}
