import type Database from 'better-sqlite3';
import { bands, distance, MAX_DISTANCE } from '../normalize/simhash.js';
import { statement } from './database.js';

interface Candidate {
  story: string;
  simhash: bigint;
}

/**
 * The story an article to store belongs to: that of the first-stored article with the same text, or else
 * of the first-stored article whose fingerprint is within MAX_DISTANCE bits; null when it is a new story.
 */
export function storyOf(db: Database.Database, article: { contentHash: string; fingerprint: bigint | null }): string | null {
  const same = statement(db, 'SELECT story FROM articles WHERE content_hash = ? ORDER BY key LIMIT 1').get(article.contentHash) as
    | { story: string }
    | undefined;
  if (same) return same.story;
  if (article.fingerprint === null) return null;
  const near = statement(
    db,
    `SELECT a.story, a.simhash, a.key AS position FROM simhash_bands b JOIN articles a ON a.key = b.article_key
     WHERE b.band = ? AND b.value = ?`,
  ).safeIntegers(true);
  let best: (Candidate & { position: bigint }) | null = null;
  for (const [band, value] of bands(article.fingerprint)) {
    for (const c of near.all(band, value) as (Candidate & { position: bigint })[]) {
      if (distance(c.simhash, article.fingerprint) <= MAX_DISTANCE && (!best || c.position < best.position)) best = c;
    }
  }
  return best?.story ?? null;
}

/** Indexes a stored article's fingerprint bands, so that later copies find it. */
export function addToStoryIndex(db: Database.Database, articleKey: number, fingerprint: bigint | null): void {
  if (fingerprint === null) return;
  const insert = statement(db, 'INSERT INTO simhash_bands (band, value, article_key) VALUES (?, ?, ?)');
  for (const [band, value] of bands(fingerprint)) insert.run(band, value, articleKey);
}
