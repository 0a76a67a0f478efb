/**
 * Timing and memory of the two things compared on each corpus: the floor (read every file and NFC-normalize it,
 * nothing else) in this process, and `thidua run` as a child process, timed by wall clock, its peak resident
 * memory taken from GNU time (%M, the kernel's maxrss of the child, worker threads included; were the pipeline
 * to fork processes of its own, that is the largest one, not their sum) where installed, else by polling the
 * child's VmHWM in /proc.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI = new URL('../dist/cli/main.js', import.meta.url).pathname;
const GNU_TIME = '/usr/bin/time';

export interface Throughput {
  articles: number;
  bytes: number;
  seconds: number;
}

export interface PipelineRun extends Throughput {
  peakRssMb: number;
  /** The summary `thidua run` printed. */
  summary: string;
}

export function articlesPerSecond(t: Throughput): number {
  return t.articles / t.seconds;
}

export function megabytesPerSecond(t: Throughput): number {
  return t.bytes / 1e6 / t.seconds;
}

/** The input files of a corpus folder (.txt, .html), sorted. */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(txt|html)$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Reads every file as UTF-8 and NFC-normalizes it: the least any pipeline must do with the same input. */
export function measureFloor(dir: string): Throughput {
  const files = corpusFiles(dir);
  const started = performance.now();
  let bytes = 0;
  let chars = 0;
  for (const file of files) {
    const buffer = readFileSync(file);
    bytes += buffer.length;
    chars += buffer.toString('utf8').normalize('NFC').length;
  }
  const seconds = (performance.now() - started) / 1000;
  if (chars === 0 && files.length > 0) throw new Error(`nothing read under ${dir}`);
  return { articles: files.length, bytes, seconds };
}

/** `thidua run DIR --db DB [extra]` to its end; throws unless it exits 0. */
export async function measurePipeline(dir: string, db: string, articles: number, bytes: number, extra: string[] = []): Promise<PipelineRun> {
  const args = [CLI, 'run', dir, '--db', db, ...extra];
  const started = performance.now();
  const { stdout, peakRssMb } = existsSync(GNU_TIME) ? await runUnderGnuTime(args) : await runPollingRss(args);
  return { articles, bytes, seconds: (performance.now() - started) / 1000, peakRssMb, summary: stdout.trim() };
}

async function runUnderGnuTime(args: string[]): Promise<{ stdout: string; peakRssMb: number }> {
  const scratch = mkdtempSync(join(tmpdir(), 'thidua-bench-time-'));
  const timeFile = join(scratch, 'maxrss');
  try {
    const stdout = await runToEnd(spawnPiped(GNU_TIME, ['-f', '%M', '-o', timeFile, process.execPath, ...args]));
    return { stdout, peakRssMb: Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) / 1024 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function runPollingRss(args: string[]): Promise<{ stdout: string; peakRssMb: number }> {
  const child = spawnPiped(process.execPath, args);
  let peakKb = 0;
  const poll = setInterval(() => {
    const status = readProcStatus(child.pid);
    const match = status && /^VmHWM:\s+(\d+) kB/m.exec(status);
    if (match) peakKb = Math.max(peakKb, Number(match[1]));
  }, 50);
  try {
    return { stdout: await runToEnd(child), peakRssMb: peakKb / 1024 };
  } finally {
    clearInterval(poll);
  }
}

function readProcStatus(pid: number | undefined): string | null {
  try {
    return pid === undefined ? null : readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
}

type Child = ReturnType<typeof spawn>;

/** A child running `command args`, its output piped. */
export function spawnPiped(command: string, args: string[]): Child {
  return spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Waits for the child; resolves with its stdout if it exits 0, else rejects with its stderr. */
export function runToEnd(child: Child): Promise<string> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${child.spawnargs.join(' ')} ended with ${signal ?? `exit code ${code}`}\n${stderr.trim()}`));
    });
  });
}
