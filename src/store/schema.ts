// The dataset's SQL schema, as ordered migration steps. A step, once applied to
// a file, is never edited: a change to the schema is a new step at the end.
// docs/SCHEMA.md describes every table, view and column.

import type Database from 'better-sqlite3';
import { FACT_TABLES } from './factTables.js';
import { signStoredArticles } from './stories.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** What SQL cannot do, run after `sql` in the same transaction. */
  after?: (db: Database.Database) => void;
}

/** Columns every fact table ends with: the evidence span in articles.text and the rule that read it. */
const EVIDENCE = `
  ev_start INTEGER NOT NULL CHECK (ev_start >= 0),
  ev_end   INTEGER NOT NULL CHECK (ev_end >= ev_start),
  rule_id  TEXT    NOT NULL`;

/** A numbered cluster is stored in cluster_no, a bloc known only by its label in cluster_label; both null is unknown. */
const CLUSTER = `
  cluster_no    INTEGER,
  cluster_label TEXT`;
const ONE_CLUSTER = 'CHECK (cluster_no IS NULL OR cluster_label IS NULL)';

/** How fact rows are tied to what they were read from: the head columns and the key of a row's place. */
interface FactOwner {
  head: string;
  key: string;
  /** The CREATE INDEX statements on the fact tables' cluster columns. */
  clusterIndexes: string;
}

/** Schemas 1–3 index the two cluster columns apart (a view's merged `cluster` could use neither). */
const CLUSTER_COLUMN_INDEXES = `
CREATE INDEX events_cluster_no ON events(cluster_no, year);
CREATE INDEX events_cluster_label ON events(cluster_label, year);
CREATE INDEX clusters_cluster_no ON clusters(cluster_no);
CREATE INDEX clusters_cluster_label ON clusters(cluster_label);
CREATE INDEX members_cluster_no ON members(cluster_no, year);
CREATE INDEX members_cluster_label ON members(cluster_label, year);
CREATE INDEX chairs_cluster_no ON chairs(cluster_no, year);
CREATE INDEX chairs_cluster_label ON chairs(cluster_label, year);
CREATE INDEX handovers_cluster_no ON handovers(cluster_no, year);
CREATE INDEX handovers_cluster_label ON handovers(cluster_label, year);
CREATE INDEX awards_cluster_no ON awards(cluster_no, year);
CREATE INDEX awards_cluster_label ON awards(cluster_label, year);`;

/**
 * Schema 4 indexes the views' merged cluster, the expression they select (`WHERE cluster = 6 AND year =
 * 2019` on v_members searches this index): one index per table instead of two.
 */
const MERGED_CLUSTER = 'coalesce(cluster_no, cluster_label)';
const MERGED_CLUSTER_INDEXES = `
CREATE INDEX events_cluster ON events(${MERGED_CLUSTER}, year);
CREATE INDEX clusters_cluster ON clusters(${MERGED_CLUSTER});
CREATE INDEX members_cluster ON members(${MERGED_CLUSTER}, year);
CREATE INDEX chairs_cluster ON chairs(${MERGED_CLUSTER}, year);
CREATE INDEX handovers_cluster ON handovers(${MERGED_CLUSTER}, year);
CREATE INDEX awards_cluster ON awards(${MERGED_CLUSTER}, year);`;

/** Schema 1: every fact row belongs to one article and has a place (seq, from 0) in that article's list. */
const BY_ARTICLE: FactOwner = {
  head: `
  id         INTEGER PRIMARY KEY,
  article_id TEXT    NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL`,
  key: 'UNIQUE (article_id, seq)',
  clusterIndexes: CLUSTER_COLUMN_INDEXES,
};

/**
 * Schema 2: a fact row belongs to one extraction (one version of an article read by one rule set) and
 * has a place in its list; article_key (the version) saves views a join.
 */
const BY_EXTRACTION: FactOwner = {
  head: `
  id            INTEGER PRIMARY KEY,
  extraction_id INTEGER NOT NULL REFERENCES extractions(id) ON DELETE CASCADE,
  article_key   INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
  seq           INTEGER NOT NULL`,
  key: 'UNIQUE (extraction_id, seq)',
  clusterIndexes: CLUSTER_COLUMN_INDEXES,
};

/**
 * Schema 4: the same, article_key without a foreign key. The extraction's cascade already deletes a
 * version's facts; the key's own cascade made SQLite scan every fact table for each deleted article
 * version (no index leads with article_key: 50 ms per version in a 10,000-article file), and its check
 * on every insert cost a run over 10,000 articles about 3 s of CPU.
 */
const BY_EXTRACTION_V4: FactOwner = {
  head: BY_EXTRACTION.head.replace(/(article_key +INTEGER NOT NULL) REFERENCES articles\(key\) ON DELETE CASCADE/, '$1'),
  key: BY_EXTRACTION.key,
  clusterIndexes: MERGED_CLUSTER_INDEXES,
};

/** The article columns every view starts with. */
const VIEW_ARTICLE = `a.id AS article_id, a.story, a.source, a.title AS article_title, a.published`;

/** The columns every view ends with; substr counts characters, the same as the offsets for BMP text. */
const VIEW_EVIDENCE = (f: string) =>
  `${f}.ev_start, ${f}.ev_end, ${f}.rule_id, substr(a.text, ${f}.ev_start + 1, ${f}.ev_end - ${f}.ev_start) AS evidence_text`;

const VIEW_CLUSTER = (f: string) => `coalesce(${f}.cluster_no, ${f}.cluster_label) AS cluster`;


/** The fact tables and their indexes. */
const factTables = (o: FactOwner): string => `
CREATE TABLE events (${o.head},
  kind  TEXT NOT NULL CHECK (kind IN ('review', 'pledge', 'midyear', 'other')),
  ${CLUSTER},
  year  INTEGER,
  date  TEXT,
  place TEXT,
  ${EVIDENCE},
  ${ONE_CLUSTER},
  ${o.key}
);

CREATE TABLE clusters (${o.head},
  ${CLUSTER},
  label TEXT NOT NULL,
  scope TEXT,
  block TEXT,
  ${EVIDENCE},
  ${ONE_CLUSTER},
  CHECK (cluster_no IS NOT NULL OR cluster_label IS NOT NULL),
  ${o.key}
);

CREATE TABLE members (${o.head},
  ${CLUSTER},
  year INTEGER,
  unit TEXT NOT NULL,
  ${EVIDENCE},
  ${ONE_CLUSTER},
  ${o.key}
);

CREATE TABLE chairs (${o.head},
  ${CLUSTER},
  year INTEGER,
  unit TEXT NOT NULL,
  ${EVIDENCE},
  ${ONE_CLUSTER},
  ${o.key}
);

CREATE TABLE handovers (${o.head},
  ${CLUSTER},
  year      INTEGER,
  from_unit TEXT,
  to_unit   TEXT NOT NULL,
  ${EVIDENCE},
  ${ONE_CLUSTER},
  ${o.key}
);

CREATE TABLE officials (${o.head},
  name TEXT NOT NULL,
  rank TEXT,
  ${EVIDENCE},
  ${o.key}
);

CREATE TABLE official_titles (
  official_id INTEGER NOT NULL REFERENCES officials(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  title       TEXT    NOT NULL,
  PRIMARY KEY (official_id, seq)
);

CREATE TABLE awards (${o.head},
  ${CLUSTER},
  year      INTEGER,
  award     TEXT,
  recipient TEXT CHECK (recipient IN ('collective', 'individual', 'unit')),
  count     INTEGER,
  status    TEXT NOT NULL CHECK (status IN ('granted', 'proposed')),
  ${EVIDENCE},
  ${ONE_CLUSTER},
  ${o.key}
);

CREATE TABLE award_units (
  award_id INTEGER NOT NULL REFERENCES awards(id) ON DELETE CASCADE,
  seq      INTEGER NOT NULL,
  unit     TEXT    NOT NULL,
  PRIMARY KEY (award_id, seq)
);

${o.clusterIndexes}
CREATE INDEX events_year ON events(year);
CREATE INDEX members_year ON members(year);
CREATE INDEX members_unit ON members(unit);
CREATE INDEX chairs_year ON chairs(year);
CREATE INDEX chairs_unit ON chairs(unit);
CREATE INDEX handovers_year ON handovers(year);
CREATE INDEX handovers_to_unit ON handovers(to_unit);
CREATE INDEX officials_name ON officials(name);
CREATE INDEX official_titles_title ON official_titles(title);
CREATE INDEX awards_year ON awards(year);
CREATE INDEX award_units_unit ON award_units(unit);
`;

/**
 * How a view reaches its facts' articles: schema 1 joins every fact; schema 2 only the facts of the
 * published dataset (one extraction per article), and each story once (its first-stored copy).
 */
interface ViewScope {
  /** The view's name for a fact table (schema 2 also has history views over every kept run). */
  name: (base: string) => string;
  /** Columns that come first (a history view starts with run_id). */
  lead: string;
  join: (alias: string) => string;
  /** A list field's items joined with ' | ', in order; `table` is "name alias". */
  list: (column: string, table: string, parent: string, id: string) => string;
}

/** Schema 1's list column: `group_concat(… ORDER BY …)` needs SQLite 3.44, newer than many analysts' sqlite3 shell. */
const ORDERED_AGGREGATE = (column: string, table: string, parent: string, id: string): string => {
  const alias = table.split(' ')[1];
  return `(SELECT group_concat(${alias}.${column}, ' | ' ORDER BY ${alias}.seq) FROM ${table} WHERE ${alias}.${parent} = ${id})`;
};

/** Schema 2's: aggregating an ordered subquery keeps the order in every SQLite version. */
const ORDERED_SUBQUERY = (column: string, table: string, parent: string, id: string): string =>
  `(SELECT group_concat(${column}, ' | ') FROM (SELECT ${column} FROM ${table.split(' ')[0]} WHERE ${parent} = ${id} ORDER BY seq))`;

const BY_ARTICLE_VIEWS: ViewScope = {
  name: (base) => `v_${base}`,
  lead: '',
  join: (f) => `JOIN articles a ON a.id = ${f}.article_id`,
  list: ORDERED_AGGREGATE,
};

const views = (v: ViewScope): string => `
CREATE VIEW ${v.name('events')} AS
SELECT ${v.lead}${VIEW_ARTICLE}, e.seq, e.kind, ${VIEW_CLUSTER('e')}, e.year, e.date, e.place, ${VIEW_EVIDENCE('e')}
FROM events e ${v.join('e')};

CREATE VIEW ${v.name('clusters')} AS
SELECT ${v.lead}${VIEW_ARTICLE}, k.seq, ${VIEW_CLUSTER('k')}, k.label, k.scope, k.block, ${VIEW_EVIDENCE('k')}
FROM clusters k ${v.join('k')};

CREATE VIEW ${v.name('members')} AS
SELECT ${v.lead}${VIEW_ARTICLE}, m.seq, ${VIEW_CLUSTER('m')}, m.year, m.unit, ${VIEW_EVIDENCE('m')}
FROM members m ${v.join('m')};

CREATE VIEW ${v.name('chairs')} AS
SELECT ${v.lead}${VIEW_ARTICLE}, c.seq, ${VIEW_CLUSTER('c')}, c.year, c.unit, ${VIEW_EVIDENCE('c')}
FROM chairs c ${v.join('c')};

CREATE VIEW ${v.name('handovers')} AS
SELECT ${v.lead}${VIEW_ARTICLE}, h.seq, ${VIEW_CLUSTER('h')}, h.year, h.from_unit, h.to_unit, ${VIEW_EVIDENCE('h')}
FROM handovers h ${v.join('h')};

CREATE VIEW ${v.name('officials')} AS
SELECT ${v.lead}${VIEW_ARTICLE}, o.seq, o.name, o.rank,
  (SELECT count(*) FROM official_titles t WHERE t.official_id = o.id) AS title_count,
  ${v.list('title', 'official_titles t', 'official_id', 'o.id')} AS titles,
  ${VIEW_EVIDENCE('o')}
FROM officials o ${v.join('o')};

CREATE VIEW ${v.name('awards')} AS
SELECT ${v.lead}${VIEW_ARTICLE}, w.seq, ${VIEW_CLUSTER('w')}, w.year, w.award, w.recipient, w.count, w.status,
  (SELECT count(*) FROM award_units u WHERE u.award_id = w.id) AS unit_count,
  ${v.list('unit', 'award_units u', 'award_id', 'w.id')} AS units,
  ${VIEW_EVIDENCE('w')}
FROM awards w ${v.join('w')};
`;

const INITIAL = `
CREATE TABLE runs (
  id           INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  rules_hash   TEXT NOT NULL,
  code_version TEXT NOT NULL,
  inputs       TEXT NOT NULL CHECK (json_valid(inputs)),
  counts       TEXT CHECK (counts IS NULL OR json_valid(counts))
);

CREATE TABLE faults (
  id     INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  source TEXT    NOT NULL,
  record INTEGER,
  reason TEXT    NOT NULL
);
CREATE INDEX faults_run ON faults(run_id);

CREATE TABLE articles (
  id           TEXT PRIMARY KEY,
  story        TEXT NOT NULL,
  source       TEXT NOT NULL,
  url          TEXT,
  title        TEXT,
  published    TEXT,
  authors      TEXT NOT NULL CHECK (json_valid(authors)),
  text         TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  run_id       INTEGER NOT NULL REFERENCES runs(id),
  stored_at    TEXT NOT NULL
);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_published ON articles(published);
${factTables(BY_ARTICLE)}${views(BY_ARTICLE_VIEWS)}`;

/** Schema 2's views: the published dataset, each story once. */
const PUBLISHED_VIEWS: ViewScope = {
  name: (base) => `v_${base}`,
  lead: '',
  join: (f) => `JOIN v_published p ON p.extraction_id = ${f}.extraction_id JOIN articles a ON a.key = ${f}.article_key AND a.story = a.id`,
  list: ORDERED_SUBQUERY,
};

/** Schema 2's history views: every kept run's dataset, every copy, with the run's id first. */
const HISTORY_VIEWS: ViewScope = {
  name: (base) => `h_${base}`,
  lead: 'd.run_id, ',
  join: (f) => `JOIN datasets d ON d.extraction_id = ${f}.extraction_id JOIN articles a ON a.key = ${f}.article_key`,
  list: ORDERED_SUBQUERY,
};

const VERSIONED = `
DROP VIEW v_events;
DROP VIEW v_clusters;
DROP VIEW v_members;
DROP VIEW v_chairs;
DROP VIEW v_handovers;
DROP VIEW v_officials;
DROP VIEW v_awards;
DROP TABLE official_titles;
DROP TABLE award_units;
DROP TABLE events;
DROP TABLE clusters;
DROP TABLE members;
DROP TABLE chairs;
DROP TABLE handovers;
DROP TABLE officials;
DROP TABLE awards;

CREATE TABLE articles_v2 (
  key          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL,
  story        TEXT NOT NULL,
  source       TEXT NOT NULL,
  url          TEXT,
  title        TEXT,
  published    TEXT,
  authors      TEXT NOT NULL CHECK (json_valid(authors)),
  text         TEXT NOT NULL,
  captions     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(captions)),
  content_hash TEXT NOT NULL,
  minhash      BLOB,
  run_id       INTEGER NOT NULL REFERENCES runs(id),
  stored_at    TEXT NOT NULL,
  UNIQUE (id, content_hash)
);
INSERT INTO articles_v2 (id, story, source, url, title, published, authors, text, content_hash, run_id, stored_at)
SELECT id, story, source, url, title, published, authors, text, content_hash, run_id, stored_at FROM articles ORDER BY rowid;
DROP TABLE articles;
ALTER TABLE articles_v2 RENAME TO articles;
CREATE INDEX articles_id ON articles(id, key);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_content ON articles(content_hash);

CREATE TABLE rulesets (
  id       TEXT PRIMARY KEY,
  manifest TEXT NOT NULL CHECK (json_valid(manifest))
);

CREATE TABLE ruleset_sources (
  sources TEXT PRIMARY KEY,
  ruleset TEXT NOT NULL REFERENCES rulesets(id)
);

CREATE TABLE extractions (
  id            INTEGER PRIMARY KEY,
  article_key   INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
  ruleset       TEXT    NOT NULL REFERENCES rulesets(id),
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  matched_rules TEXT    NOT NULL CHECK (json_valid(matched_rules)),
  UNIQUE (article_key, ruleset)
);

CREATE TABLE datasets (
  run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  extraction_id INTEGER NOT NULL REFERENCES extractions(id) ON DELETE CASCADE,
  PRIMARY KEY (run_id, extraction_id)
) WITHOUT ROWID;
CREATE INDEX datasets_extraction ON datasets(extraction_id);

CREATE TABLE published (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  run_id       INTEGER NOT NULL REFERENCES runs(id),
  published_at TEXT    NOT NULL
);

CREATE VIEW v_published AS
SELECT d.extraction_id FROM datasets d JOIN published p ON p.run_id = d.run_id;

CREATE TABLE inputs (
  path      TEXT PRIMARY KEY,
  size      INTEGER NOT NULL,
  mtime_ms  REAL    NOT NULL,
  run_id    INTEGER NOT NULL REFERENCES runs(id),
  documents INTEGER NOT NULL,
  faults    INTEGER NOT NULL
);

CREATE TABLE minhash_bands (
  band       INTEGER NOT NULL,
  value      INTEGER NOT NULL,
  article_key INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
  PRIMARY KEY (band, value, article_key)
) WITHOUT ROWID;

CREATE VIEW v_story_copies AS
SELECT a.story, a.id AS article_id, a.source, a.url, a.title AS article_title, a.published, a.stored_at
FROM v_published p JOIN extractions e ON e.id = p.extraction_id JOIN articles a ON a.key = e.article_key;
${factTables(BY_EXTRACTION)}
CREATE INDEX events_extraction ON events(extraction_id);
CREATE INDEX clusters_extraction ON clusters(extraction_id);
CREATE INDEX members_extraction ON members(extraction_id);
CREATE INDEX chairs_extraction ON chairs(extraction_id);
CREATE INDEX handovers_extraction ON handovers(extraction_id);
CREATE INDEX officials_extraction ON officials(extraction_id);
CREATE INDEX awards_extraction ON awards(extraction_id);
${views(PUBLISHED_VIEWS)}
${views(HISTORY_VIEWS)}`;

const CHECKED = `
ALTER TABLE extractions ADD COLUMN matches BLOB;
ALTER TABLE extractions ADD COLUMN sentences BLOB;
CREATE TABLE safe_patterns (
  hash TEXT PRIMARY KEY
) WITHOUT ROWID;`;

const FACT_TABLE_NAMES = Object.values(FACT_TABLES).map((f) => f.table);
/** The fact tables and their item tables, items first (dropped before the facts they belong to). */
const REBUILT_TABLES = [...Object.values(FACT_TABLES).flatMap((f) => (f.items ? [f.items.table] : [])), ...FACT_TABLE_NAMES];

/**
 * Schema 4 rebuilds the fact tables (SQLite cannot drop a constraint): the old ones are renamed aside,
 * their indexes dropped (names are per file), the new ones made by the same generator and filled in the
 * same column order. Without the extraction_id indexes, which UNIQUE (extraction_id, seq) already gives.
 * minhash_bands gets an index on article_key, for its cascade when an article version is deleted. The
 * signatures move out of articles into a narrow table: after a text of a few KB a row's last column sits
 * in an overflow page, and reading the signatures of an article's possible copies read their texts too
 * (163 µs per stored article on 10,000 generated ones, 27 µs of it finding them). The signatures are made
 * again from the texts (signStoredArticles: one permutation hashing replaced a hundred hash functions, and
 * signatures of the two kinds cannot be compared).
 */
const FACTS_BY_EXTRACTION_ONLY = `
${FACT_TABLE_NAMES.flatMap((t) => [`DROP VIEW v_${t};`, `DROP VIEW h_${t};`]).join('\n')}
${[...VERSIONED.matchAll(new RegExp(`^CREATE INDEX (\\w+) ON (?:${REBUILT_TABLES.join('|')})\\(`, 'gm'))].map((m) => `DROP INDEX ${m[1]};`).join('\n')}
${REBUILT_TABLES.map((t) => `ALTER TABLE ${t} RENAME TO ${t}_v3;`).join('\n')}
${factTables(BY_EXTRACTION_V4)}
${[...REBUILT_TABLES].reverse().map((t) => `INSERT INTO ${t} SELECT * FROM ${t}_v3;`).join('\n')}
${REBUILT_TABLES.map((t) => `DROP TABLE ${t}_v3;`).join('\n')}
${views(PUBLISHED_VIEWS)}
${views(HISTORY_VIEWS)}
CREATE INDEX minhash_bands_article ON minhash_bands(article_key);
CREATE TABLE signatures (
  article_key INTEGER PRIMARY KEY REFERENCES articles(key) ON DELETE CASCADE,
  minhash     BLOB NOT NULL
);
DELETE FROM minhash_bands;
ALTER TABLE articles DROP COLUMN minhash;`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: INITIAL },
  // Facts are regenerated from the stored articles by the next run (no extraction exists for its rule set yet).
  { version: 2, name: 'versioned extractions, published datasets, inputs, story signatures', sql: VERSIONED },
  // Extractions written before keep NULL: a regeneration runs every rule on those articles.
  { version: 3, name: 'rule matches and sentences kept with each extraction, patterns known safe', sql: CHECKED },
  { version: 4, name: 'facts tied to their article version through their extraction only, cluster indexes on the merged cluster, signatures apart', sql: FACTS_BY_EXTRACTION_ONLY, after: signStoredArticles },
];

export const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
