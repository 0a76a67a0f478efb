import type Database from 'better-sqlite3';
import { FACT_TYPES, type ArticleFacts, type FactType, type ProcessedArticle } from '../types.js';
import { statement } from './database.js';
import { FACT_TABLES } from './factTables.js';

export type SaveStatus = 'stored' | 'updated' | 'duplicate';

/**
 * Stores one article and its facts in one transaction. Stored once per content:
 * if an article with the same content hash exists, nothing is written and
 * {status:'duplicate', id: existingId} is returned. If the same article id exists
 * with other content, its row and facts are replaced ({status:'updated'}).
 * Else {status:'stored'}.
 */
export function saveArticle(
  db: Database.Database,
  article: ProcessedArticle,
  runId: number,
): { status: SaveStatus; id: string } {
  const save = db.transaction((): { status: SaveStatus; id: string } => {
    const same = statement(db, 'SELECT id FROM articles WHERE content_hash = ?').get(article.contentHash) as
      | { id: string }
      | undefined;
    if (same) return { status: 'duplicate', id: same.id };
    // The old facts go with the old row (ON DELETE CASCADE).
    const { changes } = statement(db, 'DELETE FROM articles WHERE id = ?').run(article.id);
    insertArticle(db, article, runId);
    for (const type of FACT_TYPES) insertFacts(db, article.id, type, article.facts[type]);
    return { status: changes > 0 ? 'updated' : 'stored', id: article.id };
  });
  try {
    return save.immediate();
  } catch (cause) {
    throw new Error(`cannot store article ${article.id} (${article.source})`, { cause });
  }
}

function insertArticle(db: Database.Database, article: ProcessedArticle, runId: number): void {
  statement(
    db,
    `INSERT INTO articles (id, story, source, url, title, published, authors, text, content_hash, run_id, stored_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    article.id,
    article.id,
    article.source,
    article.url,
    article.meta.title,
    article.meta.published,
    JSON.stringify(article.meta.authors),
    article.text,
    article.contentHash,
    runId,
    new Date().toISOString(),
  );
}

function insertFacts<K extends FactType>(
  db: Database.Database,
  articleId: string,
  type: K,
  facts: ArticleFacts[K],
): void {
  const spec = FACT_TABLES[type];
  const columns = ['article_id', 'seq', ...spec.columns, 'ev_start', 'ev_end', 'rule_id'];
  const insert = statement(
    db,
    `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const items = spec.items;
  const insertItem =
    items && statement(db, `INSERT INTO ${items.table} (${items.parent}, seq, ${items.column}) VALUES (?, ?, ?)`);
  facts.forEach((fact, seq) => {
    // A field the extractor left out is unknown, the same as null.
    const values = spec.values(fact).map((v) => v ?? null);
    const { start, end, rule } = fact.evidence;
    const { lastInsertRowid } = insert.run(articleId, seq, ...values, start, end, rule);
    if (items && insertItem) items.of(fact).forEach((item, i) => insertItem.run(lastInsertRowid, i, item));
  });
}
