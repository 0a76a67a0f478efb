import type Database from 'better-sqlite3';
import { bands, BANDS, minhash, MIN_SIMILARITY, similarity } from '../normalize/minhash.js';
import { blobOf, uint32sOf } from './blobs.js';
import { statement } from './statements.js';

/** Candidates checked per band, earliest first: bounds the work for an article like very many others. */
const CANDIDATES_PER_BAND = 64;

/** The first CANDIDATES_PER_BAND articles in each of an article's bands, in one statement (one look-up per band was a third of the time spent storing an article). */
const NEAR_SQL = `SELECT a.key, a.story, s.minhash FROM signatures s JOIN articles a ON a.key = s.article_key WHERE s.article_key IN (${Array.from(
  { length: BANDS },
  () => `SELECT * FROM (SELECT article_key FROM minhash_bands WHERE band = ? AND value = ? ORDER BY article_key LIMIT ${CANDIDATES_PER_BAND})`,
).join(' UNION ALL ')})`;

const INDEX_SQL = `INSERT OR IGNORE INTO minhash_bands (band, value, article_key) VALUES ${Array.from({ length: BANDS }, () => '(?, ?, ?)').join(', ')}`;

/**
 * The story an article to store belongs to: that of the first-stored article with the same text, or else
 * of the first-stored article that shares a MinHash band with it and at least MIN_SIMILARITY of its
 * shingles; null when it is a new story.
 */
export function storyOf(db: Database.Database, article: { contentHash: string; fingerprint: Uint32Array | null }): string | null {
  const same = statement(db, 'SELECT story FROM articles WHERE content_hash = ? ORDER BY key LIMIT 1').get(article.contentHash) as
    | { story: string }
    | undefined;
  if (same) return same.story;
  if (article.fingerprint === null) return null;
  let best: { key: number; story: string } | null = null;
  for (const c of statement(db, NEAR_SQL).all(bands(article.fingerprint).flat()) as { key: number; story: string; minhash: Buffer }[]) {
    if ((!best || c.key < best.key) && similarity(uint32sOf(c.minhash), article.fingerprint) >= MIN_SIMILARITY) best = c;
  }
  return best?.story ?? null;
}

/** Stores an article's signature and indexes its bands, so that later copies find it. */
export function addToStoryIndex(db: Database.Database, articleKey: number, signature: Uint32Array | null): void {
  if (signature === null) return;
  statement(db, 'INSERT INTO signatures (article_key, minhash) VALUES (?, ?)').run(articleKey, blobOf(signature));
  statement(db, INDEX_SQL).run(bands(signature).flatMap(([band, value]) => [band, value, articleKey]));
}

/**
 * Signs and indexes every stored article again from its stored text (a schema step, when the signatures
 * change kind). A thousand at a time: a statement cannot write while another one iterates.
 */
export function signStoredArticles(db: Database.Database): void {
  const next = statement(db, 'SELECT key, text FROM articles WHERE key > ? ORDER BY key LIMIT 1000');
  for (let last = 0, rows = next.all(last) as { key: number; text: string }[]; rows.length > 0; rows = next.all(last) as typeof rows) {
    for (const { key, text } of rows) addToStoryIndex(db, (last = key), minhash(text));
  }
}
