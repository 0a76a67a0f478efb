import type Database from 'better-sqlite3';
import { FACT_TYPES, type ArticleFacts, type FactType, type ProcessedArticle } from '../types.js';
import { blobOf } from './blobs.js';
import { statement } from './statements.js';
import { FACT_TABLES } from './factTables.js';
import { addToStoryIndex, storyOf } from './stories.js';

/** `unchanged`: the article is stored with this very text already; nothing was written. */
export type SaveStatus = 'stored' | 'updated' | 'unchanged';

export interface SavedArticle {
  status: SaveStatus;
  /** The stored version's key (articles.key), which its extractions reference. */
  key: number;
  story: string;
}

/**
 * Stores one article (its text and metadata, not its facts: see saveExtraction). The same id with the
 * same text is left alone. The same id with another text is stored as a new version: the old one stays
 * until no kept dataset uses it, so that readers keep seeing the published dataset whole. A new article
 * joins the story of an earlier copy of its text, if any. Call inside a transaction.
 */
export function saveArticle(db: Database.Database, article: ProcessedArticle, runId: number): SavedArticle {
  const latest = statement(db, 'SELECT key, content_hash, story FROM articles WHERE id = ? ORDER BY key DESC LIMIT 1').get(article.id) as
    | { key: number; content_hash: string; story: string }
    | undefined;
  if (latest?.content_hash === article.contentHash) return { status: 'unchanged', key: latest.key, story: latest.story };
  const story = storyOf(db, article) ?? article.id;
  const { lastInsertRowid } = statement(
    db,
    `INSERT INTO articles (id, story, source, url, title, published, authors, text, captions, content_hash, run_id, stored_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    article.id,
    story,
    article.source,
    article.url,
    article.meta.title,
    article.meta.published,
    JSON.stringify(article.meta.authors),
    article.text,
    JSON.stringify(article.captions),
    article.contentHash,
    runId,
    new Date().toISOString(),
  );
  const key = Number(lastInsertRowid);
  addToStoryIndex(db, key, article.fingerprint);
  return { status: latest ? 'updated' : 'stored', key, story };
}

/**
 * Stores what rule set `ruleset` read from a stored article version: one extraction row and its facts,
 * replacing an earlier extraction of the same version by the same rule set. Returns the extraction's id.
 */
export function saveExtraction(
  db: Database.Database,
  articleKey: number,
  extraction: { ruleset: string; runId: number; facts: ArticleFacts } & Pick<ProcessedArticle, 'matchedRules' | 'matches' | 'sentences'>,
): number {
  statement(db, 'DELETE FROM extractions WHERE article_key = ? AND ruleset = ?').run(articleKey, extraction.ruleset);
  const { lastInsertRowid } = statement(
    db,
    'INSERT INTO extractions (article_key, ruleset, run_id, matched_rules, matches, sentences) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    articleKey,
    extraction.ruleset,
    extraction.runId,
    JSON.stringify(extraction.matchedRules),
    extraction.matches,
    blobOf(extraction.sentences),
  );
  const extractionId = Number(lastInsertRowid);
  for (const type of FACT_TYPES) insertFacts(db, extractionId, articleKey, type, extraction.facts[type]);
  return extractionId;
}

/** Per fact type, its INSERT and that of its list items, built once (a statement is looked up by its SQL). */
const INSERTS = Object.fromEntries(
  FACT_TYPES.map((type) => {
    const { table, columns: fields, items } = FACT_TABLES[type];
    const columns = ['extraction_id', 'article_key', 'seq', ...fields, 'ev_start', 'ev_end', 'rule_id'];
    return [
      type,
      {
        fact: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        item: items ? `INSERT INTO ${items.table} (${items.parent}, seq, ${items.column}) VALUES (?, ?, ?)` : null,
      },
    ];
  }),
) as Record<FactType, { fact: string; item: string | null }>;

function insertFacts<K extends FactType>(
  db: Database.Database,
  extractionId: number,
  articleKey: number,
  type: K,
  facts: ArticleFacts[K],
): void {
  if (facts.length === 0) return;
  const spec = FACT_TABLES[type];
  const insert = statement(db, INSERTS[type].fact);
  const items = spec.items;
  const insertItem = items && statement(db, INSERTS[type].item!);
  facts.forEach((fact, seq) => {
    // A field the extractor left out is unknown, the same as null.
    const values = spec.values(fact).map((v) => v ?? null);
    const { start, end, rule } = fact.evidence;
    const { lastInsertRowid } = insert.run(extractionId, articleKey, seq, ...values, start, end, rule);
    if (items && insertItem) items.of(fact).forEach((item, i) => insertItem.run(lastInsertRowid, i, item));
  });
}
