import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { errorReason } from './item.js';

/**
 * A file's bytes as a stream, inflated if gzipped (every member of a multi-member file, as .warc.gz writes
 * one per record). A truncated or corrupt gzip makes the stream fail, never end quietly.
 */
export function openInput(path: string, gzip: boolean): Readable {
  const file = createReadStream(path);
  if (!gzip) return file;
  const gunzip = createGunzip();
  file.on('error', (err) => gunzip.destroy(err));
  return file.pipe(gunzip);
}

/** A read error's reason, naming gzip damage as such. */
export function readErrorReason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'Z_BUF_ERROR') return 'truncated gzip file (unexpected end of file)';
  if (code === 'Z_DATA_ERROR') return `corrupt gzip data (${errorReason(err)})`;
  return errorReason(err);
}
