// How each fact type maps to its table (schema.ts): the columns a fact is
// written to, and the select that reads it back with the fact's own field
// names, in the fact's key order, so that a row turns into a fact unchanged.
import type { ArticleFacts, ClusterKey, FactType } from '../types.js';

type Fact<K extends FactType> = ArticleFacts[K][number];

/** A list field kept in a child table, one row per item, in order. */
interface ItemTable<F> {
  /** The fact's field that holds the list. */
  field: string;
  table: string;
  parent: string;
  column: string;
  of(fact: F): string[];
}

export interface FactTable<F> {
  table: string;
  /** Field columns, in the order of `values`; article_id, seq and the evidence columns come on top. */
  columns: readonly string[];
  values(fact: F): unknown[];
  /** Select expressions over the table aliased `f`, one per field of the fact, named and ordered as the fact's. */
  select: string;
  /** A list field, read back by `select` as a JSON array. */
  items?: ItemTable<F>;
}

const CLUSTER_COLUMNS = ['cluster_no', 'cluster_label'] as const;
const CLUSTER_SELECT = 'coalesce(f.cluster_no, f.cluster_label) AS cluster';

/** A number goes to cluster_no, a label to cluster_label; null leaves both null. */
function clusterValues(cluster: ClusterKey | null): [number | null, string | null] {
  return typeof cluster === 'number' ? [cluster, null] : [null, cluster];
}

function itemsSelect<F>(items: ItemTable<F>): string {
  return `(SELECT json_group_array(i.${items.column} ORDER BY i.seq) FROM ${items.table} i WHERE i.${items.parent} = f.id) AS ${items.field}`;
}

const TITLES: ItemTable<Fact<'officials'>> = {
  field: 'titles',
  table: 'official_titles',
  parent: 'official_id',
  column: 'title',
  of: (f) => f.titles,
};

const UNITS: ItemTable<Fact<'awards'>> = {
  field: 'units',
  table: 'award_units',
  parent: 'award_id',
  column: 'unit',
  of: (f) => f.units,
};

export const FACT_TABLES: { [K in FactType]: FactTable<Fact<K>> } = {
  events: {
    table: 'events',
    columns: ['kind', ...CLUSTER_COLUMNS, 'year', 'date', 'place'],
    values: (f) => [f.kind, ...clusterValues(f.cluster), f.year, f.date, f.place],
    select: `f.kind, ${CLUSTER_SELECT}, f.year, f.date, f.place`,
  },
  clusters: {
    table: 'clusters',
    columns: [...CLUSTER_COLUMNS, 'label', 'scope', 'block'],
    values: (f) => [...clusterValues(f.cluster), f.label, f.scope, f.block],
    select: `${CLUSTER_SELECT}, f.label, f.scope, f.block`,
  },
  members: {
    table: 'members',
    columns: [...CLUSTER_COLUMNS, 'year', 'unit'],
    values: (f) => [...clusterValues(f.cluster), f.year, f.unit],
    select: `${CLUSTER_SELECT}, f.year, f.unit`,
  },
  chairs: {
    table: 'chairs',
    columns: [...CLUSTER_COLUMNS, 'year', 'unit'],
    values: (f) => [...clusterValues(f.cluster), f.year, f.unit],
    select: `${CLUSTER_SELECT}, f.year, f.unit`,
  },
  handovers: {
    table: 'handovers',
    columns: [...CLUSTER_COLUMNS, 'year', 'from_unit', 'to_unit'],
    values: (f) => [...clusterValues(f.cluster), f.year, f.from, f.to],
    select: `${CLUSTER_SELECT}, f.year, f.from_unit AS "from", f.to_unit AS "to"`,
  },
  officials: {
    table: 'officials',
    columns: ['name', 'rank'],
    values: (f) => [f.name, f.rank],
    select: `f.name, f.rank, ${itemsSelect(TITLES)}`,
    items: TITLES,
  },
  awards: {
    table: 'awards',
    columns: [...CLUSTER_COLUMNS, 'year', 'award', 'recipient', 'count', 'status'],
    values: (f) => [...clusterValues(f.cluster), f.year, f.award, f.recipient, f.count, f.status],
    select: `${CLUSTER_SELECT}, f.year, f.award, f.recipient, f.count, ${itemsSelect(UNITS)}, f.status`,
    items: UNITS,
  },
};
