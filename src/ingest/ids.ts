import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';

/** A file's id: its name without the directory and the last extension ("a/004_x.txt" → "004_x"). */
export function fileStem(path: string): string {
  const name = basename(path);
  return name.slice(0, name.length - extname(name).length);
}

/** A crawl record's id: the first 16 hex characters of the sha256 of its URL. */
export function urlId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 16);
}
