/**
 * The ingest stage: reads .txt, .html and .jsonl inputs into raw documents, one fault per bad input.
 */
import { htmlToDocument } from './html.js';
import { errorReason, faultItem, type IngestItem, type IngestOptions } from './item.js';
import { readJsonl } from './jsonl.js';
import { readTextContent } from './read-file.js';
import { textToDocument } from './text-file.js';
import { walkInputs, type InputFormat } from './walk.js';

export { decodeUtf8, looksBinary, normalizeLineEndings, type Decoded } from './decode.js';
export { htmlToDocument, MAX_UNCLOSED_TAGS, parseArticleHtml, type ParsedArticle, type ParsedHtml } from './html.js';
export { readHtmlHead, type HtmlHead } from './html-meta.js';
export { blockParagraphs, extractMainText } from './html-text.js';
export { fileStem, urlId } from './ids.js';
export { DEFAULT_MAX_TEXT_CHARS, type FaultItem, type IngestItem, type IngestOptions, type Origin } from './item.js';
export { readJsonl, recordToDocument } from './jsonl.js';
export { normalizePublished } from './published-date.js';
export { MAX_FILE_BYTES, readTextContent } from './read-file.js';
export { textToDocument } from './text-file.js';
export { formatOf, walkInputs, type InputFormat, type WalkEntry } from './walk.js';

/**
 * Streams every document found under the given paths (files or folders, folders recursively, sorted for
 * determinism). Never throws for bad input: every unreadable input yields one fault.
 */
export async function* ingest(paths: string[], opts: IngestOptions = {}): AsyncGenerator<IngestItem> {
  for await (const entry of walkInputs(paths)) {
    if (!entry.ok) {
      yield entry;
      continue;
    }
    try {
      yield* readInput(entry.path, entry.format, opts);
    } catch (err) {
      // A bug or an exotic failure in one file must not stop the others.
      yield faultItem({ path: entry.path, record: null }, `unexpected error: ${errorReason(err)}`);
    }
  }
}

async function* readInput(path: string, format: InputFormat, opts: IngestOptions): AsyncGenerator<IngestItem> {
  if (format === 'jsonl') {
    yield* readJsonl(path, opts);
    return;
  }
  const content = await readTextContent(path);
  if (!content.ok) yield content;
  else yield format === 'txt' ? textToDocument(content.text, path, opts) : htmlToDocument(content.text, path, opts);
}
