import type { Grammar } from '../extract/grammar.js';
// Not ingest/index.js: it loads the WARC reader, which a worker does not need.
import type { RawInput } from '../ingest/raw-input.js';
import { toDocument } from '../ingest/to-document.js';
import type { InputFault, ProcessedArticle, RawDocument } from '../types.js';
import { processDocuments, type DocumentInput, type GivenReading } from './process.js';

/**
 * What a worker is given: a raw input to decode, parse and extract, or a stored article to read again
 * with the current rules (its stored text, title, date and authors, as a document), with the rule
 * matches to read when the regeneration already has them (see processDocument).
 */
export type ExtractTask = { kind: 'raw'; raw: RawInput } | { kind: 'stored'; doc: RawDocument; given?: GivenReading | undefined };

export type ExtractResult =
  | { ok: true; article: ProcessedArticle; decoding: RawDocument['decoding'] | null }
  | { ok: false; fault: InputFault };

/** Runs one task (see extractTasks). */
export function extractTask(g: Grammar, task: ExtractTask): ExtractResult {
  return extractTasks(g, [task])[0]!;
}

/**
 * Runs a batch of tasks, the rules matched over all of them at once (processDocuments); a failure on one
 * input is that input's fault, not the batch's.
 */
export function extractTasks(g: Grammar, tasks: readonly ExtractTask[]): ExtractResult[] {
  const results: (ExtractResult | null)[] = [];
  const inputs: DocumentInput[] = [];
  for (const task of tasks) {
    if (task.kind === 'stored') inputs.push({ doc: task.doc, given: task.given, stored: true });
    else {
      const item = toDocument(task.raw);
      if (item.ok) inputs.push({ doc: item.doc });
      else {
        results.push(item);
        continue;
      }
    }
    results.push(null);
  }
  const processed = processDocuments(g, inputs);
  let next = 0;
  return results.map((r) => {
    if (r) return r;
    const { doc } = inputs[next]!;
    const article = processed[next++]!;
    return article instanceof Error
      ? { ok: false, fault: { source: doc.source, record: null, reason: `extraction failed: ${article.message}` } }
      : { ok: true, article, decoding: doc.decoding ?? null };
  });
}
