import type { AwardStatus, EventKind, Recipient } from '../types.js';
import type { Capture, TextSpan } from './engine/match.js';
import type { TitleItem } from './parsers/titles.js';
import type { UnitItem } from './parsers/unit-list.js';

/**
 * What one rule match says, read into typed fields but not yet placed in its
 * article: the cluster a fact belongs to and its year are settled by the
 * resolve stage from the rest of the text.
 */
interface Base {
  rule: string;
  span: TextSpan;
  sentence: number;
  /** The words the rule read as the cluster, when the match names it. */
  clusterSpan: Capture | null;
  /** A year the match itself writes ("năm 2022"). */
  year: number | null;
}

/** A cluster or bloc mentioned by number or by its label. */
export interface ClusterMention extends Base {
  fact: 'cluster';
  key: number | null;
  label: string;
  scope: string | null;
}

export interface EventMention extends Base {
  fact: 'event';
  kind: EventKind;
  /** `weak`: implied by an activity of a year-end review (bình xét, suy tôn); `lead-only`: counts only in the article's lead. */
  strength: 'strong' | 'weak' | 'lead-only';
}

export interface DateMention extends Base {
  fact: 'date';
  day: number;
  month: number;
}

export interface PlaceMention extends Base {
  fact: 'place';
  place: string;
}

export interface MemberMention extends Base {
  fact: 'member';
  units: UnitItem[];
}

export interface ChairMention extends Base {
  fact: 'chair';
  unit: UnitItem;
}

export interface HandoverMention extends Base {
  fact: 'handover';
  from: UnitItem | null;
  to: UnitItem;
}

export interface PersonMention extends Base {
  fact: 'official';
  name: string;
  rank: string | null;
  titles: TitleItem[];
}

export interface AwardMention extends Base {
  fact: 'award';
  award: string | null;
  /** One entry per count the match states ("159 lượt tập thể, 442 lượt cá nhân"); empty when it states none. */
  counts: { count: number; recipient: Recipient | null }[];
  recipient: Recipient | null;
  units: UnitItem[];
  status: AwardStatus;
}

export type Candidate =
  | ClusterMention
  | EventMention
  | DateMention
  | PlaceMention
  | MemberMention
  | ChairMention
  | HandoverMention
  | PersonMention
  | AwardMention;

