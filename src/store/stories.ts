import type Database from 'better-sqlite3';
import { bands, MIN_SIMILARITY, similarity } from '../normalize/minhash.js';
import { uint32sOf } from './blobs.js';
import { statement } from './database.js';

/** Candidates checked per band, earliest first: bounds the work for an article like very many others. */
const CANDIDATES_PER_BAND = 64;

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
  const near = statement(
    db,
    `SELECT a.key, a.story, a.minhash FROM minhash_bands b JOIN articles a ON a.key = b.article_key
     WHERE b.band = ? AND b.value = ? ORDER BY b.article_key LIMIT ${CANDIDATES_PER_BAND}`,
  );
  let best: { key: number; story: string } | null = null;
  for (const [band, value] of bands(article.fingerprint)) {
    for (const c of near.all(band, value) as { key: number; story: string; minhash: Buffer }[]) {
      if ((!best || c.key < best.key) && similarity(uint32sOf(c.minhash), article.fingerprint) >= MIN_SIMILARITY) best = c;
    }
  }
  return best?.story ?? null;
}

/** Indexes a stored article's signature bands, so that later copies find it. */
export function addToStoryIndex(db: Database.Database, articleKey: number, signature: Uint32Array | null): void {
  if (signature === null) return;
  const insert = statement(db, 'INSERT OR IGNORE INTO minhash_bands (band, value, article_key) VALUES (?, ?, ?)');
  for (const [band, value] of bands(signature)) insert.run(band, value, articleKey);
}

