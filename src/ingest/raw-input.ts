import type { ArticleMeta, RawDocument } from '../types.js';
import type { Decoding } from './decode.js';
import type { Origin } from './item.js';

/**
 * One input as the reading phase hands it on, before any decoding or parsing: a plain object (structured-
 * clonable, so it can be posted to a worker thread) holding a whole file, a JSONL line's page or a WARC response.
 */
export interface RawInput {
  /** The document id: the file's stem, or for a crawl record `urlId(url)`. */
  id: string;
  /** The file path, with `#N` for record N (1-based) of a JSONL or WARC file. */
  source: string;
  origin: Origin;
  format: RawDocument['format'];
  /** What the payload holds: an HTML page or plain text. */
  content: 'html' | 'text';
  /**
   * The page or text: its bytes (a Uint8Array that owns its whole ArrayBuffer, so it can be transferred), or a
   * string when the container already decoded it (a JSONL field).
   */
  payload: Uint8Array | string;
  /** The charset the HTTP Content-Type header declared (WARC response, JSONL `headers`), or null. */
  charset: string | null;
  /** The crawled URL (JSONL `url`, WARC-Target-URI), or null for a plain file. */
  url: string | null;
  /** When the page was fetched (JSONL `fetched_at`, WARC-Date), as the container wrote it; or null. */
  fetchedAt: string | null;
  /** Metadata the container gave (JSONL title, published, authors); it wins over the page's own. */
  meta: Partial<ArticleMeta>;
  /** A crawler's own text of the page (JSONL `text` next to `html`): used when the HTML yields no text. */
  fallbackText: string | null;
  /**
   * How the container's own text was decoded, when it was not UTF-8 (a JSONL line in windows-1258, TCVN3…):
   * the payload string was decoded with it. Null otherwise.
   */
  decodedAs: Decoding | null;
}

/** Why a WARC record was passed over (HTTP status not 200, content type not HTML or text). */
export interface SkippedRecord {
  source: string;
  record: number;
  reason: string;
}

export interface ReadOptions {
  /** Called for each crawl record skipped on purpose; such records are counted, not faults. */
  onSkip?: (skipped: SkippedRecord) => void;
}

/** The bytes as a plain Uint8Array spanning its whole ArrayBuffer (Node buffers may be views into a shared pool). */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes);
}
