import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readInputs, urlId, type SkippedRecord } from '../../src/ingest/index.js';
import { encodeTcvn3, gzipRecords, httpResponse, warcRecord } from './encoders.js';
import { docsOf, faultsOf, ingestAll, tempFolder } from './helpers.js';

const page = (text: string) => `<html><head><title>${text}</title></head><body><article><p>${text}</p></article></body></html>`;

/** warcinfo, a 200 page, its request, a 404, a 200 TCVN3 page declared windows-1252, an image. */
function crawlRecords(): Buffer[] {
  return [
    warcRecord({ type: 'warcinfo', block: 'software: test\r\n' }),
    warcRecord({ type: 'response', uri: 'https://a.vn/1', block: httpResponse('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, page('Cụm thi đua số 1')) }),
    warcRecord({ type: 'request', uri: 'https://a.vn/1', block: 'GET /1 HTTP/1.1\r\nHost: a.vn\r\n\r\n' }),
    warcRecord({ type: 'response', uri: 'https://a.vn/missing', block: httpResponse('404 Not Found', { 'Content-Type': 'text/html' }, page('Không tìm thấy')) }),
    warcRecord({
      type: 'response',
      uri: 'https://a.vn/2',
      date: '2024-03-06T01:02:03Z',
      block: httpResponse('200 OK', { 'Content-Type': 'text/html; charset=windows-1252' }, Buffer.concat([Buffer.from('<html><body><p>'), encodeTcvn3('Hội nghị tổng kết công tác thi đua của Cụm thi đua số 2'), Buffer.from('</p></body></html>')])),
    }),
    warcRecord({ type: 'response', uri: 'https://a.vn/logo.png', block: httpResponse('200 OK', { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47])) }),
  ];
}

async function readAll(paths: string[]) {
  const skipped: SkippedRecord[] = [];
  const items = await ingestAll(paths, { onSkip: (skip) => skipped.push(skip) });
  return { items, skipped };
}

describe('WARC', () => {
  it.each([
    ['crawl.warc', (records: Buffer[]) => Buffer.concat(records)],
    ['crawl.warc.gz', gzipRecords],
    ['whole.warc.gz', (records: Buffer[]) => gzipSync(Buffer.concat(records))],
  ])('%s: the 200 pages become documents; requests and warcinfo pass silently, other responses are counted', async (name, write) => {
    const root = await tempFolder({ [name]: write(crawlRecords()) });
    const path = join(root, name);
    const { items, skipped } = await readAll([root]);
    expect(faultsOf(items)).toEqual([]);
    expect(docsOf(items)).toEqual([
      {
        id: urlId('https://a.vn/1'),
        source: `${path}#2`,
        format: 'warc',
        url: 'https://a.vn/1',
        text: 'Cụm thi đua số 1',
        meta: { title: 'Cụm thi đua số 1', published: null, authors: [] },
        decoding: { charset: 'utf-8', converted: null },
      },
      {
        id: urlId('https://a.vn/2'),
        source: `${path}#5`,
        format: 'warc',
        url: 'https://a.vn/2',
        text: 'Hội nghị tổng kết công tác thi đua của Cụm thi đua số 2',
        meta: { title: null, published: null, authors: [] },
        decoding: { charset: 'windows-1252', converted: 'tcvn3' },
      },
    ]);
    expect(skipped).toEqual([
      { source: path, record: 4, reason: 'HTTP status 404' },
      { source: path, record: 6, reason: 'content type image/png' },
    ]);
  });

  it('reads a resource record that holds a page, with its charset from the record Content-Type', async () => {
    const resource = warcRecord({ type: 'resource', uri: 'file:///trang.html', block: page('Tài nguyên lưu trữ') });
    const root = await tempFolder({ 'r.warc': resource });
    const { items } = await readAll([root]);
    expect(docsOf(items)).toMatchObject([{ id: urlId('file:///trang.html'), text: 'Tài nguyên lưu trữ', decoding: { charset: 'utf-8', converted: null } }]);
  });

  it('hands the worker plain, clonable inputs with the fetch date and the declared charset', async () => {
    const root = await tempFolder({ 'crawl.warc': Buffer.concat(crawlRecords()) });
    const inputs = [];
    for await (const input of readInputs([root])) inputs.push(input);
    expect(inputs.map((input) => ('fault' in input ? input : [input.source.split('#')[1], input.fetchedAt, input.charset]))).toEqual([
      ['2', '2024-03-05T08:09:10Z', 'utf-8'],
      ['5', '2024-03-06T01:02:03Z', 'windows-1252'],
    ]);
    expect(structuredClone(inputs[0])).toEqual(inputs[0]);
    expect(Object.getPrototypeOf((inputs[0] as { payload: Uint8Array }).payload)).toBe(Uint8Array.prototype);
  });

  it('faults a truncated record, a corrupt one, a truncated .warc.gz and a file that is no WARC, each once', async () => {
    const records = crawlRecords();
    const whole = Buffer.concat(records.slice(0, 2));
    const gz = gzipRecords(records);
    const root = await tempFolder({
      'a-truncated.warc': whole.subarray(0, whole.length - 20),
      'b-corrupt.warc': Buffer.concat([records[1]!, Buffer.from('WARC/1.1\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nxx\r\n\r\n'), records[1]!]),
      'c-truncated.warc.gz': gz.subarray(0, gz.length - 40),
      'd-page.warc': page('Không phải WARC'),
      'e-empty.warc': '',
    });
    const { items } = await readAll([root]);
    expect(faultsOf(items)).toEqual([
      { source: join(root, 'a-truncated.warc'), record: 2, reason: 'truncated WARC record (the file ends inside it)' },
      { source: join(root, 'b-corrupt.warc'), record: 2, reason: 'corrupt WARC record (Content-Length "many"); rest of the file not read' },
      { source: join(root, 'c-truncated.warc.gz'), record: 6, reason: 'unreadable WARC record: truncated gzip file (unexpected end of file)' },
      { source: join(root, 'd-page.warc'), record: null, reason: 'not a WARC file' },
      { source: join(root, 'e-empty.warc'), record: null, reason: 'empty file' },
    ]);
    // The records before the damage are still read.
    expect(docsOf(items).map((doc) => doc.source)).toEqual([
      `${join(root, 'b-corrupt.warc')}#1`,
      `${join(root, 'c-truncated.warc.gz')}#2`,
      `${join(root, 'c-truncated.warc.gz')}#5`,
    ]);
  });
});

describe('gzip', () => {
  it('reads .html.gz, .txt.gz and .jsonl.gz like their plain files', async () => {
    const root = await tempFolder({
      'a.html.gz': gzipSync(page('Trang nén')),
      'b.txt.gz': gzipSync('Văn bản nén.'),
      'c.jsonl.gz': gzipSync(JSON.stringify({ url: 'https://a.vn/c', text: 'Bản ghi nén.' }) + '\n'),
    });
    const { items } = await readAll([root]);
    expect(faultsOf(items)).toEqual([]);
    expect(docsOf(items).map((doc) => [doc.id, doc.format, doc.text])).toEqual([
      ['a', 'html', 'Trang nén'],
      ['b', 'txt', 'Văn bản nén.'],
      [urlId('https://a.vn/c'), 'jsonl', 'Bản ghi nén.'],
    ]);
  });

  it('faults a truncated or corrupt gzip, naming the record a JSONL stream had reached', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ url: `https://a.vn/${i}`, text: `Bài số ${i} về thi đua khen thưởng, ${'x'.repeat(i)}.` })).join('\n');
    const jsonl = gzipSync(lines);
    const root = await tempFolder({
      'a.txt.gz': gzipSync('Văn bản nén.').subarray(0, 15),
      'b.html.gz': Buffer.from('not gzip at all'),
      'c.jsonl.gz': jsonl.subarray(0, jsonl.length / 2),
    });
    const { items } = await readAll([root]);
    const faults = faultsOf(items);
    expect(faults.slice(0, 2)).toEqual([
      { source: join(root, 'a.txt.gz'), record: null, reason: 'truncated gzip file (unexpected end of file)' },
      { source: join(root, 'b.html.gz'), record: null, reason: 'corrupt gzip data (incorrect header check)' },
    ]);
    const read = docsOf(items).length;
    expect(read).toBeGreaterThan(10);
    expect(faults.slice(2)).toEqual([{ source: join(root, 'c.jsonl.gz'), record: read + 1, reason: 'truncated gzip file (unexpected end of file)' }]);
  });
});
