import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// These run the built command line (npm test builds dist/ first), as a user or a crawler's cron job would.
const CLI = 'dist/cli/main.js';
const DEV = 'test/fixtures/dev/texts';
let dir: string;

const thidua = (...args: string[]) => spawnSync('node', [CLI, ...args], { encoding: 'utf8' });
const exported = (db: string) => thidua('export', '--db', db).stdout.trim().split('\n').sort();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-crash-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Polls until `ready()` or the child exits; true when ready came first. */
async function until(child: ReturnType<typeof spawn>, ready: () => boolean): Promise<boolean> {
  while (child.exitCode === null && child.signalCode === null) {
    if (ready()) return true;
    await sleep(2);
  }
  return false;
}

const count = (db: string, sql: string): number => {
  let conn: Database.Database | undefined;
  try {
    conn = new Database(db, { readonly: true, fileMustExist: true });
    return conn.prepare(sql).pluck().get() as number;
  } catch {
    return 0; // the file or its schema is not there yet
  } finally {
    conn?.close();
  }
};

describe('a run killed with kill -9', () => {
  it('leaves a consistent database, and the next run ends where a clean run ends', async () => {
    // 240 distinct articles: the dev texts, each written out several times with a sentence of its own.
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    const texts = readdirSync(DEV).map((f) => readFileSync(join(DEV, f), 'utf8'));
    for (let i = 0; i < 240; i++) writeFileSync(join(corpus, `a${i}.txt`), `${texts[i % texts.length]}\n\nBài số ${i}.`);
    const clean = join(dir, 'clean.db');
    expect(thidua('run', corpus, '--db', clean, '--quiet').status).toBe(0);

    const killed = join(dir, 'killed.db');
    const child = spawn('node', [CLI, 'run', corpus, '--db', killed, '--quiet'], { stdio: 'ignore' });
    // Killed once some batches are committed, before the run is done.
    const midway = await until(child, () => count(killed, 'SELECT count(*) FROM articles') > 0);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(midway).toBe(true);
    expect(child.signalCode).toBe('SIGKILL');
    expect(count(killed, 'SELECT count(*) FROM published')).toBe(0);

    const conn = new Database(killed);
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(conn.pragma('foreign_key_check')).toEqual([]);
    conn.close();
    expect(thidua('run', corpus, '--db', killed, '--quiet').status).toBe(0);
    expect(exported(killed)).toEqual(exported(clean));
    expect(count(killed, 'SELECT count(*) FROM articles')).toBe(240);
  }, 120_000);
});

describe('a reader during a regeneration', () => {
  it('sees the previous dataset whole, then the new one whole, never a mix', async () => {
    const rules = join(dir, 'rules');
    cpSync('rules', rules, { recursive: true });
    const db = join(dir, 'reader.db');
    expect(thidua('run', DEV, '--db', db, '--rules', rules, '--quiet').status).toBe(0);
    const before = count(db, 'SELECT count(*) FROM v_officials');

    // Fewer ranks: fewer officials. A new macro: every article is read again, so the run takes a while.
    const ranks = join(rules, 'lexicons', 'ranks.yaml');
    writeFileSync(ranks, readFileSync(ranks, 'utf8').replace('  - Thượng tá\n', '').replace('  - Trung tá\n', ''));
    const macros = join(rules, 'macros.yaml');
    writeFileSync(macros, readFileSync(macros, 'utf8').replace('macros:\n', "macros:\n  - name: UNUSED\n    description: A macro no rule uses.\n    pattern: 'x'\n"));

    const reader = new Database(db, { readonly: true });
    const look = reader.transaction(() => ({
      run: reader.prepare('SELECT run_id FROM published').pluck().get() as number,
      officials: reader.prepare('SELECT count(*) FROM v_officials').pluck().get() as number,
      articles: reader.prepare('SELECT count(DISTINCT article_id) FROM v_story_copies').pluck().get() as number,
    }));
    const seen: { run: number; officials: number; articles: number }[] = [];
    const child = spawn('node', [CLI, 'run', DEV, '--db', db, '--rules', rules, '--quiet'], { stdio: 'ignore' });
    await until(child, () => {
      seen.push(look());
      return false;
    });
    seen.push(look());
    reader.close();

    const after = count(db, 'SELECT count(*) FROM v_officials');
    expect(after).toBeLessThan(before);
    const byRun = new Map<number, Set<string>>();
    for (const s of seen) byRun.set(s.run, (byRun.get(s.run) ?? new Set()).add(`${s.officials}/${s.articles}`));
    expect([...byRun.keys()]).toEqual([1, 2]);
    expect([...byRun.get(1)!]).toEqual([`${before}/37`]);
    expect([...byRun.get(2)!]).toEqual([`${after}/37`]);
    expect(seen.length).toBeGreaterThan(20);
  }, 120_000);
});
