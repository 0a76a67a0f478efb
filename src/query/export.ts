import type Database from 'better-sqlite3';
import { FACT_TYPES, type ArticleFacts, type FactType } from '../types.js';
import { datasetRun } from '../store/datasets.js';
import { listArticleIds, loadArticle } from '../store/read.js';

/** One article of the facts export, exactly as CONTRACT.md pins it. */
export interface ExportedArticle extends ArticleFacts {
  article: string;
  story: string;
  source: string;
  title: string | null;
  published: string | null;
  authors: string[];
  /** The stored text that evidence spans index; only with `withText`. */
  text?: string;
}

/** Every article of the published dataset (or of kept run `run`'s) with its facts, in id order; facts in stored order. */
export function* exportArticles(db: Database.Database, opts: { withText: boolean; run?: number }): IterableIterator<ExportedArticle> {
  const run = datasetRun(db, opts.run);
  for (const id of listArticleIds(db, run)) {
    const stored = loadArticle(db, id, run);
    if (!stored) continue; // deleted since the ids were listed
    const { article, facts } = stored;
    yield {
      article: article.id,
      story: article.story,
      source: article.source,
      title: article.meta.title,
      published: article.meta.published,
      authors: article.meta.authors,
      ...facts,
      ...(opts.withText ? { text: article.text } : {}),
    };
  }
}

/** Writes one JSON object per line. */
export function writeJsonl(articles: Iterable<ExportedArticle>, out: NodeJS.WritableStream): void {
  for (const article of articles) out.write(`${JSON.stringify(article)}\n`);
}

/**
 * The CSV export's columns: one row per fact; a column that the fact's type
 * does not have is empty, and so is a null field. docs/SCHEMA.md describes them.
 */
export const CSV_COLUMNS = [
  'article', 'fact', 'cluster', 'year',
  'kind', 'date', 'place',
  'label', 'scope', 'block',
  'unit', 'from', 'to',
  'name', 'rank', 'titles',
  'award', 'recipient', 'count', 'units', 'status',
  'ev_start', 'ev_end', 'rule',
] as const;

/** Joins the items of a list field (titles, units) in one CSV cell. */
export const CSV_LIST_SEPARATOR = ' | ';

/** Writes a header line and one line per fact (RFC 4180 quoting, LF line ends). */
export function writeCsv(articles: Iterable<ExportedArticle>, out: NodeJS.WritableStream): void {
  out.write(`${CSV_COLUMNS.join(',')}\n`);
  for (const article of articles) {
    for (const type of FACT_TYPES) {
      for (const fact of article[type]) out.write(`${csvLine(csvRecord(article.article, type, fact))}\n`);
    }
  }
}

type Fact = ArticleFacts[FactType][number];

function csvRecord(article: string, type: FactType, fact: Fact): Record<string, unknown> {
  const { evidence, ...fields } = fact;
  const record: Record<string, unknown> = { article, fact: type, ...fields };
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) record[key] = value.join(CSV_LIST_SEPARATOR);
  }
  record.ev_start = evidence.start;
  record.ev_end = evidence.end;
  record.rule = evidence.rule;
  return record;
}

function csvLine(record: Record<string, unknown>): string {
  return CSV_COLUMNS.map((column) => csvCell(record[column])).join(',');
}

function csvCell(value: unknown): string {
  if (value == null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
