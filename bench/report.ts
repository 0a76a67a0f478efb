/**
 * The figures as a table for the terminal, each target beside its measured figure (PASS/FAIL), and as JSON.
 */
import type { Corpus } from './corpus.js';
import type { KillTestResult } from './kill-test.js';
import type { RegenerationResult } from './regeneration.js';
import { articlesPerSecond, megabytesPerSecond, type PipelineRun, type Throughput } from './measure.js';
import { fixtureTotal, type FixtureScore, type ReadabilityComparison } from './readability-compare.js';

export interface CorpusResult {
  corpus: Corpus;
  floor: Throughput;
  first: PipelineRun;
  rerun: PipelineRun;
  /** Articles and stories in the database after the first run. */
  stored: number | null;
  stories: number | null;
}

export interface BenchResults {
  machine: { cores: number; node: string; commit: string; date: string };
  corpora: CorpusResult[];
  readability: ReadabilityComparison | null;
  killTest: (KillTestResult & { corpus: string }) | null;
  regeneration: (RegenerationResult & { corpus: string }) | null;
}

export interface Check {
  target: string;
  measured: string;
  pass: boolean;
}

export const TARGETS = {
  textArticlesPerSecond: 3000,
  htmlMegabytesPerSecond: 30,
  peakRssMb: 400,
  peakRssAtArticles: 100_000,
  rerunShare: 0.05,
  ruleChangeShare: 0.3,
  speedupOverReadability: 5,
};

const name = (c: Corpus): string => `${c.kind}-${c.count}`;
const fixed = (n: number, digits = 1): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (n: number): string => Math.round(n).toLocaleString('en-US');

export function checks(results: BenchResults): Check[] {
  const list: Check[] = [];
  for (const { corpus, first, rerun } of results.corpora) {
    if (corpus.kind === 'text') {
      const rate = articlesPerSecond(first);
      list.push({ target: `${name(corpus)}: ≥${int(TARGETS.textArticlesPerSecond)} articles/s into SQLite`, measured: `${int(rate)} articles/s`, pass: rate >= TARGETS.textArticlesPerSecond });
    } else {
      const rate = megabytesPerSecond(first);
      list.push({ target: `${name(corpus)}: ≥${TARGETS.htmlMegabytesPerSecond} MB/s of HTML into SQLite`, measured: `${fixed(rate)} MB/s`, pass: rate >= TARGETS.htmlMegabytesPerSecond });
    }
    if (corpus.count >= TARGETS.peakRssAtArticles) {
      list.push({ target: `${name(corpus)}: peak RSS <${TARGETS.peakRssMb} MB`, measured: `${int(first.peakRssMb)} MB`, pass: first.peakRssMb < TARGETS.peakRssMb });
    }
    const share = rerun.seconds / first.seconds;
    list.push({ target: `${name(corpus)}: rerun over unchanged input ≤${TARGETS.rerunShare * 100}% of the first run`, measured: `${fixed(share * 100)}%`, pass: share <= TARGETS.rerunShare });
  }
  if (results.readability) {
    const { speed, fixtures } = results.readability;
    const speedup = speed.readabilitySeconds / speed.oursSeconds;
    list.push({ target: `HTML main text ≥${TARGETS.speedupOverReadability}× faster than Readability (${speed.pages} pages)`, measured: `${fixed(speedup)}×`, pass: speedup >= TARGETS.speedupOverReadability });
    const [ours, theirs] = [fixtureTotal(fixtures.ours), fixtureTotal(fixtures.readability)];
    list.push({ target: 'real pages: checks passed ≥ Readability\'s', measured: `${ours} vs ${theirs}`, pass: ours >= theirs });
  }
  if (results.killTest) {
    const k = results.killTest;
    const same = k.killed && k.differingLines === 0 && k.cleanArticles === k.rerunArticles;
    list.push({ target: `${k.corpus}: kill -9 then rerun = clean run`, measured: k.killed ? `${k.differingLines} differing export lines` : 'run ended before the kill', pass: same });
    list.push({ target: `${k.corpus}: PRAGMA integrity_check after kill and rerun`, measured: k.integrity, pass: k.integrity === 'ok' });
  }
  if (results.regeneration) {
    const r = results.regeneration;
    for (const e of r.edits) {
      const share = e.changedSeconds / r.firstSeconds;
      list.push({ target: `${r.corpus}: rerun after a change to one rule file (${e.name}) ≤${TARGETS.ruleChangeShare * 100}% of the first run`, measured: `${fixed(share * 100)}%`, pass: share <= TARGETS.ruleChangeShare });
      list.push({ target: `${r.corpus}: change (${e.name}) then revert gives the original facts`, measured: `${e.differingLines} differing export lines`, pass: e.differingLines === 0 });
    }
  }
  return list;
}

export function formatReport(results: BenchResults): string {
  const { machine } = results;
  const lines = [`thidua bench — ${machine.date}, ${machine.cores} cores, node ${machine.node}, commit ${machine.commit}`, ''];
  lines.push(
    table(
      ['corpus', 'files', 'MB', 'stored', 'stories', 'floor art/s', 'floor MB/s', 'run s', 'art/s', 'MB/s', 'peak RSS MB', 'rerun s', 'rerun/first'],
      results.corpora.map(({ corpus, floor, first, rerun, stored, stories }) => [
        name(corpus),
        int(corpus.count),
        fixed(corpus.bytes / 1e6),
        stored === null ? '?' : int(stored),
        stories === null ? '?' : int(stories),
        int(articlesPerSecond(floor)),
        fixed(megabytesPerSecond(floor)),
        fixed(first.seconds),
        int(articlesPerSecond(first)),
        fixed(megabytesPerSecond(first), 2),
        int(first.peakRssMb),
        fixed(rerun.seconds),
        `${fixed((rerun.seconds / first.seconds) * 100)}%`,
      ]),
    ),
  );
  if (results.readability) lines.push('', ...readabilityLines(results.readability));
  if (results.killTest) lines.push('', killLine(results.killTest));
  if (results.regeneration) {
    const r = results.regeneration;
    for (const e of r.edits) {
      lines.push(
        '',
        `rule change on ${r.corpus}, ${e.name} (${e.edit}): rerun ${fixed(e.changedSeconds)} s (${fixed((e.changedSeconds / r.firstSeconds) * 100)}% of the first run), facts of ${int(e.articlesChanged)} articles changed — ${e.changedSummary}`,
        `  reverted: rerun ${fixed(e.revertedSeconds)} s — ${e.revertedSummary}; ${e.differingLines} export lines differ from before the change`,
      );
    }
  }
  const list = checks(results);
  lines.push('', table(['target', 'measured', ''], list.map((c) => [c.target, c.measured, c.pass ? 'PASS' : 'FAIL'])));
  lines.push('', `${list.filter((c) => c.pass).length} of ${list.length} targets met`);
  return lines.join('\n') + '\n';
}

function readabilityLines({ speed, fixtures }: ReadabilityComparison): string[] {
  const mbs = (seconds: number) => `${fixed(speed.bytes / 1e6 / seconds)} MB/s, ${int(speed.pages / seconds)} pages/s`;
  const row = (label: string, s: FixtureScore) => [
    label,
    `${s.title}/${s.pages}`,
    `${s.firstSentence}/${s.pages}`,
    `${s.lastSentence}/${s.pages}`,
    `${s.noiseAbsent}/${s.noiseTotal}`,
    String(s.failed),
    String(fixtureTotal(s)),
  ];
  return [
    `HTML main text, one thread, ${speed.pages} pages (${fixed(speed.bytes / 1e6)} MB): parseArticleHtml ${mbs(speed.oursSeconds)}; Readability+linkedom ${mbs(speed.readabilitySeconds)}`,
    '',
    table(['real pages (expected.json)', 'title', 'first sentence', 'last sentence', 'noise absent', 'no result', 'checks'], [
      row('parseArticleHtml', fixtures.ours),
      row('Readability + linkedom', fixtures.readability),
    ]),
  ];
}

function killLine(k: KillTestResult & { corpus: string }): string {
  const at = `${fixed(k.killAtSeconds)} s (${int(k.killAtShare * 100)}% of the clean run)`;
  const stored = k.articlesAtKill === null ? 'no readable database at the kill' : `${int(k.articlesAtKill)} articles stored at the kill`;
  return `kill test on ${k.corpus}: SIGKILL at ${at}, ${stored}; after the rerun ${int(k.rerunArticles)} articles vs ${int(k.cleanArticles)} clean, ${k.differingLines} differing export lines, integrity_check ${k.integrity}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
