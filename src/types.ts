// Types shared by the pipeline's stages. Data flows one way:
// ingest → normalize → segment → extract → resolve → store → query.

import type { MatchPrints } from './extract/engine/match-prints.js';

/** Where a fact was read from: a character span of the article's stored text and the rule that read it. */
export interface Evidence {
  start: number;
  end: number;
  rule: string;
}

/** A cluster's number ("số V" is 5) or, for a bloc without a number, its label as written. */
export type ClusterKey = number | string;

export type EventKind = 'review' | 'pledge' | 'midyear' | 'other';
export type Recipient = 'collective' | 'individual' | 'unit';
export type AwardStatus = 'granted' | 'proposed';

export interface EventFact {
  kind: EventKind;
  cluster: ClusterKey | null;
  year: number | null;
  date: string | null;
  place: string | null;
  evidence: Evidence;
}

export interface ClusterFact {
  cluster: ClusterKey;
  label: string;
  scope: string | null;
  block: string | null;
  evidence: Evidence;
}

export interface MemberFact {
  cluster: ClusterKey | null;
  year: number | null;
  unit: string;
  evidence: Evidence;
}

export interface ChairFact {
  cluster: ClusterKey | null;
  year: number | null;
  unit: string;
  evidence: Evidence;
}

export interface HandoverFact {
  cluster: ClusterKey | null;
  year: number | null;
  from: string | null;
  to: string;
  evidence: Evidence;
}

export interface OfficialFact {
  name: string;
  rank: string | null;
  titles: string[];
  evidence: Evidence;
}

export interface AwardFact {
  cluster: ClusterKey | null;
  year: number | null;
  award: string | null;
  recipient: Recipient | null;
  count: number | null;
  units: string[];
  status: AwardStatus;
  evidence: Evidence;
}

/** Every fact of one article, grouped as CONTRACT.md groups them. */
export interface ArticleFacts {
  events: EventFact[];
  clusters: ClusterFact[];
  members: MemberFact[];
  chairs: ChairFact[];
  handovers: HandoverFact[];
  officials: OfficialFact[];
  awards: AwardFact[];
}

export const FACT_TYPES = ['events', 'clusters', 'members', 'chairs', 'handovers', 'officials', 'awards'] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** What the page or text says about itself. */
export interface ArticleMeta {
  title: string | null;
  /** ISO date (YYYY-MM-DD) or date-time, as precise as the source gives it. */
  published: string | null;
  authors: string[];
}

/**
 * One document as ingestion hands it on: its text not yet normalized, plus what
 * the container (HTML head, crawl record) said about it.
 */
export interface RawDocument {
  /** Stable id: the input file's stem, or for a crawl record a hash of its URL. */
  id: string;
  /** The input path, with `#N` appended for record N (1-based line) of a JSONL file. */
  source: string;
  format: 'txt' | 'html' | 'jsonl' | 'warc';
  url: string | null;
  /** Main text, paragraphs separated by blank lines. */
  text: string;
  /** Metadata the container gave (HTML head, JSON-LD, crawl record); null fields are unknown. */
  meta: Partial<ArticleMeta>;
  /** Image captions, kept out of `text` (a caption often repeats a sentence of the article). */
  captions?: string[];
  /** How the text was decoded: the charset its bytes were read with, and what it was converted from ('utf-8': mojibake repaired). */
  decoding?: { charset: string; converted: 'windows-1258' | 'tcvn3' | 'vni' | 'utf-8' | null };
}

/** An input that could not be read or parsed: one clear line naming the file (and record). */
export interface InputFault {
  source: string;
  /** 1-based line of a JSONL record, when the fault is one record's. */
  record: number | null;
  reason: string;
}

/** An article ready to store: normalized text, metadata and facts. */
export interface ProcessedArticle {
  id: string;
  source: string;
  url: string | null;
  /** Normalized text that every evidence span indexes. */
  text: string;
  /** Image captions of an HTML page, normalized: kept apart from the text, so no fact is read from them twice. */
  captions: string[];
  /** Hash of the normalized text (hex sha256). */
  contentHash: string;
  meta: ArticleMeta;
  facts: ArticleFacts;
  /** Rule id → fingerprint of its matches, for every rule that matched, kept or not (extract/engine/match-prints.ts). */
  matchedRules: MatchPrints;
  /** Every rule match, kept or not, packed (extract/engine/stored-matches.ts): a regeneration reads them back. */
  matches: Uint8Array;
  /** Start and end of each sentence the rules read, in pairs: a regeneration runs changed rules on them without segmenting again. */
  sentences: Uint32Array;
  /**
   * MinHash signature of the text (normalize/minhash.ts), for grouping copies; null for a text too short
   * to tell, and not computed for a stored article read again (its signature is stored with it).
   */
  fingerprint: Uint32Array | null;
}
