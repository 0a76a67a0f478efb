import type Database from 'better-sqlite3';
import { ConversionCounts } from '../ingest/conversions.js';
import { FACT_TYPES, type FactType, type InputFault, type ProcessedArticle } from '../types.js';
import { recordInput, type InputRecord } from '../store/inputs.js';
import { recordFault } from '../store/runs.js';
import { saveArticle, saveExtraction } from '../store/write.js';
import type { ExtractResult } from './tasks.js';

/** What one run wrote, counted as it was written. */
export interface WriteCounts {
  /** Documents read from inputs (faults not counted). */
  read: number;
  stored: number;
  /** New versions of articles stored before with another text. */
  updated: number;
  /** Documents whose article is stored with this very text already. */
  unchanged: number;
  /** Stored articles that joined the story of an earlier copy. */
  copies: number;
  /** Stored articles read again with the current rules. */
  regenerated: number;
  faults: InputFault[];
  /** Documents converted from a legacy or wrong encoding, counted per input file. */
  conversions: ConversionCounts;
  /** Facts of the extractions written, per type. */
  facts: Record<FactType, number>;
}

/** One thing to write, in input order; extraction results are promises still running on the pool. */
export type Pending =
  | { kind: 'input'; input: string; result: Promise<ExtractResult> }
  | { kind: 'stored'; key: number; result: Promise<ExtractResult> }
  | { kind: 'fault'; input: string | null; fault: InputFault }
  | { kind: 'input-done'; input: Omit<InputRecord, 'documents' | 'faults'> };

/**
 * Writes pending items a batch at a time, each batch in one transaction and in the order the items were
 * pushed (so a run's result does not depend on which worker finished first). Up to two batches are in
 * flight: the pool works on the next batch while this one is written. An input is recorded as read
 * (inputs table) in the transaction of its last item, so a run killed at any moment leaves every input
 * either recorded whole or read again by the next run (which finds its stored articles unchanged).
 */
export class BatchWriter {
  private queue: Pending[] = [];
  /** The extractions written for stored articles read again: article version (key) → extraction id. */
  readonly regenerated = new Map<number, number>();
  private readonly perInput = new Map<string, { documents: number; faults: number }>();
  readonly counts: WriteCounts = {
    read: 0, stored: 0, updated: 0, unchanged: 0, copies: 0, regenerated: 0, faults: [], conversions: new ConversionCounts(),
    facts: Object.fromEntries(FACT_TYPES.map((t) => [t, 0])) as Record<FactType, number>,
  };

  constructor(
    private readonly db: Database.Database,
    private readonly run: { id: number; ruleset: string },
    private readonly batchSize = 256,
    private readonly onWritten: (counts: WriteCounts) => void = () => {},
  ) {}

  async push(item: Pending): Promise<void> {
    this.queue.push(item);
    if (this.queue.length >= 2 * this.batchSize) await this.writeBatch();
  }

  async flush(): Promise<void> {
    while (this.queue.length > 0) await this.writeBatch();
  }

  private async writeBatch(): Promise<void> {
    const batch = this.queue.splice(0, this.batchSize);
    const results = await Promise.all(batch.map((item) => ('result' in item ? item.result : null)));
    this.db.transaction(() => batch.forEach((item, i) => this.write(item, results[i] ?? null))).immediate();
    this.onWritten(this.counts);
  }

  private write(item: Pending, result: ExtractResult | null): void {
    if (item.kind === 'input-done') {
      const counts = this.perInput.get(item.input.path) ?? { documents: 0, faults: 0 };
      this.perInput.delete(item.input.path);
      // An input with a fault is read again next time: the cause (a permission, a truncated copy) may be gone.
      if (counts.faults === 0) recordInput(this.db, this.run.id, { ...item.input, ...counts });
      return;
    }
    const input = item.kind === 'stored' ? null : item.input;
    if (item.kind === 'fault' || (result && !result.ok)) {
      const fault = item.kind === 'fault' ? item.fault : (result as Extract<ExtractResult, { ok: false }>).fault;
      this.counts.faults.push(fault);
      recordFault(this.db, this.run.id, fault);
      if (input !== null) this.tally(input).faults++;
      return;
    }
    const { article, decoding } = result as Extract<ExtractResult, { ok: true }>;
    if (item.kind === 'stored') {
      this.regenerated.set(item.key, this.extraction(item.key, article));
      this.counts.regenerated++;
      return;
    }
    this.counts.read++;
    this.tally(item.input).documents++;
    if (decoding) this.counts.conversions.add({ source: article.source, decoding });
    const saved = saveArticle(this.db, article, this.run.id);
    this.counts[saved.status]++;
    if (saved.status === 'unchanged') return;
    if (saved.story !== article.id) this.counts.copies++;
    this.extraction(saved.key, article);
  }

  private extraction(key: number, article: ProcessedArticle): number {
    for (const type of FACT_TYPES) this.counts.facts[type] += article.facts[type].length;
    return saveExtraction(this.db, key, { ruleset: this.run.ruleset, runId: this.run.id, facts: article.facts, matchedRules: article.matchedRules, matches: article.matches, sentences: article.sentences });
  }

  private tally(input: string): { documents: number; faults: number } {
    let t = this.perInput.get(input);
    if (!t) this.perInput.set(input, (t = { documents: 0, faults: 0 }));
    return t;
  }
}
