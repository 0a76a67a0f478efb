import { fileStem } from './ids.js';
import { errorReason, faultItem, type FaultItem } from './item.js';
import { ownBytes, type RawInput, type ReadOptions } from './raw-input.js';
import { readWholeFile } from './read-file.js';
import { walkInputs, type InputFile } from './walk.js';

/**
 * The I/O phase of ingestion, for the main thread: walks the paths (files or folders, folders recursively,
 * sorted for determinism), reads each file (streaming JSONL and WARC, inflating gzip) and splits containers
 * into records. Nothing is decoded or parsed beyond what splitting needs (a JSONL line's JSON). Never throws
 * for bad input: every unreadable file or record yields one fault, and reading goes on.
 */
export async function* readInputs(paths: readonly string[], opts: ReadOptions = {}): AsyncGenerator<RawInput | FaultItem> {
  for await (const entry of walkInputs(paths)) {
    if (!entry.ok) {
      yield entry;
      continue;
    }
    yield* readInputFile(entry, opts);
  }
}

/** One walked input file's records (readInputs without the walk, for a caller that walked already). */
export async function* readInputFile(entry: InputFile, opts: ReadOptions = {}): AsyncGenerator<RawInput | FaultItem> {
  try {
    yield* readFileInputs(entry, opts);
  } catch (err) {
    // A bug or an exotic failure in one file must not stop the others.
    yield faultItem({ path: entry.path, record: null }, `unexpected error: ${errorReason(err)}`);
  }
}

async function* readFileInputs(
  { path, format, gzip, size }: InputFile,
  opts: ReadOptions,
): AsyncGenerator<RawInput | FaultItem> {
  // Crawl formats load when a file of theirs comes (the run's thread reads a folder of pages without them).
  if (format === 'jsonl') return yield* (await import('./jsonl.js')).readJsonl(path, gzip);
  if (format === 'warc') return yield* (await import('./warc.js')).readWarc(path, gzip, opts);
  const bytes = await readWholeFile(path, gzip, size);
  if ('fault' in bytes) return yield bytes;
  yield {
    // "a.html.gz" is the article "a", like "a.html".
    id: fileStem(gzip ? path.slice(0, -3) : path),
    source: path,
    origin: { path, record: null },
    format,
    content: format === 'html' ? 'html' : 'text',
    payload: ownBytes(bytes),
    charset: null,
    url: null,
    fetchedAt: null,
    meta: {},
    fallbackText: null,
    decodedAs: null,
  };
}
