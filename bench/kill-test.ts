/**
 * Crash safety: `thidua run` is killed with SIGKILL part-way through, then run again over the same input into
 * the same database. The result must hold the same articles and facts as a clean run (sorted JSONL exports
 * compared line by line) and pass SQLite's integrity check.
 */
import { readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { storedArticles } from './database-counts.js';
import { CLI, runToEnd, spawnPiped } from './measure.js';

export interface KillTestResult {
  /** When the kill was sent, as a share of the clean run's time. */
  killAtShare: number;
  killAtSeconds: number;
  /** False if the run ended on its own before the kill came. */
  killed: boolean;
  /** Articles the killed run had committed (null if it left no readable database). */
  articlesAtKill: number | null;
  cleanArticles: number;
  rerunArticles: number;
  /** Lines of the sorted exports that differ (0 = the same articles and facts). */
  differingLines: number;
  integrity: string;
}

export async function killAndRerun(dir: string, cleanDb: string, crashDb: string, cleanSeconds: number, killAtShare: number): Promise<KillTestResult> {
  removeDatabase(crashDb);
  const killAtSeconds = cleanSeconds * killAtShare;
  const child = spawnPiped(process.execPath, [CLI, 'run', dir, '--db', crashDb, '--quiet']);
  const timer = setTimeout(() => child.kill('SIGKILL'), killAtSeconds * 1000);
  const killed = await runToEnd(child).then(
    () => false,
    (err: Error) => {
      if (child.signalCode !== 'SIGKILL') throw err;
      return true;
    },
  );
  clearTimeout(timer);
  const articlesAtKill = storedArticles(crashDb);
  await runToEnd(spawnPiped(process.execPath, [CLI, 'run', dir, '--db', crashDb, '--quiet']));
  const clean = await sortedExport(cleanDb);
  const rerun = await sortedExport(crashDb);
  return {
    killAtShare,
    killAtSeconds,
    killed,
    articlesAtKill,
    cleanArticles: clean.length,
    rerunArticles: rerun.length,
    differingLines: differingLines(clean, rerun),
    integrity: integrityCheck(crashDb),
  };
}

export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/** The database's `thidua export`, lines sorted. */
export async function sortedExport(db: string): Promise<string[]> {
  const out = `${db}.export.jsonl`;
  await runToEnd(spawnPiped(process.execPath, [CLI, 'export', '--db', db, '--format', 'jsonl', '--out', out]));
  const lines = readFileSync(out, 'utf8').split('\n').filter((line) => line !== '');
  rmSync(out);
  return lines.sort();
}

/** Lines of one sorted export missing from the other, both ways. */
export function differingLines(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const line of a) counts.set(line, (counts.get(line) ?? 0) + 1);
  let unmatched = 0;
  for (const line of b) {
    const n = counts.get(line) ?? 0;
    if (n > 0) counts.set(line, n - 1);
    else unmatched++;
  }
  return unmatched + [...counts.values()].reduce((sum, n) => sum + n, 0);
}

function integrityCheck(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}
