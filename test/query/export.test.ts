import { PassThrough } from 'node:stream';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, exportArticles, writeCsv, writeJsonl, type ExportedArticle } from '../../src/query/export.js';
import { openDatabase } from '../../src/store/database.js';
import { SAMPLE_FACTS, SAMPLE_TEXT, bareArticle, sampleArticle, storeDataset } from '../store/sample.js';

let db: Database.Database;

beforeEach(() => {
  db = openDatabase(':memory:');
  storeDataset(db, [bareArticle('zz-last', 'Một bài khác.'), sampleArticle()]);
});

afterEach(() => db.close());

function written(write: (out: NodeJS.WritableStream) => void): string {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  write(out);
  return Buffer.concat(chunks).toString('utf8');
}

describe('exportArticles', () => {
  it('gives back exactly the facts stored, in the contract shape, articles in id order', () => {
    const [first, second] = [...exportArticles(db, { withText: false })];
    expect(first).toStrictEqual({
      article: 'sample-001',
      story: 'sample-001',
      source: 'corpus/sample-001.txt',
      title: 'Cụm thi đua số 2 tổng kết năm 2021',
      published: '2021-11-19',
      authors: ['Xuân Mai'],
      ...SAMPLE_FACTS,
    });
    expect(second).toMatchObject({ article: 'zz-last', title: null, published: null, authors: [], events: [], awards: [] });
  });

  it('orders keys as CONTRACT.md does and adds the text on request', () => {
    const [first] = [...exportArticles(db, { withText: true })];
    expect(Object.keys(first!)).toEqual([
      'article', 'story', 'source', 'title', 'published', 'authors',
      'events', 'clusters', 'members', 'chairs', 'handovers', 'officials', 'awards', 'text',
    ]);
    expect(Object.keys(first!.awards[0]!)).toEqual(['cluster', 'year', 'award', 'recipient', 'count', 'units', 'status', 'evidence']);
    expect(Object.keys(first!.handovers[0]!)).toEqual(['cluster', 'year', 'from', 'to', 'evidence']);
    expect(first!.text).toBe(SAMPLE_TEXT);
    const { start, end } = first!.officials[0]!.evidence;
    expect(first!.text!.slice(start, end)).toBe('Trung tướng Nguyễn Minh Chính');
  });
});

describe('writeJsonl', () => {
  it('writes one JSON object per line', () => {
    const lines = written((out) => writeJsonl(exportArticles(db, { withText: false }), out)).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!).members[0]).toEqual({
      cluster: 2,
      year: 2021,
      unit: 'Cục Kỹ thuật nghiệp vụ',
      evidence: SAMPLE_FACTS.members[0]!.evidence,
    });
    expect(JSON.parse(lines[1]!).article).toBe('zz-last');
  });
});

describe('writeCsv', () => {
  it('writes the header and one row per fact, lists joined and quoted where needed', () => {
    const lines = written((out) => writeCsv(exportArticles(db, { withText: false }), out)).trimEnd().split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[0]).toBe(
      'article,fact,cluster,year,kind,date,place,label,scope,block,unit,from,to,name,rank,titles,award,recipient,count,units,status,ev_start,ev_end,rule',
    );
    const total = Object.values(SAMPLE_FACTS).reduce((n, facts) => n + facts.length, 0);
    expect(lines).toHaveLength(1 + total);
    const { start, end } = SAMPLE_FACTS.officials[0]!.evidence;
    expect(lines).toContain(
      `sample-001,officials,,,,,,,,,,,,Nguyễn Minh Chính,Trung tướng,Cục trưởng Cục An ninh mạng | Cụm trưởng Cụm thi đua số 2,,,,,,${start},${end},official.rank_name`,
    );
    const award = SAMPLE_FACTS.awards[1]!.evidence;
    expect(lines).toContain(
      `sample-001,awards,,,,,,,,,,,,,,,Bằng khen,collective,3,,proposed,${award.start},${award.end},award.proposed`,
    );
  });

  it('quotes cells holding commas, quotes or line breaks', () => {
    const odd: ExportedArticle = {
      article: 'a1', story: 'a1', source: 's', title: null, published: null, authors: [],
      events: [], clusters: [], chairs: [], handovers: [], officials: [], awards: [],
      members: [{ cluster: 'Khối "A", B', year: null, unit: 'X\nY', evidence: { start: 0, end: 1, rule: 'r' } }],
    };
    expect(written((out) => writeCsv([odd], out))).toBe(
      `${CSV_COLUMNS.join(',')}\na1,members,"Khối ""A"", B",,,,,,,,"X\nY",,,,,,,,,,,0,1,r\n`,
    );
  });
});
