import type { Grammar } from '../extract/grammar.js';
// Not ingest/index.js: it loads the WARC reader, which a worker does not need.
import type { RawInput } from '../ingest/raw-input.js';
import type { StoredMatch } from '../extract/engine/stored-matches.js';
import { toDocument } from '../ingest/to-document.js';
import type { InputFault, ProcessedArticle, RawDocument } from '../types.js';
import { processDocument } from './process.js';

/**
 * What a worker is given: a raw input to decode, parse and extract, or a stored article to read again
 * with the current rules (its stored text, title, date and authors, as a document), with the rule
 * matches to read when the regeneration already has them (see processDocument).
 */
export type ExtractTask = { kind: 'raw'; raw: RawInput } | { kind: 'stored'; doc: RawDocument; matches?: StoredMatch[] };

export type ExtractResult =
  | { ok: true; article: ProcessedArticle; decoding: RawDocument['decoding'] | null }
  | { ok: false; fault: InputFault };

/** Runs one task; a failure on one input is that input's fault, not the batch's. */
export function extractTask(g: Grammar, task: ExtractTask): ExtractResult {
  let doc: RawDocument;
  if (task.kind === 'raw') {
    const item = toDocument(task.raw);
    if (!item.ok) return item;
    doc = item.doc;
  } else doc = task.doc;
  try {
    const given = task.kind === 'stored' ? task.matches : undefined;
    return { ok: true, article: processDocument(g, doc, given), decoding: doc.decoding ?? null };
  } catch (cause) {
    return { ok: false, fault: { source: doc.source, record: null, reason: `extraction failed: ${(cause as Error).message}` } };
  }
}
