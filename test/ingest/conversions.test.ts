import { describe, expect, it } from 'vitest';
import { ConversionCounts, describeDecoding } from '../../src/ingest/index.js';
import type { RawDocument } from '../../src/types.js';

const doc = (source: string, decoding: RawDocument['decoding']): RawDocument => ({ id: 'x', source, format: 'warc', url: null, text: 't', meta: {}, decoding });

describe('describeDecoding', () => {
  it('says what a document was converted from, and nothing for one that needed no conversion', () => {
    expect(describeDecoding(doc('a.txt', { charset: 'utf-8', converted: null }))).toBeNull();
    expect(describeDecoding(doc('a.txt', undefined))).toBeNull();
    expect(describeDecoding(doc('a.txt', { charset: 'tcvn3', converted: 'tcvn3' }))).toBe('converted from TCVN3 (ABC font encoding)');
    expect(describeDecoding(doc('a.txt', { charset: 'windows-1252', converted: 'vni' }))).toBe('converted from VNI (font encoding), bytes read as windows-1252');
    expect(describeDecoding(doc('a.txt', { charset: 'windows-1252', converted: 'utf-8' }))).toBe('converted from UTF-8 mojibake, bytes read as windows-1252');
  });
});

describe('ConversionCounts', () => {
  it('counts conversions per input file, records of one container together', () => {
    const counts = new ConversionCounts();
    counts.add(doc('crawl.warc.gz#2', { charset: 'windows-1252', converted: 'tcvn3' }));
    counts.add(doc('crawl.warc.gz#7', { charset: 'windows-1252', converted: 'tcvn3' }));
    counts.add(doc('crawl.warc.gz#9', { charset: 'windows-1258', converted: 'windows-1258' }));
    counts.add(doc('a.txt', { charset: 'utf-8', converted: null }));
    counts.add(doc('b.txt', { charset: 'vni', converted: 'vni' }));
    expect(counts.lines()).toEqual(['crawl.warc.gz: 2 tcvn3, 1 windows-1258', 'b.txt: 1 vni']);
  });
});
