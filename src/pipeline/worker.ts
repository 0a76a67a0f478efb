/**
 * A worker thread's task: a batch of documents or stored articles through processDocuments (normalize →
 * segment → extract → resolve). The rule set is loaded once per worker.
 */
import { workerData } from 'node:worker_threads';
import { loadRuleSet } from '../extract/engine/ruleset.js';
import { Grammar } from '../extract/grammar.js';
import { extractTasks, type ExtractTask, type ExtractResult } from './tasks.js';

const g = new Grammar(loadRuleSet((workerData as { rulesDir: string }).rulesDir));

export default function run(tasks: ExtractTask[]): ExtractResult[] {
  return extractTasks(g, tasks);
}
