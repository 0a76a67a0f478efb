// The scorer of CONTRACT.md, ported from the shared tools/score.mjs (a copy is
// test/fixtures/score.mjs): the same figures and the same output, byte for byte.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

type Loose = Record<string, unknown>;

interface TypeSpec {
  from: string;
  keys: readonly string[];
  when?: (fact: Loose) => boolean;
  spread?: 'titles' | 'units';
}

const TYPES = {
  event:       { from: 'events',    keys: ['kind', 'cluster', 'year'] },
  event_date:  { from: 'events',    keys: ['date'], when: (f) => f.date != null },
  member:      { from: 'members',   keys: ['cluster', 'unit'] },
  chair:       { from: 'chairs',    keys: ['cluster', 'year', 'unit'] },
  handover:    { from: 'handovers', keys: ['cluster', 'year', 'to'] },
  official:    { from: 'officials', keys: ['name', 'rank'] },
  title:       { from: 'officials', keys: ['name', 'title'], spread: 'titles' },
  award_count: { from: 'awards',    keys: ['award', 'recipient', 'count'], when: (f) => f.count != null },
  award_unit:  { from: 'awards',    keys: ['award', 'unit', 'status'], spread: 'units' },
} satisfies Record<string, TypeSpec>;

export type ScoreType = keyof typeof TYPES;
export const SCORE_TYPES = Object.keys(TYPES) as ScoreType[];

export interface Counts {
  tp: number;
  fn: number;
  fp: number;
}

export interface Rates {
  p: number;
  r: number;
  f1: number;
}

/** A gold tuple the export missed (its fields as in the gold file) or an export tuple no gold matched (normalized). */
export interface Finding {
  article: string;
  type: ScoreType;
  kind: 'MISSED' | 'EXTRA';
  fields: unknown[];
}

export interface ScoreReport {
  /** Gold files read. */
  articles: number;
  /** Gold articles that the export lacks. */
  missing: number;
  types: Record<ScoreType, Counts & Rates>;
  micro: Counts & Rates;
  /** Misses and extras in the order score.mjs --verbose prints them. */
  findings: Finding[];
}

// Old-style tone placement on open syllables ("hoà", "thuỷ") to the common one ("hòa", "thủy").
const RETONE: [RegExp, (match: string, vowel: string) => string][] = [
  [/o([àáảãạ])(?!\p{L})/gu, (_, v) => 'ò,ó,ỏ,õ,ọ'.split(',')['àáảãạ'.indexOf(v)] + 'a'],
  [/o([èéẻẽẹ])(?!\p{L})/gu, (_, v) => 'ò,ó,ỏ,õ,ọ'.split(',')['èéẻẽẹ'.indexOf(v)] + 'e'],
  [/(?<!q)u([ỳýỷỹỵ])(?!\p{L})/gu, (_, v) => 'ù,ú,ủ,ũ,ụ'.split(',')['ỳýỷỹỵ'.indexOf(v)] + 'y'],
];

/** The form in which CONTRACT.md compares values: NFC, common tone placement, lower case, no punctuation, … */
export function norm(value: unknown): string | null {
  if (value == null) return null;
  if (typeof value === 'number') return String(value);
  let s = String(value).normalize('NFC').toLowerCase();
  for (const [re, fn] of RETONE) s = s.replace(re, fn);
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/\bcông an (?:tỉnh|thành phố|tp)\s+/gu, 'công an ');
  s = s.replace(/\bhcm\b/gu, 'hồ chí minh');
  if (/^\d+$/.test(s)) return String(Number(s));
  const m = s.match(/^cụm thi đua số (\d+)$/u);
  return m ? m[1]! : s;
}

const alternatives = (v: unknown): (string | null)[] => (Array.isArray(v) ? v : [v]).map(norm);

export interface Tuple {
  fields: unknown[];
  optional: boolean;
  /** The rule that made the fact (`evidence.rule`), for an exported fact. */
  rule: string | null;
}

export function tuples(article: Loose | undefined, type: ScoreType): Tuple[] {
  const spec: TypeSpec = TYPES[type];
  const out: Tuple[] = [];
  for (const fact of (article?.[spec.from] ?? []) as Loose[]) {
    if (spec.when && !spec.when(fact)) continue;
    const spread = spec.spread ? ((fact[spec.spread] ?? []) as unknown[]) : [null];
    for (const item of spread) {
      const f: Loose = spec.spread ? { ...fact, [spec.spread === 'titles' ? 'title' : 'unit']: item } : fact;
      const rule = (fact.evidence as Loose | undefined)?.rule;
      out.push({ fields: spec.keys.map((k) => f[k] ?? null), optional: !!fact.optional, rule: typeof rule === 'string' ? rule : null });
    }
  }
  return out;
}

/** An exported tuple as the scorer compares it; equal keys are one fact. */
export const tupleKey = (t: Tuple): string => JSON.stringify(t.fields.map(norm));

/**
 * Matches one article's exported tuples of a type to its gold tuples. `keys`
 * are the distinct exported tuples; `matched` maps the index of each one that
 * a gold tuple took to whether that gold tuple counts (false: it is optional).
 */
export function scoreArticle(gold: Loose, sys: Loose | undefined, type: ScoreType) {
  const keys = [...new Set(tuples(sys, type).map(tupleKey))];
  const sysKeys = keys.map((k) => JSON.parse(k) as (string | null)[]);
  const matched = new Map<number, boolean>();
  let tp = 0;
  let fn = 0;
  const misses: unknown[][] = [];
  // Set semantics on both sides: one date shared by two events of one meeting is one fact.
  const seen = new Set<string>();
  const golds = tuples(gold, type)
    .sort((a, b) => Number(a.optional) - Number(b.optional))
    .filter((g) => {
      const k = JSON.stringify(g.fields.map(alternatives));
      return !seen.has(k) && seen.add(k);
    });
  for (const g of golds) {
    const alts = g.fields.map(alternatives);
    const hit = sysKeys.findIndex((s, i) => !matched.has(i) && s.every((v, j) => alts[j]!.includes(v)));
    if (hit >= 0) {
      matched.set(hit, !g.optional);
      if (!g.optional) tp++;
    } else if (!g.optional) {
      fn++;
      misses.push(g.fields);
    }
  }
  const extras = sysKeys.filter((_, i) => !matched.has(i));
  return { tp, fn, fp: extras.length, misses, extras, keys, matched };
}

export function rates({ tp, fn, fp }: Counts): Rates {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** A gold article and the exported one with its id (none when the export lacks it). */
export interface GoldPair {
  id: string;
  gold: Loose;
  sys: Loose | undefined;
}

/** Each gold file (*.json) of `goldDir`, in name order, with its exported article; a later article with the same id wins. */
export function pairWithGold(goldDir: string, articles: Iterable<{ article: string }>): GoldPair[] {
  const system = new Map<string, Loose>();
  for (const a of articles) system.set(String(a.article), a as unknown as Loose);
  let files: string[];
  try {
    files = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
  } catch (cause) {
    throw new Error(`cannot read gold directory ${goldDir}`, { cause });
  }
  return files.map((file) => {
    const gold = readGold(join(goldDir, file));
    const id = String(gold.article ?? basename(file, '.json'));
    return { id, gold, sys: system.get(id) };
  });
}

/** Scores exported articles against the gold files of `goldDir`. */
export function scoreArticles(goldDir: string, articles: Iterable<{ article: string }>): ScoreReport {
  const totals = Object.fromEntries(SCORE_TYPES.map((t) => [t, { tp: 0, fn: 0, fp: 0 }])) as Record<ScoreType, Counts>;
  const findings: Finding[] = [];
  const pairs = pairWithGold(goldDir, articles);
  for (const { id, gold, sys } of pairs) {
    for (const type of SCORE_TYPES) {
      const r = scoreArticle(gold, sys, type);
      totals[type].tp += r.tp;
      totals[type].fn += r.fn;
      totals[type].fp += r.fp;
      for (const fields of r.misses) findings.push({ article: id, type, kind: 'MISSED', fields });
      for (const fields of r.extras) findings.push({ article: id, type, kind: 'EXTRA', fields });
    }
  }
  const all = Object.values(totals).reduce((a, t) => ({ tp: a.tp + t.tp, fn: a.fn + t.fn, fp: a.fp + t.fp }), {
    tp: 0,
    fn: 0,
    fp: 0,
  });
  return {
    articles: pairs.length,
    missing: pairs.filter((p) => !p.sys).length,
    types: Object.fromEntries(SCORE_TYPES.map((t) => [t, { ...totals[t], ...rates(totals[t]) }])) as ScoreReport['types'],
    micro: { ...all, ...rates(all) },
    findings,
  };
}

function readGold(path: string): Loose {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Loose;
  } catch (cause) {
    throw new Error(`cannot read gold file ${path}`, { cause });
  }
}

/**
 * The report as score.mjs prints it, byte for byte: the table (or with `json`
 * its one JSON line), after one line per finding with `verbose`.
 */
export function formatScore(report: ScoreReport, opts: { verbose?: boolean; json?: boolean } = {}): string {
  const lines: string[] = [];
  if (opts.verbose) {
    for (const f of report.findings) lines.push(`${f.article}\t${f.type}\t${f.kind}\t${JSON.stringify(f.fields)}`);
  }
  if (opts.json) {
    const { articles, missing, types, micro } = report;
    lines.push(JSON.stringify({ articles, missing, types, micro }));
    return lines.map((l) => `${l}\n`).join('');
  }
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
  lines.push(`articles ${report.articles}, missing from export ${report.missing}`);
  lines.push('type          gold  found     tp      P      R     F1');
  for (const type of SCORE_TYPES) {
    const t = report.types[type];
    lines.push(
      `${type.padEnd(12)} ${String(t.tp + t.fn).padStart(5)} ${String(t.tp + t.fp).padStart(6)} ${String(t.tp).padStart(6)} ${pct(t.p)} ${pct(t.r)} ${pct(t.f1)}`,
    );
  }
  const m = report.micro;
  lines.push(`micro F1: ${m.f1.toFixed(3)} (P ${m.p.toFixed(3)}, R ${m.r.toFixed(3)})`);
  return lines.map((l) => `${l}\n`).join('');
}
