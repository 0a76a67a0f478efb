import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { ingest, type IngestItem, type IngestOptions } from '../../src/ingest/index.js';
import type { InputFault, RawDocument } from '../../src/types.js';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** A fresh temporary folder holding the given files (relative path → content), removed after the test file. */
export async function tempFolder(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'thidua-ingest-'));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

export async function ingestAll(paths: string[], opts?: IngestOptions): Promise<IngestItem[]> {
  const items: IngestItem[] = [];
  for await (const item of ingest(paths, opts)) items.push(item);
  return items;
}

export function docsOf(items: IngestItem[]): RawDocument[] {
  return items.flatMap((item) => (item.ok ? [item.doc] : []));
}

export function faultsOf(items: IngestItem[]): InputFault[] {
  return items.flatMap((item) => (item.ok ? [] : [item.fault]));
}
