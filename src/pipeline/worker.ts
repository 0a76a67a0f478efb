/**
 * A worker thread's task: one document, or one stored article, through processDocument (normalize →
 * segment → extract → resolve). The rule set is loaded once per worker.
 */
import { workerData } from 'node:worker_threads';
import { loadRuleSet } from '../extract/engine/ruleset.js';
import { Grammar } from '../extract/grammar.js';
import { extractTask, type ExtractTask, type ExtractResult } from './tasks.js';

const g = new Grammar(loadRuleSet((workerData as { rulesDir: string }).rulesDir));

export default function run(task: ExtractTask): ExtractResult {
  return extractTask(g, task);
}
