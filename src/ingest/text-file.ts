import { normalizeLineEndings } from './decode.js';
import { fileStem } from './ids.js';
import { documentItem, type IngestItem, type IngestOptions } from './item.js';

/** A text file's document: id = file stem, text as written but with "\n" line endings. */
export function textToDocument(text: string, source: string, opts: IngestOptions = {}): IngestItem {
  return documentItem(
    { id: fileStem(source), source, format: 'txt', url: null, text: normalizeLineEndings(text), meta: {} },
    { path: source, record: null },
    opts,
  );
}
