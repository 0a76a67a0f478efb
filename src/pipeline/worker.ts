/**
 * A worker thread's tasks: a batch of documents or stored articles through processDocuments (normalize →
 * segment → extract → resolve), and the verdict on the rules a run needs before it reads anything. The
 * rule set is loaded once per worker; a rule set that does not load fails every task with its error.
 */
import { workerData } from 'node:worker_threads';
import { loadRuleSet } from '../extract/engine/ruleset.js';
import { judgeRuleSet, type RuleSetVerdict } from '../extract/engine/verdict.js';
import { Grammar } from '../extract/grammar.js';
import { extractTasks, type ExtractTask, type ExtractResult } from './tasks.js';

const loaded: Grammar | Error = (() => {
  try {
    return new Grammar(loadRuleSet((workerData as { rulesDir: string }).rulesDir));
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
})();

function grammar(): Grammar {
  if (loaded instanceof Error) throw loaded;
  return loaded;
}

export default function run(tasks: ExtractTask[]): ExtractResult[] {
  return extractTasks(grammar(), tasks);
}

export function judge({ knownSafe, code }: { knownSafe: string[]; code: string }): RuleSetVerdict {
  return judgeRuleSet(grammar().ruleSet, new Set(knownSafe), code);
}
