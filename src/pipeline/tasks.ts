import type { Grammar } from '../extract/grammar.js';
import type { InputFault, ProcessedArticle, RawDocument } from '../types.js';
import { processDocument } from './process.js';

/**
 * What a worker is given: a document read from an input, or a stored article to read again with the
 * current rules (its stored text, title, date and authors, as a document).
 */
export type ExtractTask = { kind: 'document'; doc: RawDocument } | { kind: 'stored'; doc: RawDocument };

export type ExtractResult = { ok: true; article: ProcessedArticle } | { ok: false; fault: InputFault };

/** Runs one task; an extractor failure on one document is that document's fault, not the batch's. */
export function extractTask(g: Grammar, task: ExtractTask): ExtractResult {
  try {
    return { ok: true, article: processDocument(g, task.doc) };
  } catch (cause) {
    return { ok: false, fault: { source: task.doc.source, record: null, reason: `extraction failed: ${(cause as Error).message}` } };
  }
}
