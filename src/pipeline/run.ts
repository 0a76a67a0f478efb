import type { FactType, InputFault } from '../types.js';
import { FACT_TYPES } from '../types.js';
import { loadRuleSet } from '../extract/engine/ruleset.js';
import { Grammar } from '../extract/grammar.js';
import { ingest } from '../ingest/index.js';
import { codeVersion, defaultRulesDir } from '../paths.js';
import { openDatabase } from '../store/database.js';
import { beginRun, finishRun, recordFault } from '../store/runs.js';
import { saveArticle } from '../store/write.js';
import { processDocument } from './process.js';

export interface RunOptions {
  db: string;
  rulesDir?: string;
  /** Called after each input item (a document or a fault), for progress display. */
  onItem?: (done: number) => void;
}

export interface RunSummary {
  runId: number;
  /** Documents read (faults not counted). */
  read: number;
  stored: number;
  updated: number;
  /** Documents whose text was already stored (the same content under any id). */
  duplicates: number;
  faults: InputFault[];
  /** Facts in the articles stored or updated by this run, per type. */
  facts: Record<FactType, number>;
  seconds: number;
}

/**
 * `thidua run`: every input through ingest → process → store. A bad input is
 * recorded as a fault and the batch goes on; each article is stored with its
 * facts in one transaction, so a failure never leaves half an article.
 */
export async function runPipeline(paths: string[], opts: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const rules = loadRuleSet(opts.rulesDir ?? defaultRulesDir());
  const g = new Grammar(rules);
  const db = openDatabase(opts.db);
  try {
    const runId = beginRun(db, { rulesHash: rules.hash, codeVersion: codeVersion(), inputs: paths });
    const summary: RunSummary = { runId, read: 0, stored: 0, updated: 0, duplicates: 0, faults: [], facts: zeroFacts(), seconds: 0 };
    const fault = (f: InputFault): void => {
      summary.faults.push(f);
      recordFault(db, runId, f);
    };
    let done = 0;
    for await (const item of ingest(paths)) {
      opts.onItem?.(++done);
      if (!item.ok) {
        fault(item.fault);
        continue;
      }
      summary.read++;
      let article;
      try {
        article = processDocument(g, item.doc);
      } catch (cause) {
        fault({ source: item.doc.source, record: null, reason: `extraction failed: ${(cause as Error).message}` });
        continue;
      }
      const { status } = saveArticle(db, article, runId);
      if (status === 'duplicate') summary.duplicates++;
      else {
        summary[status]++;
        for (const type of FACT_TYPES) summary.facts[type] += article.facts[type].length;
      }
    }
    summary.seconds = (Date.now() - started) / 1000;
    finishRun(db, runId, { read: summary.read, stored: summary.stored, updated: summary.updated, duplicates: summary.duplicates, faults: summary.faults.length, ...summary.facts });
    return summary;
  } finally {
    db.close();
  }
}

function zeroFacts(): Record<FactType, number> {
  return Object.fromEntries(FACT_TYPES.map((t) => [t, 0])) as Record<FactType, number>;
}
