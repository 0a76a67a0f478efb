import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConversionCounts, type SkippedRecord } from '../../src/ingest/index.js';
import { docsOf, faultsOf, ingestAll } from './helpers.js';

// The fixtures of test/fixtures/inputs (see generate.ts there): one article in every container and encoding.
const DIR = 'test/fixtures/inputs';
const TITLE = 'Cụm thi đua số 5 tổng kết công tác thi đua, khen thưởng năm 2023';
const FIRST_PARAGRAPH = 'Chiều 12/12, tại Hà Nội, Cụm thi đua số 5 tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023.';

describe('crawl-input fixtures', () => {
  it('every container and encoding gives the same article, conversions counted per file', async () => {
    const skipped: SkippedRecord[] = [];
    const items = await ingestAll([DIR], { onSkip: (skip) => skipped.push(skip) });
    const docs = docsOf(items);
    expect(docs.map((doc) => [doc.source.slice(DIR.length + 1), doc.text.includes(FIRST_PARAGRAPH), doc.meta.title ?? doc.text.split('\n')[0]])).toEqual([
      ['crawl.jsonl#1', true, TITLE],
      ['crawl.jsonl#2', true, TITLE],
      ['crawl.jsonl#3', true, TITLE],
      ['crawl.warc.gz#3', true, TITLE],
      ['crawl.warc.gz#4', true, TITLE],
      ['meta-charset.html', true, TITLE],
      ['mojibake.txt', true, TITLE],
      ['page.html.gz', true, TITLE],
      ['tcvn3.html', true, TITLE],
      ['utf-8.txt', true, TITLE],
      ['vni.txt', true, TITLE],
      ['windows-1258.txt', true, TITLE],
    ]);
    const counts = new ConversionCounts();
    for (const doc of docs) counts.add(doc);
    expect(counts.lines()).toEqual([
      `${join(DIR, 'crawl.jsonl')}: 1 windows-1258`,
      `${join(DIR, 'crawl.warc.gz')}: 1 vni`,
      `${join(DIR, 'meta-charset.html')}: 1 windows-1258`,
      `${join(DIR, 'mojibake.txt')}: 1 utf-8`,
      `${join(DIR, 'tcvn3.html')}: 1 tcvn3`,
      `${join(DIR, 'vni.txt')}: 1 vni`,
      `${join(DIR, 'windows-1258.txt')}: 1 windows-1258`,
    ]);
    expect(skipped).toEqual([{ source: join(DIR, 'crawl.warc.gz'), record: 5, reason: 'HTTP status 404' }]);
    expect(faultsOf(items)).toEqual([{ source: join(DIR, 'truncated.txt.gz'), record: null, reason: 'truncated gzip file (unexpected end of file)' }]);
  });
});
