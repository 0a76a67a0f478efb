import { readFile, stat } from 'node:fs/promises';
import { decodeUtf8 } from './decode.js';
import { errorReason, faultItem, type FaultItem } from './item.js';

/** Larger files are refused before reading: no article is that long, and reading one whole would exhaust memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A whole .txt or .html file, decoded as strict UTF-8; or the one fault that explains why it cannot be. */
export async function readTextContent(path: string): Promise<{ ok: true; text: string } | FaultItem> {
  const origin = { path, record: null };
  let bytes: Buffer;
  try {
    const { size } = await stat(path);
    if (size > MAX_FILE_BYTES) return faultItem(origin, `file too large: ${size} bytes (limit ${MAX_FILE_BYTES})`);
    bytes = await readFile(path);
  } catch (err) {
    return faultItem(origin, errorReason(err));
  }
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? decoded : faultItem(origin, decoded.reason);
}
