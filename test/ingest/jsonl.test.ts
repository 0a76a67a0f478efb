import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordToInput, toDocument, urlId, type IngestItem, type Origin } from '../../src/ingest/index.js';
import { encodeWindows1258 } from './encoders.js';
import { docsOf, faultsOf, ingestAll, tempFolder } from './helpers.js';

const hashOf = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 16);
const line = (record: unknown) => JSON.stringify(record);
const utf8 = { charset: 'utf-8', converted: null };

function recordToDocument(bytes: Uint8Array, origin: Origin): IngestItem {
  const input = recordToInput(bytes, origin);
  return 'fault' in input ? input : toDocument(input);
}

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
        decoding: utf8,
      },
      {
        id: hashOf('https://a.vn/2'),
        source: `${path}#3`,
        format: 'jsonl',
        url: 'https://a.vn/2',
        text: 'Nội dung bài.',
        meta: { title: 'Tiêu đề', published: null, authors: [] },
        decoding: utf8,
      },
      {
        id: hashOf('https://a.vn/10'),
        source: `${path}#10`,
        format: 'jsonl',
        url: 'https://a.vn/10',
        text: 'Trimmed URL.',
        meta: {},
        decoding: utf8,
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

  it('decodes a line that is not UTF-8 like a text file, and faults one no encoding reads, without losing its neighbours', async () => {
    const start = '{"url": "https://a.vn/2", "text": "';
    const root = await tempFolder({
      'mixed.jsonl': Buffer.concat([
        Buffer.from(line({ url: 'https://a.vn/1', text: 'một' }) + '\n'),
        Buffer.from(start),
        encodeWindows1258('Hội nghị thi đua'),
        Buffer.from('"}\r\n'),
        Buffer.from(start),
        Buffer.from([0xdf, 0xdf, 0x20, 0xc6, 0xc6, 0x20, 0xdf, 0xc6]), // no Vietnamese in any encoding
        Buffer.from('"}\r\n'),
        Buffer.from(line({ url: 'https://a.vn/4', text: 'bốn' }) + '\r\n'),
      ]),
    });
    const path = join(root, 'mixed.jsonl');
    const items = await ingestAll([path]);
    expect(docsOf(items).map((doc) => [doc.source, doc.text, doc.decoding])).toEqual([
      [`${path}#1`, 'một', utf8],
      [`${path}#2`, 'Hội nghị thi đua', { charset: 'windows-1258', converted: 'windows-1258' }],
      [`${path}#4`, 'bốn', utf8],
    ]);
    expect(faultsOf(items)).toEqual([
      { source: path, record: 3, reason: expect.stringMatching(/^not valid UTF-8 text \(byte 0xdf at offset 35\), nor windows-1258, TCVN3 or VNI/) },
    ]);
  });

  it('reads the page with the charset of the recorded HTTP headers when the crawler kept its bytes as Latin-1', () => {
    const page = encodeWindows1258('<html><body><p>Cụm thi đua số 5 tổng kết năm 2023.</p></body></html>').toString('latin1');
    const record = { url: 'https://a.vn/x', html: page, fetched_at: '2024-03-05T08:09:10Z', headers: { 'Content-Type': 'text/html; charset=windows-1258' } };
    const input = recordToInput(Buffer.from(line(record)), { path: 'c.jsonl', record: 1 });
    expect(input).toMatchObject({ charset: 'windows-1258', fetchedAt: '2024-03-05T08:09:10Z', content: 'html' });
    expect(toDocument(input as Exclude<typeof input, { fault: unknown }>)).toMatchObject({
      ok: true,
      doc: { text: 'Cụm thi đua số 5 tổng kết năm 2023.', decoding: { charset: 'windows-1258', converted: 'windows-1258' } },
    });
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
