import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run.js';
import { exportArticles } from '../../src/query/export.js';
import { openDatabase } from '../../src/store/database.js';

const SEED = 'test/fixtures/dev/texts/004_48c40e5a167e8875.txt';

function inputs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-run-'));
  copyFileSync(SEED, join(dir, 'good.txt'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'random.txt'), randomBytes(4096));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Cụm thi đua số 3 tổng kết năm 2020'.normalize('NFD'), 'latin1'));
  writeFileSync(join(dir, 'broken.html'), '<html><head><title>Cụm thi đua số 7 tổng kết</title><body><div><p>Ngày 27/11/2023, Cụm thi đua số 7 - Bộ Công an tổ chức Hội nghị tổng kết phong trào thi đua năm 2023. Cụm gồm Công an các tỉnh Quảng Nam, Quảng Ngãi, Bình Định, Gia Lai và Kon Tum.<p><div');
  writeFileSync(join(dir, 'huge.txt'), 'a'.repeat(3 * 1024 * 1024));
  const good = { url: 'https://example.vn/a', text: 'Sáng 16-11, Cụm thi đua số VIII, Bộ Công an tổ chức hội nghị tổng kết phong trào thi đua “Vì an ninh Tổ quốc” năm 2020.' };
  writeFileSync(join(dir, 'crawl.jsonl'), `${JSON.stringify(good)}\n{"url": "https://example.vn/b", "text": "Cụm thi đua số\n`);
  return dir;
}

describe('thidua run over good and bad inputs', () => {
  it('stores every good article with its facts and names each bad input once', async () => {
    const dir = inputs();
    const db = join(dir, 'out', 'thidua.db');
    const started = Date.now();
    const summary = await runPipeline([dir], { db });
    expect(Date.now() - started).toBeLessThan(20_000);

    const bad = ['empty.txt', 'random.txt', 'latin1.txt', 'huge.txt', 'crawl.jsonl'];
    expect(summary.faults.map((f) => f.source.split('/').pop()).sort()).toEqual(bad.sort());
    for (const f of summary.faults) expect(f.reason.length).toBeGreaterThan(5);
    expect(summary.faults.find((f) => f.source.endsWith('crawl.jsonl'))?.record).toBe(2);

    expect(summary.read).toBe(3);
    expect(summary.stored).toBe(3);
    const conn = openDatabase(db);
    const articles = [...exportArticles(conn, { withText: false })];
    expect(articles.map((a) => a.source.split('/').pop()).sort()).toEqual(['broken.html', 'crawl.jsonl#1', 'good.txt']);
    const broken = articles.find((a) => a.source.endsWith('broken.html'))!;
    expect(broken.members.map((m) => m.unit)).toContain('Công an tỉnh Kon Tum');
    const faults = conn.prepare('SELECT count(*) AS n FROM faults').get() as { n: number };
    expect(faults.n).toBe(5);
    conn.close();
  });

  it('skips what it has already seen and keeps what it stored', async () => {
    const dir = inputs();
    const db = join(dir, 'thidua.db');
    await runPipeline([dir], { db });
    const again = await runPipeline([dir], { db });
    expect(again.stored).toBe(0);
    // Inputs read whole are skipped; those with a fault are read again, and their good records are already stored.
    expect(again.inputsSkipped).toBe(2);
    expect(again.unchanged).toBe(1);
    expect(again.faults).toHaveLength(5);
    expect(again.published).toBe(false);
    const conn = new Database(db, { readonly: true });
    expect((conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(3);
    expect((conn.prepare('SELECT count(*) AS n FROM runs WHERE finished_at IS NOT NULL').get() as { n: number }).n).toBe(2);
    conn.close();
  });

  it('refuses a rule set with a pattern that can backtrack exponentially, before reading anything', async () => {
    const dir = inputs();
    const rules = join(dir, 'rules');
    cpSync('rules', rules, { recursive: true });
    const file = join(rules, 'patterns', 'awards.yaml');
    // A database that already knows every other pattern safe (from a run with the rules as they were).
    const db = join(dir, 'bad.db');
    await runPipeline([join(dir, 'nothing-here')], { db, rulesDir: rules, threads: 0 }).catch(() => undefined);
    const conn = new Database(db, { readonly: true });
    expect((conn.prepare('SELECT count(*) AS n FROM safe_patterns').get() as { n: number }).n).toBeGreaterThan(50);
    conn.close();
    writeFileSync(file, readFileSync(file, 'utf8').replace("pattern: '", "pattern: '(?:(a+)+$)?"));
    await expect(runPipeline([dir], { db, rulesDir: rules })).rejects.toThrow(/awards\.yaml:\d+: rule \S+ can backtrack exponentially at `\(a\+\)\+`/);
  });

  it('refuses a rule file that does not load, naming its file and line, with workers as without', async () => {
    const dir = inputs();
    const rules = join(dir, 'rules');
    cpSync('rules', rules, { recursive: true });
    const file = join(rules, 'patterns', 'events.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: event.review\n', '  - id: event.review\n    unknown_key: 1\n'));
    for (const threads of [0, 2]) {
      await expect(runPipeline([dir], { db: join(dir, `broken-${threads}.db`), rulesDir: rules, threads })).rejects.toThrow(/events\.yaml:\d+: unknown key `unknown_key`/);
    }
  });
});
