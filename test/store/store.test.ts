import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minhash } from '../../src/normalize/minhash.js';
import { normalizeText } from '../../src/normalize/text.js';
import { openDatabase } from '../../src/store/database.js';
import { datasetOf, datasetRun, matchedRulesOf, publishDataset, publishedRun } from '../../src/store/datasets.js';
import { listArticleIds, loadArticle } from '../../src/store/read.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from '../../src/store/schema.js';
import { beginRun, finishRun, recordFault } from '../../src/store/runs.js';
import { saveArticle } from '../../src/store/write.js';
import { RUN, SAMPLE_FACTS, SAMPLE_TEXT, at, bareArticle, sampleArticle, storeDataset } from './sample.js';

const bare = () => bareArticle('other', 'Một bài khác.');


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
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('re-opens an existing file without re-applying migrations or losing data', () => {
    const path = join(dir, 'nested', 'out', 'thidua.db');
    const runId = storeDataset(db, [sampleArticle()]);
    db.close();
    const told: number[] = [];
    db = openDatabase(path, { onUpgrade: (step) => told.push(step.version) });
    expect(told).toEqual([]);
    db.close();
    db = openDatabase(path);
    expect(count('schema_migrations')).toBe(MIGRATIONS.length);
    expect(listArticleIds(db, runId)).toEqual(['sample-001']);
  });

  it('tells of the steps it applies to a file with a schema, not of those that make a new file', () => {
    const told: number[] = [];
    openDatabase(join(dir, 'new.db'), { onUpgrade: (step) => told.push(step.version) }).close();
    expect(told).toEqual([]);
  });

  it('refuses a file whose schema is newer than the code', () => {
    const path = join(dir, 'nested', 'out', 'thidua.db');
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')").run();
    db.close();
    expect(() => (db = openDatabase(path))).toThrow(/cannot prepare database/);
    db = openDatabase(join(dir, 'other.db'));
  });

  it('brings a schema-1 file up to date keeping its articles; their facts come back with the next run', () => {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    old.exec(MIGRATIONS_TABLE);
    old.exec(MIGRATIONS[0]!.sql);
    old.prepare("INSERT INTO schema_migrations VALUES (1, 'initial schema', '2026-01-01')").run();
    old.prepare("INSERT INTO runs (started_at, rules_hash, code_version, inputs) VALUES ('2026-01-01', 'r', 'v', '[]')").run();
    old.prepare("INSERT INTO articles (id, story, source, authors, text, content_hash, run_id, stored_at) VALUES ('a1', 'a1', 'a1.txt', '[]', 'Văn bản.', 'h', 1, '2026-01-01')").run();
    old.close();
    const upgraded = openDatabase(path);
    expect(upgraded.prepare('SELECT id, text FROM articles').all()).toEqual([{ id: 'a1', text: 'Văn bản.' }]);
    expect(upgraded.prepare('SELECT count(*) FROM signatures').pluck().get()).toBe(0);
    expect(upgraded.prepare('SELECT count(*) FROM extractions').pluck().get()).toBe(0);
    upgraded.close();
  });

  it('brings a schema-3 file with a dataset up to date keeping its facts and views, its signatures made again', () => {
    const path = join(dir, 'v3.db');
    const old = new Database(path);
    old.pragma('foreign_keys = ON');
    old.exec(MIGRATIONS_TABLE);
    for (const step of MIGRATIONS.filter((m) => m.version <= 3)) {
      old.exec(step.sql);
      old.prepare("INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01')").run(step.version, step.name);
    }
    const runId = storeDataset(old, [sampleArticle()]);
    // A signature of the old kind (a hundred hash functions), which cannot be compared with the new ones.
    old.prepare('UPDATE articles SET minhash = ?').run(Buffer.alloc(400, 7));
    const views = ['v_officials', 'v_awards', 'h_members'].map((v) => old.prepare(`SELECT * FROM ${v} ORDER BY seq`).all());
    old.close();
    const told: number[] = [];
    const upgraded = openDatabase(path, { onUpgrade: (step) => told.push(step.version) });
    expect(told).toEqual([4]);
    expect(loadArticle(upgraded, 'sample-001', runId)?.facts).toEqual(SAMPLE_FACTS);
    expect(loadArticle(upgraded, 'sample-001', runId)?.article.fingerprint).toEqual(minhash(SAMPLE_TEXT));
    expect(upgraded.prepare('SELECT count(*) FROM minhash_bands').pluck().get()).toBe(14);
    expect(['v_officials', 'v_awards', 'h_members'].map((v) => upgraded.prepare(`SELECT * FROM ${v} ORDER BY seq`).all())).toEqual(views);
    expect(upgraded.pragma('foreign_key_check')).toEqual([]);
    expect(upgraded.prepare("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%\\_v3' ESCAPE '\\'").pluck().get()).toBe(0);
    upgraded.close();
  });
});

describe('saveArticle, saveExtraction and loadArticle', () => {
  it('gives back exactly the article and facts stored', () => {
    const runId = beginRun(db, RUN);
    storeDataset(db, [sampleArticle()], runId);
    const loaded = loadArticle(db, 'sample-001', runId);
    expect(loaded?.facts).toEqual(SAMPLE_FACTS);
    const { facts: _, matchedRules: __, matches: ___, sentences: ____, ...article } = sampleArticle();
    expect(loaded?.article).toMatchObject({ ...article, story: 'sample-001', runId });
    expect(loaded?.article.storedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('keeps a numbered cluster as a number and a bloc label as a string', () => {
    const runId = storeDataset(db, [sampleArticle()]);
    const clusters = loadArticle(db, 'sample-001', runId)?.facts.clusters.map((c) => c.cluster);
    expect(clusters).toEqual([2, 'Khối thi đua các cơ quan Đảng']);
    expect(db.prepare('SELECT cluster_no, cluster_label FROM clusters ORDER BY seq').raw().all()).toEqual([
      [2, null],
      [null, 'Khối thi đua các cơ quan Đảng'],
    ]);
  });

  it('returns null for an article not in the dataset', () => {
    expect(loadArticle(db, 'nope', storeDataset(db, [sampleArticle()]))).toBeNull();
  });

  it('leaves an article stored with the same text alone', () => {
    const runId = beginRun(db, RUN);
    storeDataset(db, [sampleArticle()], runId);
    expect(db.transaction(() => saveArticle(db, sampleArticle(), runId))()).toEqual({ status: 'unchanged', key: 1, story: 'sample-001' });
    expect(count('articles')).toBe(1);
  });

  it('stores a copy under another id as an article of the first copy\'s story', () => {
    const runId = storeDataset(db, [sampleArticle(), sampleArticle({ id: 'sample-002', source: 'corpus/sample-002.txt' })]);
    expect(listArticleIds(db, runId)).toEqual(['sample-001', 'sample-002']);
    expect(loadArticle(db, 'sample-002', runId)?.article.story).toBe('sample-001');
    // The views count a story once; v_story_copies lists every copy.
    expect(count('v_members')).toBe(SAMPLE_FACTS.members.length);
    expect(db.prepare('SELECT article_id FROM v_story_copies WHERE story = ? ORDER BY article_id').pluck().all('sample-001')).toEqual(['sample-001', 'sample-002']);
  });

  it('puts a near copy (another site\'s edited reprint) in the first copy\'s story, and an unrelated article in its own', () => {
    const long = (id: string, text: string) => bareArticle(id, text);
    const text = normalizeText(readFileSync('test/fixtures/dev/texts/dev-inv-04.txt', 'utf8'));
    const other = normalizeText(readFileSync('test/fixtures/dev/texts/dev-inv-05.txt', 'utf8'));
    const articles = [long('first', text), long('reprint', `(Theo Báo Cần Thơ) ${text.replace('hội nghị', 'Hội nghị')}`), long('other', other)].map((a) => ({ ...a, fingerprint: minhash(a.text) }));
    const runId = storeDataset(db, articles);
    expect(listArticleIds(db, runId).map((id) => [id, loadArticle(db, id, runId)?.article.story])).toEqual([
      ['first', 'first'],
      ['other', 'other'],
      ['reprint', 'first'],
    ]);
  });

  it('stores a changed text as a new version; the old one goes once no kept dataset uses it', () => {
    const first = storeDataset(db, [sampleArticle()]);
    const text = `${SAMPLE_TEXT}\n\nCục Ngoại tuyến là thành viên.`;
    const facts = {
      ...SAMPLE_FACTS,
      members: [{ cluster: 2, year: 2021, unit: 'Cục Ngoại tuyến', evidence: at('Cục Ngoại tuyến là', 'member.is', text) }],
      officials: [],
      awards: [],
    };
    const second = storeDataset(db, [sampleArticle({ text, facts })]);
    expect(loadArticle(db, 'sample-001', second)?.facts).toEqual(facts);
    expect(loadArticle(db, 'sample-001', second)?.article.text).toBe(text);
    // The first run's dataset still has the old version (history).
    expect(loadArticle(db, 'sample-001', first)?.article.text).toBe(SAMPLE_TEXT);
    expect(count('articles')).toBe(2);
    expect(count('v_members')).toBe(1);
  });

  it('lists article ids in id order', () => {
    const runId = storeDataset(db, ['b', 'c', 'a'].map((id) => bareArticle(id, `text of ${id}`)));
    expect(listArticleIds(db, runId)).toEqual(['a', 'b', 'c']);
  });

  it('writes nothing of a batch when a fact cannot be stored', () => {
    const bad = sampleArticle({
      facts: { ...SAMPLE_FACTS, awards: [{ ...SAMPLE_FACTS.awards[0]!, status: 'rumoured' as never }] },
    });
    expect(() => storeDataset(db, [bare(), bad])).toThrow(/CHECK constraint/);
    expect([count('articles'), count('events'), count('awards')]).toEqual([0, 0, 0]);
  });

  it('refuses an unknown run', () => {
    expect(() => saveArticle(db, sampleArticle(), 42)).toThrow(/FOREIGN KEY/);
  });
});

describe('datasets', () => {
  it('publishes a run\'s dataset at once and keeps the last N runs\' datasets', () => {
    const runs = [1, 2, 3].map((n) => storeDataset(db, [bareArticle(`a${n}`, `text ${n}`)]));
    expect(publishedRun(db)).toBe(runs[2]);
    const kept = (keep: number) => {
      const runId = beginRun(db, RUN);
      publishDataset(db, runId, [...datasetOf(db, publishedRun(db)!).values()].map((e) => e.extractionId), { keep, ruleset: 'r1' });
      return db.prepare('SELECT DISTINCT run_id FROM datasets ORDER BY run_id').pluck().all();
    };
    // The same dataset again is not published again.
    expect(kept(2)).toEqual([1, 2, 3]);
    expect(datasetRun(db)).toBe(runs[2]);
    expect(datasetRun(db, runs[0])).toBe(runs[0]);
    expect(() => datasetRun(db, 99)).toThrow(/run 99 has no kept dataset \(kept: 1, 2, 3\)/);
  });

  it('prunes datasets beyond the last N and the extractions only they used', () => {
    for (const n of [1, 2, 3, 4]) storeDataset(db, [bareArticle('a', `text ${n}`)]);
    storeDataset(db, [bareArticle('a', 'text 5')], beginRun(db, RUN), 2);
    expect(db.prepare('SELECT DISTINCT run_id FROM datasets ORDER BY run_id').pluck().all()).toEqual([4, 5]);
    // Versions 1-3 of article a were only in the pruned datasets.
    expect(db.prepare('SELECT text FROM articles ORDER BY key').pluck().all()).toEqual(['text 4', 'text 5']);
    expect(count('extractions')).toBe(2);
  });

  it('deletes a pruned version\'s extraction, facts, their items and its story bands, and nothing of the kept ones', () => {
    const texts = [1, 2].map((n) => `${SAMPLE_TEXT}\n\n${'Cụm thi đua số 2 họp mặt cuối năm tại trụ sở. '.repeat(n * 4)}`);
    storeDataset(db, [sampleArticle({ text: texts[0]!, fingerprint: minhash(texts[0]!) })]);
    const tables = ['extractions', 'events', 'members', 'officials', 'official_titles', 'awards', 'award_units', 'signatures', 'minhash_bands'];
    const one = Object.fromEntries(tables.map((t) => [t, count(t)]));
    storeDataset(db, [sampleArticle({ text: texts[1]!, fingerprint: minhash(texts[1]!) })], beginRun(db, RUN), 1);
    expect(db.prepare('SELECT text FROM articles').pluck().all()).toEqual([texts[1]]);
    expect(Object.fromEntries(tables.map((t) => [t, count(t)]))).toEqual(one);
    expect(db.prepare('SELECT DISTINCT article_key FROM members UNION SELECT DISTINCT article_key FROM minhash_bands').pluck().all()).toEqual([2]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('reads the fingerprints of the rules that matched, and the bare ids a database written before them kept', () => {
    const a = { ...bareArticle('a', 'text a'), matchedRules: { 'award.x': '0123456789abcdef' } };
    const runId = storeDataset(db, [a, bareArticle('b', 'text b')]);
    db.prepare("UPDATE extractions SET matched_rules = '[\"chair.y\"]' WHERE article_key = (SELECT key FROM articles WHERE id = 'b')").run();
    const byId = new Map([...datasetOf(db, runId).values()].map((e) => [db.prepare('SELECT id FROM articles WHERE key = ?').pluck().get(e.articleKey), matchedRulesOf(db, e.extractionId)]));
    expect(byId.get('a')).toEqual({ 'award.x': '0123456789abcdef' });
    expect(byId.get('b')).toEqual({ 'chair.y': null });
  });

  it('says when there is nothing published yet', () => {
    expect(() => datasetRun(db)).toThrow(/no published dataset/);
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
    storeDataset(db, [sampleArticle()]);
  });

  it('a view filtered on its merged cluster searches the cluster index', () => {
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan('SELECT unit FROM v_members WHERE cluster = 6 AND year = 2019')).toMatch(/SEARCH m USING INDEX members_cluster \(<expr>=\? AND year=\?\)/);
    expect(plan("SELECT year, unit FROM h_chairs WHERE cluster = 'Khối thi đua các cơ quan Đảng'")).toMatch(/SEARCH c USING INDEX chairs_cluster \(<expr>=\?\)/);
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
