/**
 * The ingest stage, in two phases: `readInputs` (I/O, main thread) yields raw inputs of .txt, .html, .jsonl
 * and WARC files, gzipped or not; `toDocument` (CPU, worker-safe) decodes and parses each into a document.
 * `ingest` runs both in turn. Every bad input yields one fault.
 */
import { errorReason, faultItem, type IngestItem, type IngestOptions } from './item.js';
import type { ReadOptions } from './raw-input.js';
import { readInputs } from './read-inputs.js';
import { toDocument } from './to-document.js';

export { bomOf, charsetOf, contentTypeCharset, metaCharset, type Charset } from './charset.js';
export { ConversionCounts, describeDecoding, inputFileOf } from './conversions.js';
export { checkText, decodeBytes, looksBinary, normalizeLineEndings, type CharsetHints, type Conversion, type Decoded, type Decoding } from './decode.js';
export { htmlToDocument, MAX_UNCLOSED_TAGS, parseArticleHtml, type ParsedArticle, type ParsedHtml } from './html.js';
export { readHtmlHead, type HtmlHead } from './html-meta.js';
export { blockParagraphs, extractMainText } from './html-text.js';
export { fileStem, urlId } from './ids.js';
export { DEFAULT_MAX_TEXT_CHARS, type FaultItem, type IngestItem, type IngestOptions, type Origin } from './item.js';
export { readJsonl, recordToInput } from './jsonl.js';
export { decodeTcvn3, decodeVni, type LegacyFont } from './legacy-fonts.js';
export { normalizePublished } from './published-date.js';
export { ownBytes, type RawInput, type ReadOptions, type SkippedRecord } from './raw-input.js';
export { MAX_FILE_BYTES, readWholeFile } from './read-file.js';
export { readInputFile, readInputs } from './read-inputs.js';
export { toDocument } from './to-document.js';
export { formatOf, walkInputs, type InputFile, type InputFormat, type WalkEntry } from './walk.js';
export { readWarc } from './warc.js';

/** Every document found under the given paths: `readInputs` then `toDocument`, in order, on this thread. */
export async function* ingest(paths: string[], opts: IngestOptions & ReadOptions = {}): AsyncGenerator<IngestItem> {
  for await (const input of readInputs(paths, opts)) {
    if ('fault' in input) {
      yield input;
      continue;
    }
    try {
      yield toDocument(input, opts);
    } catch (err) {
      // A bug in one input's decoding or parsing must not stop the others.
      yield faultItem(input.origin, `unexpected error: ${errorReason(err)}`);
    }
  }
}
