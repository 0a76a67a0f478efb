import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordToDocument, urlId } from '../../src/ingest/index.js';
import { docsOf, faultsOf, ingestAll, tempFolder } from './helpers.js';

const hashOf = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 16);
const line = (record: unknown) => JSON.stringify(record);

describe('JSONL crawl records', () => {
  it('yields the good records and one fault per bad line, in line order', async () => {
    const root = await tempFolder({
      'crawl.jsonl': [
        line({ url: 'https://a.vn/1', text: 'Cụm thi đua số 1 tổng kết.\r\nĐoạn hai.', fetched_at: '2024-01-01' }),
        '',
        line({ url: 'https://a.vn/2', html: '<html><body><h1>Tiêu đề</h1><p>Nội dung bài.</p></body></html>' }),
        '{"url": "https://a.vn/3", "text": "cut off in the mid',
        line({ text: 'no url here' }),
        line({ url: 'https://a.vn/5', title: 'no body' }),
        line({ title: 'nothing' }),
        '[1, 2, 3]',
        '{"url": "https://a.vn/9" "text": "x"}',
        line({ url: ' https://a.vn/10 ', text: 'Trimmed URL.' }),
        '   ',
      ].join('\n'),
    });
    const path = join(root, 'crawl.jsonl');
    const items = await ingestAll([root]);

    expect(docsOf(items)).toEqual([
      {
        id: hashOf('https://a.vn/1'),
        source: `${path}#1`,
        format: 'jsonl',
        url: 'https://a.vn/1',
        text: 'Cụm thi đua số 1 tổng kết.\nĐoạn hai.',
        meta: {},
      },
      {
        id: hashOf('https://a.vn/2'),
        source: `${path}#3`,
        format: 'jsonl',
        url: 'https://a.vn/2',
        text: 'Nội dung bài.',
        meta: { title: 'Tiêu đề', published: null, authors: [] },
      },
      {
        id: hashOf('https://a.vn/10'),
        source: `${path}#10`,
        format: 'jsonl',
        url: 'https://a.vn/10',
        text: 'Trimmed URL.',
        meta: {},
      },
    ]);
    expect(faultsOf(items)).toEqual([
      { source: path, record: 4, reason: 'invalid JSON (truncated record?)' },
      { source: path, record: 5, reason: 'record has no url' },
      { source: path, record: 6, reason: 'record has no html or text' },
      { source: path, record: 7, reason: 'record has no url and no html or text' },
      { source: path, record: 8, reason: 'record is not a JSON object' },
      { source: path, record: 9, reason: expect.stringMatching(/^invalid JSON \(expected ',' or '}'/) },
    ]);
  });

  it('lets the record title, date and authors win over the page, and falls back to text when the page has none', () => {
    const origin = { path: 'c.jsonl', record: 2 };
    const page = '<html><head><meta property="og:title" content="Page title"></head><body><p>Body.</p></body></html>';
    const record = { url: 'u', html: page, title: 'Crawler title', published: '2024-05-01 09:00 +07:00', author: 'Xuân Mai' };
    expect(recordToDocument(Buffer.from(line(record)), origin)).toMatchObject({
      ok: true,
      doc: { text: 'Body.', meta: { title: 'Crawler title', published: '2024-05-01T09:00:00+07:00', authors: ['Xuân Mai'] } },
    });
    const empty = { url: 'u', html: '<div><script>x()</script></div>', text: 'Crawler text.' };
    expect(recordToDocument(Buffer.from(line(empty)), origin)).toMatchObject({ ok: true, doc: { text: 'Crawler text.' } });
    expect(recordToDocument(Buffer.from(line({ url: 'u', html: '<div></div>' })), origin)).toEqual({
      ok: false,
      fault: { source: 'c.jsonl', record: 2, reason: 'no article text found in the HTML' },
    });
  });

  it('faults a line that is not UTF-8 without losing its neighbours', async () => {
    const start = '{"url": "https://a.vn/2", "text": "m';
    const root = await tempFolder({
      'mixed.jsonl': Buffer.concat([
        Buffer.from(line({ url: 'https://a.vn/1', text: 'một' }) + '\n'),
        Buffer.from(start),
        Buffer.from([0xf4, 0x74]), // "ột" in windows-1258
        Buffer.from('"}\r\n'),
        Buffer.from(line({ url: 'https://a.vn/3', text: 'ba' }) + '\r\n'),
      ]),
    });
    const path = join(root, 'mixed.jsonl');
    const items = await ingestAll([path]);
    expect(docsOf(items).map((doc) => doc.source)).toEqual([`${path}#1`, `${path}#3`]);
    expect(faultsOf(items)).toEqual([{ source: path, record: 2, reason: `not valid UTF-8 text (byte 0xf4 at offset ${start.length})` }]);
  });

  it('faults an empty or binary JSONL file once', async () => {
    const root = await tempFolder({ 'empty.jsonl': '\n\n  \n', 'binary.jsonl': Buffer.from([0, 1, 2, 10, 0, 0, 10, 255]) });
    expect(faultsOf(await ingestAll([root]))).toEqual([
      { source: join(root, 'binary.jsonl'), record: null, reason: 'binary data, not text' },
      { source: join(root, 'empty.jsonl'), record: null, reason: 'empty file' },
    ]);
  });

  it('hashes the URL for the id', () => {
    expect(urlId('https://cand.com.vn/a-b.html')).toBe(hashOf('https://cand.com.vn/a-b.html'));
    expect(urlId('x')).toMatch(/^[0-9a-f]{16}$/);
  });
});
