import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainArticle, markedSentence } from '../../src/query/explain.js';
import { openDatabase } from '../../src/store/database.js';
import { SAMPLE_TEXT, at, sampleArticle, storeDataset } from '../store/sample.js';

let db: Database.Database;

beforeEach(() => {
  db = openDatabase(':memory:');
  storeDataset(db, [sampleArticle()]);
});

afterEach(() => db.close());

describe('explainArticle', () => {
  it('shows each fact with its fields, rule and marked sentence, grouped by type', () => {
    const text = explainArticle(db, 'sample-001');
    expect(text).toContain('facts: 2 events, 2 clusters, 3 members, 2 chairs, 2 handovers, 2 officials, 2 awards');
    expect(text).toContain(
      [
        'members (3)',
        '  1. cluster: 2, year: 2021, unit: "Cục Kỹ thuật nghiệp vụ"',
        `     rule member.list, span ${at('Cục Kỹ thuật nghiệp vụ', '').start}-${at('Cục Kỹ thuật nghiệp vụ', '').end}`,
        '     Cụm gồm «Cục Kỹ thuật nghiệp vụ», Cục Ngoại tuyến.',
      ].join('\n'),
    );
    expect(text).toContain('  2. name: "Lê Văn Bình", rank: null, titles: []');
    expect(text).toContain('rule award.proposed');
    expect(text).toContain('Cục Ngoại tuyến được tặng Cờ thi đua của Chính phủ; «3 tập thể được đề nghị tặng Bằng khen».');
  });

  it('fails for an article not stored', () => {
    expect(() => explainArticle(db, 'nope')).toThrow(/no article nope/);
  });
});

describe('markedSentence', () => {
  it('shows every sentence that a span runs over, on one line', () => {
    const evidence = at('Hội nghị tổng kết công tác thi đua năm 2021. Trung tướng', 'r');
    expect(markedSentence(SAMPLE_TEXT, evidence)).toBe(
      'Sáng 19/11, tại Hà Nội, Cụm thi đua số 2 tổ chức «Hội nghị tổng kết công tác thi đua năm 2021. Trung tướng» Nguyễn Minh Chính, Cục trưởng Cục An ninh mạng, Cụm trưởng Cụm thi đua số 2 chủ trì.',
    );
    expect(markedSentence(SAMPLE_TEXT, at('chủ trì.\n\nCụm gồm', 'r'))).toMatch(/ «chủ trì\. Cụm gồm» Cục Kỹ thuật nghiệp vụ, Cục Ngoại tuyến\.$/);
  });
});
