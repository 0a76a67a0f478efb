import type Database from 'better-sqlite3';
import { FACT_TYPES, type ArticleFacts, type FactType, type ProcessedArticle } from '../types.js';
import { statement } from './database.js';
import { FACT_TABLES } from './factTables.js';

/** An article as stored: what saveArticle was given, less the facts, plus where and when it was stored. */
export interface StoredArticle extends Omit<ProcessedArticle, 'facts'> {
  /** The id of the first-stored copy of the same story; the article's own id for now. */
  story: string;
  runId: number;
  /** ISO date-time. */
  storedAt: string;
}

interface ArticleRow {
  id: string;
  story: string;
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  authors: string;
  text: string;
  content_hash: string;
  run_id: number;
  stored_at: string;
}

/** Every stored article id, in id order. */
export function listArticleIds(db: Database.Database): string[] {
  const rows = statement(db, 'SELECT id FROM articles ORDER BY id').all() as { id: string }[];
  return rows.map((r) => r.id);
}

/** The stored article `id` and its facts, in stored order; null when there is none. */
export function loadArticle(db: Database.Database, id: string): { article: StoredArticle; facts: ArticleFacts } | null {
  const row = statement(db, 'SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
  if (!row) return null;
  const article: StoredArticle = {
    id: row.id,
    story: row.story,
    source: row.source,
    url: row.url,
    text: row.text,
    contentHash: row.content_hash,
    meta: { title: row.title, published: row.published, authors: JSON.parse(row.authors) as string[] },
    runId: row.run_id,
    storedAt: row.stored_at,
  };
  const facts = Object.fromEntries(FACT_TYPES.map((type) => [type, loadFacts(db, id, type)])) as unknown as ArticleFacts;
  return { article, facts };
}

function loadFacts<K extends FactType>(db: Database.Database, articleId: string, type: K): ArticleFacts[K] {
  const spec = FACT_TABLES[type];
  const rows = statement(
    db,
    `SELECT ${spec.select}, f.ev_start, f.ev_end, f.rule_id FROM ${spec.table} f WHERE f.article_id = ? ORDER BY f.seq`,
  ).all(articleId) as Record<string, unknown>[];
  return rows.map(({ ev_start, ev_end, rule_id, ...fields }) => {
    if (spec.items) fields[spec.items.field] = JSON.parse(fields[spec.items.field] as string);
    return { ...fields, evidence: { start: ev_start, end: ev_end, rule: rule_id } };
  }) as ArticleFacts[K];
}
