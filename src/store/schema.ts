// The dataset's SQL schema, as ordered migration steps. A step, once applied to
// a file, is never edited: a change to the schema is a new step at the end.
// docs/SCHEMA.md describes every table, view and column.

export interface Migration {
  version: number;
  name: string;
  sql: string;
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

/** Every fact row belongs to one article and has a place (seq, from 0) in that article's list. */
const FACT_HEAD = `
  id         INTEGER PRIMARY KEY,
  article_id TEXT    NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL`;

/** The article columns every view starts with. */
const VIEW_ARTICLE = `a.id AS article_id, a.story, a.source, a.title AS article_title, a.published`;

/** The columns every view ends with; substr counts characters, the same as the offsets for BMP text. */
const VIEW_EVIDENCE = (f: string) =>
  `${f}.ev_start, ${f}.ev_end, ${f}.rule_id, substr(a.text, ${f}.ev_start + 1, ${f}.ev_end - ${f}.ev_start) AS evidence_text`;

const VIEW_CLUSTER = (f: string) => `coalesce(${f}.cluster_no, ${f}.cluster_label) AS cluster`;

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

CREATE TABLE events (${FACT_HEAD},
  kind  TEXT NOT NULL CHECK (kind IN ('review', 'pledge', 'midyear', 'other')),
  ${CLUSTER},
  year  INTEGER,
  date  TEXT,
  place TEXT,
  ${EVIDENCE},
  ${ONE_CLUSTER},
  UNIQUE (article_id, seq)
);

CREATE TABLE clusters (${FACT_HEAD},
  ${CLUSTER},
  label TEXT NOT NULL,
  scope TEXT,
  block TEXT,
  ${EVIDENCE},
  ${ONE_CLUSTER},
  CHECK (cluster_no IS NOT NULL OR cluster_label IS NOT NULL),
  UNIQUE (article_id, seq)
);

CREATE TABLE members (${FACT_HEAD},
  ${CLUSTER},
  year INTEGER,
  unit TEXT NOT NULL,
  ${EVIDENCE},
  ${ONE_CLUSTER},
  UNIQUE (article_id, seq)
);

CREATE TABLE chairs (${FACT_HEAD},
  ${CLUSTER},
  year INTEGER,
  unit TEXT NOT NULL,
  ${EVIDENCE},
  ${ONE_CLUSTER},
  UNIQUE (article_id, seq)
);

CREATE TABLE handovers (${FACT_HEAD},
  ${CLUSTER},
  year      INTEGER,
  from_unit TEXT,
  to_unit   TEXT NOT NULL,
  ${EVIDENCE},
  ${ONE_CLUSTER},
  UNIQUE (article_id, seq)
);

CREATE TABLE officials (${FACT_HEAD},
  name TEXT NOT NULL,
  rank TEXT,
  ${EVIDENCE},
  UNIQUE (article_id, seq)
);

CREATE TABLE official_titles (
  official_id INTEGER NOT NULL REFERENCES officials(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  title       TEXT    NOT NULL,
  PRIMARY KEY (official_id, seq)
);

CREATE TABLE awards (${FACT_HEAD},
  ${CLUSTER},
  year      INTEGER,
  award     TEXT,
  recipient TEXT CHECK (recipient IN ('collective', 'individual', 'unit')),
  count     INTEGER,
  status    TEXT NOT NULL CHECK (status IN ('granted', 'proposed')),
  ${EVIDENCE},
  ${ONE_CLUSTER},
  UNIQUE (article_id, seq)
);

CREATE TABLE award_units (
  award_id INTEGER NOT NULL REFERENCES awards(id) ON DELETE CASCADE,
  seq      INTEGER NOT NULL,
  unit     TEXT    NOT NULL,
  PRIMARY KEY (award_id, seq)
);

CREATE INDEX events_cluster_no ON events(cluster_no, year);
CREATE INDEX events_cluster_label ON events(cluster_label, year);
CREATE INDEX events_year ON events(year);
CREATE INDEX clusters_cluster_no ON clusters(cluster_no);
CREATE INDEX clusters_cluster_label ON clusters(cluster_label);
CREATE INDEX members_cluster_no ON members(cluster_no, year);
CREATE INDEX members_cluster_label ON members(cluster_label, year);
CREATE INDEX members_year ON members(year);
CREATE INDEX members_unit ON members(unit);
CREATE INDEX chairs_cluster_no ON chairs(cluster_no, year);
CREATE INDEX chairs_cluster_label ON chairs(cluster_label, year);
CREATE INDEX chairs_year ON chairs(year);
CREATE INDEX chairs_unit ON chairs(unit);
CREATE INDEX handovers_cluster_no ON handovers(cluster_no, year);
CREATE INDEX handovers_cluster_label ON handovers(cluster_label, year);
CREATE INDEX handovers_year ON handovers(year);
CREATE INDEX handovers_to_unit ON handovers(to_unit);
CREATE INDEX officials_name ON officials(name);
CREATE INDEX official_titles_title ON official_titles(title);
CREATE INDEX awards_cluster_no ON awards(cluster_no, year);
CREATE INDEX awards_cluster_label ON awards(cluster_label, year);
CREATE INDEX awards_year ON awards(year);
CREATE INDEX award_units_unit ON award_units(unit);

CREATE VIEW v_events AS
SELECT ${VIEW_ARTICLE}, e.seq, e.kind, ${VIEW_CLUSTER('e')}, e.year, e.date, e.place, ${VIEW_EVIDENCE('e')}
FROM events e JOIN articles a ON a.id = e.article_id;

CREATE VIEW v_clusters AS
SELECT ${VIEW_ARTICLE}, k.seq, ${VIEW_CLUSTER('k')}, k.label, k.scope, k.block, ${VIEW_EVIDENCE('k')}
FROM clusters k JOIN articles a ON a.id = k.article_id;

CREATE VIEW v_members AS
SELECT ${VIEW_ARTICLE}, m.seq, ${VIEW_CLUSTER('m')}, m.year, m.unit, ${VIEW_EVIDENCE('m')}
FROM members m JOIN articles a ON a.id = m.article_id;

CREATE VIEW v_chairs AS
SELECT ${VIEW_ARTICLE}, c.seq, ${VIEW_CLUSTER('c')}, c.year, c.unit, ${VIEW_EVIDENCE('c')}
FROM chairs c JOIN articles a ON a.id = c.article_id;

CREATE VIEW v_handovers AS
SELECT ${VIEW_ARTICLE}, h.seq, ${VIEW_CLUSTER('h')}, h.year, h.from_unit, h.to_unit, ${VIEW_EVIDENCE('h')}
FROM handovers h JOIN articles a ON a.id = h.article_id;

CREATE VIEW v_officials AS
SELECT ${VIEW_ARTICLE}, o.seq, o.name, o.rank,
  (SELECT count(*) FROM official_titles t WHERE t.official_id = o.id) AS title_count,
  (SELECT group_concat(t.title, ' | ' ORDER BY t.seq) FROM official_titles t WHERE t.official_id = o.id) AS titles,
  ${VIEW_EVIDENCE('o')}
FROM officials o JOIN articles a ON a.id = o.article_id;

CREATE VIEW v_awards AS
SELECT ${VIEW_ARTICLE}, w.seq, ${VIEW_CLUSTER('w')}, w.year, w.award, w.recipient, w.count, w.status,
  (SELECT count(*) FROM award_units u WHERE u.award_id = w.id) AS unit_count,
  (SELECT group_concat(u.unit, ' | ' ORDER BY u.seq) FROM award_units u WHERE u.award_id = w.id) AS units,
  ${VIEW_EVIDENCE('w')}
FROM awards w JOIN articles a ON a.id = w.article_id;
`;

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial schema', sql: INITIAL }];

export const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
