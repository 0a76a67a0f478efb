import { FACT_TYPES, type FactType } from '../types.js';
import { sentenceAt } from '../segment/sentences.js';
import type { ExportedArticle } from './export.js';

/** One fact as the diff sees it: where it is and what it says. */
export interface DiffFact {
  article: string;
  type: FactType;
  /** The fact's fields without its evidence, as JSON. */
  fields: string;
  rule: string;
  span: [number, number];
  sentence: string;
}

export interface FactChange {
  before: DiffFact;
  after: DiffFact;
}

export interface DiffReport {
  /** Articles in only one of the datasets, with how many facts they have (not listed fact by fact). */
  articles: { added: Record<string, number>; removed: Record<string, number> };
  added: DiffFact[];
  removed: DiffFact[];
  /** Facts at the same evidence span, of the same type, that now say something else. */
  changed: FactChange[];
  /** Counts per fact type and per rule (the rule of the fact after the change, or before for a removal). */
  byType: Record<string, { added: number; removed: number; changed: number }>;
  byRule: Record<string, { added: number; removed: number; changed: number }>;
}

/**
 * What changed from one dataset to another, fact by fact, in the articles both have (an article only in
 * one is reported as such, with its count of facts). Two facts are the same when their article, type and
 * fields are equal (wherever their evidence is). Of the facts only on one side, a removed and an added
 * fact of the same article and type at the same evidence span are reported as one change.
 */
export function diffDatasets(before: Iterable<ExportedArticle>, after: Iterable<ExportedArticle>): DiffReport {
  const old = indexFacts(before);
  const now = indexFacts(after);
  const only = (a: Map<string, number>, b: Map<string, number>) => Object.fromEntries([...a].filter(([id]) => !b.has(id)).sort());
  const report: DiffReport = {
    articles: { added: only(now.articles, old.articles), removed: only(old.articles, now.articles) },
    added: [],
    removed: [],
    changed: [],
    byType: {},
    byRule: {},
  };
  const removed = [...old.facts].filter(([key, f]) => !now.facts.has(key) && now.articles.has(f.article)).map(([, f]) => f);
  const added = [...now.facts].filter(([key, f]) => !old.facts.has(key) && old.articles.has(f.article)).map(([, f]) => f);
  const at = (f: DiffFact) => `${f.article}\u0000${f.type}\u0000${f.span[0]}\u0000${f.span[1]}`;
  const removedAt = new Map(removed.map((f) => [at(f), f]));
  for (const f of added) {
    const before = removedAt.get(at(f));
    if (before) {
      removedAt.delete(at(f));
      report.changed.push({ before, after: f });
      count(report, f.type, f.rule, 'changed');
    } else {
      report.added.push(f);
      count(report, f.type, f.rule, 'added');
    }
  }
  for (const f of removedAt.values()) {
    report.removed.push(f);
    count(report, f.type, f.rule, 'removed');
  }
  return report;
}

/** Shown of an evidence sentence on each side of the span. */
const CONTEXT = 60;

function indexFacts(articles: Iterable<ExportedArticle>): { articles: Map<string, number>; facts: Map<string, DiffFact> } {
  const ids = new Map<string, number>();
  const facts = new Map<string, DiffFact>();
  for (const a of articles) {
    ids.set(a.article, FACT_TYPES.reduce((n, type) => n + a[type].length, 0));
    for (const type of FACT_TYPES) {
      for (const fact of a[type]) {
        const { evidence, ...rest } = fact;
        const fields = JSON.stringify(rest);
        facts.set(`${a.article}\u0000${type}\u0000${fields}`, {
          article: a.article,
          type,
          fields,
          rule: evidence.rule,
          span: [evidence.start, evidence.end],
          sentence: a.text === undefined ? '' : marked(a.text, evidence.start, evidence.end),
        });
      }
    }
  }
  return { articles: ids, facts };
}

/** The evidence's sentence with the span in «», cut to CONTEXT characters on each side. */
function marked(text: string, start: number, end: number): string {
  const sentence = sentenceAt(text, start);
  const from = Math.max(sentence.start, start - CONTEXT);
  const to = Math.min(Math.max(sentence.end, end), end + CONTEXT);
  return `${from > sentence.start ? '…' : ''}${text.slice(from, start)}«${text.slice(start, end)}»${text.slice(end, to)}${to < sentence.end ? '…' : ''}`;
}

function count(report: DiffReport, type: string, rule: string, kind: 'added' | 'removed' | 'changed'): void {
  (report.byType[type] ??= { added: 0, removed: 0, changed: 0 })[kind]++;
  (report.byRule[rule] ??= { added: 0, removed: 0, changed: 0 })[kind]++;
}

/** The report for a rule author: counts by type and by rule, then up to `examples` facts of each kind. */
export function formatDiff(report: DiffReport, opts: { examples: number }): string {
  const lines: string[] = [];
  const total = (k: 'added' | 'removed' | 'changed') => report[k].length;
  const articles = (kind: 'added' | 'removed') => Object.keys(report.articles[kind]).length;
  lines.push(`articles: +${articles('added')} -${articles('removed')}   facts in the articles both have: +${total('added')} -${total('removed')} ~${total('changed')}`);
  const table = (title: string, rows: Record<string, { added: number; removed: number; changed: number }>) => {
    const keys = Object.keys(rows).sort();
    if (keys.length === 0) return;
    lines.push('', `${title.padEnd(36)} ${'added'.padStart(6)} ${'removed'.padStart(8)} ${'changed'.padStart(8)}`);
    for (const k of keys) lines.push(`${k.padEnd(36)} ${String(rows[k]!.added).padStart(6)} ${String(rows[k]!.removed).padStart(8)} ${String(rows[k]!.changed).padStart(8)}`);
  };
  table('by fact type', report.byType);
  table('by rule', report.byRule);
  const show = (f: DiffFact) => `${f.article} [${f.span[0]}-${f.span[1]}] ${f.rule}: ${f.fields}\n      ${f.sentence}`;
  for (const kind of ['added', 'removed'] as const) {
    if (report[kind].length === 0) continue;
    lines.push('', `${kind} (${report[kind].length}${report[kind].length > opts.examples ? `, first ${opts.examples}` : ''}):`);
    for (const f of report[kind].slice(0, opts.examples)) lines.push(`  ${kind === 'added' ? '+' : '-'} ${show(f)}`);
  }
  if (report.changed.length > 0) {
    lines.push('', `changed (${report.changed.length}${report.changed.length > opts.examples ? `, first ${opts.examples}` : ''}):`);
    for (const c of report.changed.slice(0, opts.examples)) lines.push(`  - ${show(c.before)}`, `  + ${show(c.after)}`);
  }
  for (const kind of ['added', 'removed'] as const) {
    const list = Object.entries(report.articles[kind]);
    if (list.length > 0) lines.push('', `articles ${kind}: ${list.map(([id, n]) => `${id} (${n} facts)`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
