import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { listArticleIds, loadArticle } from '../../src/store/read.js';
import { beginRun, finishRun, recordFault } from '../../src/store/runs.js';
import { saveArticle } from '../../src/store/write.js';
import { FACT_TYPES } from '../../src/types.js';
import { SAMPLE_FACTS, SAMPLE_TEXT, at, bareArticle, sampleArticle } from './sample.js';

const RUN = { rulesHash: 'r1', codeVersion: '0.1.0', inputs: ['corpus/'] };

let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-store-'));
  db = openDatabase(join(dir, 'nested', 'out', 'thidua.db'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('openDatabase', () => {
  it('creates the parent folders, uses WAL and enforces foreign keys', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual([
      { version: 1, name: 'initial schema' },
    ]);
  });

  it('re-opens an existing file without re-applying migrations or losing data', () => {
    const path = join(dir, 'nested', 'out', 'thidua.db');
    saveArticle(db, sampleArticle(), beginRun(db, RUN));
    db.close();
    db = openDatabase(path);
    db.close();
    db = openDatabase(path);
    expect(count('schema_migrations')).toBe(1);
    expect(listArticleIds(db)).toEqual(['sample-001']);
  });

  it('refuses a file whose schema is newer than the code', () => {
    const path = join(dir, 'nested', 'out', 'thidua.db');
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')").run();
    db.close();
    expect(() => (db = openDatabase(path))).toThrow(/cannot prepare database/);
    db = openDatabase(join(dir, 'other.db'));
  });
});

describe('saveArticle and loadArticle', () => {
  it('gives back exactly the article and facts stored', () => {
    const runId = beginRun(db, RUN);
    expect(saveArticle(db, sampleArticle(), runId)).toEqual({ status: 'stored', id: 'sample-001' });
    const loaded = loadArticle(db, 'sample-001');
    expect(loaded?.facts).toEqual(SAMPLE_FACTS);
    const { facts: _, ...article } = sampleArticle();
    expect(loaded?.article).toMatchObject({ ...article, story: 'sample-001', runId });
    expect(loaded?.article.storedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('keeps a numbered cluster as a number and a bloc label as a string', () => {
    saveArticle(db, sampleArticle(), beginRun(db, RUN));
    const clusters = loadArticle(db, 'sample-001')?.facts.clusters.map((c) => c.cluster);
    expect(clusters).toEqual([2, 'Khối thi đua các cơ quan Đảng']);
    expect(db.prepare('SELECT cluster_no, cluster_label FROM clusters ORDER BY seq').raw().all()).toEqual([
      [2, null],
      [null, 'Khối thi đua các cơ quan Đảng'],
    ]);
  });

  it('returns null for an unknown id', () => {
    expect(loadArticle(db, 'nope')).toBeNull();
  });

  it('stores a copy with the same content once and writes nothing for it', () => {
    const runId = beginRun(db, RUN);
    saveArticle(db, sampleArticle(), runId);
    const before = FACT_TYPES.map(count);
    const copy = sampleArticle({ id: 'sample-002', source: 'corpus/sample-002.txt' });
    expect(saveArticle(db, copy, runId)).toEqual({ status: 'duplicate', id: 'sample-001' });
    expect(listArticleIds(db)).toEqual(['sample-001']);
    expect(FACT_TYPES.map(count)).toEqual(before);
  });

  it('replaces an article whose content changed, and its old facts', () => {
    const runId = beginRun(db, RUN);
    saveArticle(db, sampleArticle(), runId);
    const text = `${SAMPLE_TEXT}\n\nCục Ngoại tuyến là thành viên.`;
    const facts = {
      ...SAMPLE_FACTS,
      members: [{ cluster: 2, year: 2021, unit: 'Cục Ngoại tuyến', evidence: at('Cục Ngoại tuyến là', 'member.is', text) }],
      officials: [],
      awards: [],
    };
    expect(saveArticle(db, sampleArticle({ text, facts }), runId)).toEqual({ status: 'updated', id: 'sample-001' });
    expect(loadArticle(db, 'sample-001')?.facts).toEqual(facts);
    expect(loadArticle(db, 'sample-001')?.article.text).toBe(text);
    expect([count('articles'), count('members'), count('officials')]).toEqual([1, 1, 0]);
    expect([count('official_titles'), count('award_units')]).toEqual([0, 0]);
  });

  it('lists article ids in id order', () => {
    const runId = beginRun(db, RUN);
    for (const id of ['b', 'c', 'a']) saveArticle(db, bareArticle(id, `text of ${id}`), runId);
    expect(listArticleIds(db)).toEqual(['a', 'b', 'c']);
  });

  it('writes nothing when a fact cannot be stored, and says which article failed', () => {
    const runId = beginRun(db, RUN);
    const bad = sampleArticle({
      facts: { ...SAMPLE_FACTS, awards: [{ ...SAMPLE_FACTS.awards[0]!, status: 'rumoured' as never }] },
    });
    expect(() => saveArticle(db, bad, runId)).toThrow(/cannot store article sample-001/);
    expect([count('articles'), count('events'), count('awards')]).toEqual([0, 0, 0]);
  });

  it('refuses an unknown run', () => {
    expect(() => saveArticle(db, sampleArticle(), 42)).toThrow(expect.objectContaining({ cause: expect.any(Error) }));
  });
});

describe('runs and faults', () => {
  it('records a run from start to finish with its inputs and counts', () => {
    const runId = beginRun(db, RUN);
    finishRun(db, runId, { stored: 3, duplicate: 1 });
    const run = db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as Record<string, unknown>;
    expect(run).toMatchObject({ rules_hash: 'r1', code_version: '0.1.0' });
    expect(JSON.parse(run.inputs as string)).toEqual(['corpus/']);
    expect(JSON.parse(run.counts as string)).toEqual({ stored: 3, duplicate: 1 });
    expect(run.finished_at).toMatch(/^\d{4}-/);
    expect(() => finishRun(db, runId + 1, {})).toThrow(/no run/);
  });

  it('records faults against their run', () => {
    const runId = beginRun(db, RUN);
    recordFault(db, runId, { source: 'crawl.jsonl', record: 7, reason: 'invalid JSON' });
    recordFault(db, runId, { source: 'broken.html', record: null, reason: 'not UTF-8' });
    expect(db.prepare('SELECT run_id, source, record, reason FROM faults ORDER BY id').all()).toEqual([
      { run_id: runId, source: 'crawl.jsonl', record: 7, reason: 'invalid JSON' },
      { run_id: runId, source: 'broken.html', record: null, reason: 'not UTF-8' },
    ]);
  });
});

describe('views', () => {
  beforeEach(() => {
    saveArticle(db, sampleArticle(), beginRun(db, RUN));
  });

  it('v_members gives cluster, year, unit, the article and the evidence words', () => {
    expect(db.prepare('SELECT * FROM v_members ORDER BY seq').all()[0]).toEqual({
      article_id: 'sample-001',
      story: 'sample-001',
      source: 'corpus/sample-001.txt',
      article_title: 'Cụm thi đua số 2 tổng kết năm 2021',
      published: '2021-11-19',
      seq: 0,
      cluster: 2,
      year: 2021,
      unit: 'Cục Kỹ thuật nghiệp vụ',
      ev_start: SAMPLE_FACTS.members[0]!.evidence.start,
      ev_end: SAMPLE_FACTS.members[0]!.evidence.end,
      rule_id: 'member.list',
      evidence_text: 'Cục Kỹ thuật nghiệp vụ',
    });
    expect(db.prepare("SELECT unit FROM v_members WHERE cluster = 'Khối thi đua các cơ quan Đảng'").pluck().all()).toEqual([
      'Ban Tuyên giáo',
    ]);
  });

  it('v_officials and v_awards join titles and units in order', () => {
    expect(db.prepare('SELECT name, rank, title_count, titles FROM v_officials ORDER BY seq').all()).toEqual([
      { name: 'Nguyễn Minh Chính', rank: 'Trung tướng', title_count: 2, titles: 'Cục trưởng Cục An ninh mạng | Cụm trưởng Cụm thi đua số 2' },
      { name: 'Lê Văn Bình', rank: null, title_count: 0, titles: null },
    ]);
    expect(db.prepare('SELECT award, count, unit_count, units, status, evidence_text FROM v_awards ORDER BY seq').all()).toEqual([
      { award: 'Cờ thi đua của Chính phủ', count: null, unit_count: 1, units: 'Cục Ngoại tuyến', status: 'granted', evidence_text: 'được tặng Cờ thi đua của Chính phủ' },
      { award: 'Bằng khen', count: 3, unit_count: 0, units: null, status: 'proposed', evidence_text: '3 tập thể được đề nghị tặng Bằng khen' },
    ]);
  });

  it('every view has a row per fact', () => {
    const views = { v_events: 'events', v_clusters: 'clusters', v_members: 'members', v_chairs: 'chairs', v_handovers: 'handovers', v_officials: 'officials', v_awards: 'awards' } as const;
    for (const [view, type] of Object.entries(views)) expect(count(view)).toBe(SAMPLE_FACTS[type].length);
  });
});
