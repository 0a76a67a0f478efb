import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkInputs, type WalkEntry } from '../../src/ingest/index.js';
import { tempFolder } from './helpers.js';

async function walked(paths: string[]): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = [];
  // Size and time are those of the files just written: checked by the pipeline's tests, left out here.
  for await (const entry of walkInputs(paths)) entries.push(entry.ok ? { ...entry, size: 0, mtimeMs: 0 } : entry);
  return entries;
}

describe('walkInputs', () => {
  it('walks folders recursively in sorted order, keeping only .txt, .html, .htm, .jsonl and .warc, gzipped or not', async () => {
    const root = await tempFolder({
      'b.txt': 'b',
      'a/z.html': '<p>z</p>',
      'a/y/x.jsonl': '{}',
      'a/page.HTM': '<p>p</p>',
      'c.pdf': '%PDF',
      'notes.md': '# notes',
      'noext': 'x',
      '.hidden.txt': 'hidden',
      '.git/HEAD.txt': 'hidden',
      'A.txt': 'upper case sorts first',
      'crawl.warc': 'WARC/1.1',
      'crawl.warc.gz': '',
      'd.html.gz': '',
      'e.jsonl.GZ': '',
      'f.pdf.gz': '',
      'g.gz': '',
    });
    const entries = await walked([root]);
    expect(entries).toEqual([
      { ok: true, path: join(root, 'A.txt'), format: 'txt', gzip: false, size: 0, mtimeMs: 0 },
      { ok: true, path: join(root, 'a/page.HTM'), format: 'html', gzip: false, size: 0, mtimeMs: 0 },
      { ok: true, path: join(root, 'a/y/x.jsonl'), format: 'jsonl', gzip: false, size: 0, mtimeMs: 0 },
      { ok: true, path: join(root, 'a/z.html'), format: 'html', gzip: false, size: 0, mtimeMs: 0 },
      { ok: true, path: join(root, 'b.txt'), format: 'txt', gzip: false, size: 0, mtimeMs: 0 },
      { ok: true, path: join(root, 'crawl.warc'), format: 'warc', gzip: false, size: 0, mtimeMs: 0 },
      { ok: true, path: join(root, 'crawl.warc.gz'), format: 'warc', gzip: true, size: 0, mtimeMs: 0 },
      { ok: true, path: join(root, 'd.html.gz'), format: 'html', gzip: true, size: 0, mtimeMs: 0 },
      { ok: true, path: join(root, 'e.jsonl.GZ'), format: 'jsonl', gzip: true, size: 0, mtimeMs: 0 },
    ]);
  });

  it('keeps the order of the paths given and faults an explicit unsupported or missing path', async () => {
    const root = await tempFolder({ 'report.pdf': '%PDF', 'README': 'x', 'one.txt': '1', 'two.pdf.gz': '' });
    const missing = join(root, 'nope.txt');
    const entries = await walked([join(root, 'report.pdf'), missing, join(root, 'one.txt'), join(root, 'README'), join(root, 'two.pdf.gz')]);
    expect(entries).toEqual([
      { ok: false, fault: { source: join(root, 'report.pdf'), record: null, reason: 'unsupported file type (.pdf)' } },
      { ok: false, fault: { source: missing, record: null, reason: 'no such file or directory' } },
      { ok: true, path: join(root, 'one.txt'), format: 'txt', gzip: false, size: 0, mtimeMs: 0 },
      { ok: false, fault: { source: join(root, 'README'), record: null, reason: 'unsupported file type (no extension)' } },
      { ok: false, fault: { source: join(root, 'two.pdf.gz'), record: null, reason: 'unsupported file type (.gz)' } },
    ]);
  });

  it('faults a dangling link that would have been read, and survives a link back up the tree', async () => {
    const root = await tempFolder({ 'sub/a.txt': 'a' });
    await symlink(join(root, 'gone.txt'), join(root, 'sub/broken.txt'));
    await symlink(join(root, 'gone.pdf'), join(root, 'sub/broken.pdf'));
    await symlink(root, join(root, 'sub/loop'));
    const entries = await walked([root]);
    expect(entries).toEqual([
      { ok: true, path: join(root, 'sub/a.txt'), format: 'txt', gzip: false, size: 0, mtimeMs: 0 },
      { ok: false, fault: { source: join(root, 'sub/broken.txt'), record: null, reason: 'no such file or directory' } },
    ]);
  });
});
