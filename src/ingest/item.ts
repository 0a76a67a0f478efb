import type { InputFault, RawDocument } from '../types.js';

export interface IngestOptions {
  /** Longest text a document may have; a longer one is a fault. Default 500 000. */
  maxTextChars?: number;
}

export const DEFAULT_MAX_TEXT_CHARS = 500_000;

/** What ingestion yields for each input: a document, or one fault naming the input. */
export type IngestItem = { ok: true; doc: RawDocument } | FaultItem;
export type FaultItem = { ok: false; fault: InputFault };

/** Where an item came from: the file path as given or walked, and the JSONL line (1-based) if any. */
export interface Origin {
  path: string;
  record: number | null;
}

export function faultItem(origin: Origin, reason: string): FaultItem {
  return { ok: false, fault: { source: origin.path, record: origin.record, reason } };
}

/** Turns a thrown error into a short reason: the system message of an errno error ("permission denied"). */
export function errorReason(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // Node writes errno errors as "EACCES: permission denied, open '/a/file'"; the fault names the file already.
  const errno = /^E[A-Z]+: ([^,]+)/.exec(err.message);
  return errno?.[1] ?? err.message;
}

/** The document, or a fault when its text is longer than the limit. */
export function documentItem(doc: RawDocument, origin: Origin, opts: IngestOptions): IngestItem {
  const limit = opts.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  if (doc.text.length > limit) {
    return faultItem(origin, `text too long: ${doc.text.length} characters (limit ${limit})`);
  }
  return { ok: true, doc };
}
