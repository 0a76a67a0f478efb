import type Database from 'better-sqlite3';
import type { Span } from '../segment/sentences.js';
import { FACT_TYPES, type ArticleFacts, type FactType, type ProcessedArticle } from '../types.js';
import { statement } from './statements.js';
import { FACT_TABLES } from './factTables.js';
import { uint32sOf } from './blobs.js';

/** An article as stored: what saveArticle was given, less what extraction made, plus where and when it was stored. */
export interface StoredArticle extends Omit<ProcessedArticle, 'facts' | 'matchedRules' | 'matches' | 'sentences'> {
  /** The id of the first-stored copy of the same story. */
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
  minhash: Buffer | null;
  captions: string;
  run_id: bigint;
  extraction_id: bigint;
  stored_at: string;
}

/** The ids of the articles in run `runId`'s dataset, in id order. */
export function listArticleIds(db: Database.Database, runId: number): string[] {
  const rows = statement(
    db,
    `SELECT a.id FROM datasets d JOIN extractions e ON e.id = d.extraction_id JOIN articles a ON a.key = e.article_key
     WHERE d.run_id = ? ORDER BY a.id`,
  ).all(runId) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * The stored article `id` and the facts run `runId`'s dataset has for it, in stored order; null when
 * there is no such article in that dataset.
 */
export function loadArticle(db: Database.Database, id: string, runId: number): { article: StoredArticle; facts: ArticleFacts } | null {
  const row = statement(
    db,
    // CROSS JOIN keeps this order (article by id, its extractions, the one in the dataset): left to itself
    // the planner went through the whole dataset for each article, and an export took minutes at 10k.
    `SELECT a.*, s.minhash, e.id AS extraction_id
     FROM articles a CROSS JOIN extractions e ON e.article_key = a.key CROSS JOIN datasets d ON d.extraction_id = e.id AND d.run_id = ?
     LEFT JOIN signatures s ON s.article_key = a.key
     WHERE a.id = ?`,
  ).safeIntegers(true).get(runId, id) as ArticleRow | undefined;
  if (!row) return null;
  const article: StoredArticle = {
    id: row.id,
    story: row.story,
    source: row.source,
    url: row.url,
    text: row.text,
    contentHash: row.content_hash,
    fingerprint: row.minhash && uint32sOf(row.minhash),
    captions: JSON.parse(row.captions) as string[],
    meta: { title: row.title, published: row.published, authors: JSON.parse(row.authors) as string[] },
    runId: Number(row.run_id),
    storedAt: row.stored_at,
  };
  const facts = Object.fromEntries(FACT_TYPES.map((type) => [type, loadFacts(db, Number(row.extraction_id), type)])) as unknown as ArticleFacts;
  return { article, facts };
}

function loadFacts<K extends FactType>(db: Database.Database, extractionId: number, type: K): ArticleFacts[K] {
  const spec = FACT_TABLES[type];
  const rows = statement(
    db,
    `SELECT ${spec.select}, f.ev_start, f.ev_end, f.rule_id FROM ${spec.table} f WHERE f.extraction_id = ? ORDER BY f.seq`,
  ).all(extractionId) as ({ ev_start: number; ev_end: number; rule_id: string } & Record<string, unknown>)[];
  return rows.map(({ ev_start, ev_end, rule_id, ...fields }) => {
    if (spec.items) fields[spec.items.field] = JSON.parse(fields[spec.items.field] as string);
    // Not `{ ...fields, evidence }`: V8 adds a property to a spread copy by its slow path (see interpret.ts).
    fields.evidence = { start: ev_start, end: ev_end, rule: rule_id };
    return fields;
  }) as unknown as ArticleFacts[K];
}

/** The packed rule matches stored with extraction `id` (extract/engine/stored-matches.ts); null if none were kept. */
export function extractionMatches(db: Database.Database, id: number): Uint8Array | null {
  const row = statement(db, 'SELECT matches FROM extractions WHERE id = ?').get(id) as { matches: Uint8Array | null } | undefined;
  return row?.matches ?? null;
}

/** The sentences the rules read when extraction `id` was made; null if they were not kept. */
export function extractionSentences(db: Database.Database, id: number): Span[] | null {
  const row = statement(db, 'SELECT sentences FROM extractions WHERE id = ?').get(id) as { sentences: Buffer | null } | undefined;
  if (!row?.sentences) return null;
  const pairs = uint32sOf(row.sentences);
  return Array.from({ length: pairs.length / 2 }, (_, i) => ({ start: pairs[2 * i]!, end: pairs[2 * i + 1]! }));
}
