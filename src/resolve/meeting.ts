import type { ClusterKey, EventFact, EventKind } from '../types.js';
import type { Candidate, DateMention, EventMention, PlaceMention } from '../extract/candidates.js';
import { isoDate } from '../segment/dates.js';
import type { ClusterIndex } from './clusters.js';

/** Which kind of meeting sets a cluster's emulation year when one conference is several events. */
const KIND_ORDER: readonly EventKind[] = ['review', 'midyear', 'pledge', 'other'];
/** Words that say a sentence is about a meeting, so that a date in it is the meeting's. */
const MEETING_WORDS = /hội nghị|tổ chức|diễn ra|đăng cai|\bhọp\b/iu;

export interface ArticleContext {
  text: string;
  /** Publication date, ISO YYYY-MM-DD, if the article gives one. */
  published: string | null;
  /** Whether a sentence lies in the article's lead (its title and first paragraphs). */
  inLead: (sentence: number) => boolean;
}

interface Placed {
  fact: EventFact;
  lead: boolean;
}

/**
 * The conference(s) an article reports: events with their kind, cluster, year
 * and date, and the years that facts without a year of their own take.
 *
 * Years: a year written after the trigger in its clause wins. A trigger without
 * one takes the year another mention of the same kind and cluster gives; else,
 * in the lead, the year the meeting's date implies (a review held in January to
 * June reviews the year before); a trigger elsewhere without a year is dropped.
 * A meeting that ranks its members ("bình xét") is a review when no review is
 * named. Dates without a year take it from the publication date, or else from
 * the events' years.
 */
export class Meeting {
  readonly events: EventFact[];
  private readonly placed: Placed[];
  private readonly docYear: number | null;

  constructor(candidates: Candidate[], private readonly clusters: ClusterIndex, private readonly ctx: ArticleContext) {
    this.docYear = mostWrittenYear(ctx.text);
    const mentions = candidates.filter((c): c is EventMention => c.fact === 'event');
    const dates = candidates.filter((c): c is DateMention => c.fact === 'date');
    this.placed = [];
    const explicit = mentions.filter((m) => m.year != null && m.strength !== 'weak' && (m.strength !== 'lead-only' || ctx.inLead(m.sentence)));
    for (const m of explicit) this.add(m, m.year!);
    const leadDate = this.leadDate(mentions, dates);
    for (const m of mentions.filter((x) => x.year == null && x.strength === 'strong')) {
      const keys = this.clustersOf(m);
      const same = this.placed.filter((p) => p.fact.kind === m.kind && p.fact.cluster != null && keys.includes(p.fact.cluster));
      const covered = keys.every((k) => same.some((p) => p.fact.cluster === k));
      if (covered) for (const p of same) p.lead ||= ctx.inLead(m.sentence);
      else if (ctx.inLead(m.sentence)) this.add(m, this.inferYear(m.kind, leadDate));
    }
    for (const m of mentions.filter((x) => x.strength === 'weak' || (x.strength === 'lead-only' && x.year == null && ctx.inLead(x.sentence)))) {
      const keys = this.clustersOf(m);
      if (keys.every((k) => !this.placed.some((p) => p.fact.kind === m.kind && p.fact.cluster === k))) this.add(m, this.inferYear(m.kind, leadDate));
    }
    const date = leadDate ? this.isoDate(leadDate) : null;
    const place = this.leadPlace(candidates, leadDate);
    this.events = this.placed.map((p) => p.fact);
    for (const e of this.events) {
      e.date = date;
      e.place = place;
    }
  }

  /** The year a fact of `cluster` without a year of its own belongs to: the year of the meeting's main event. */
  meetingYear(cluster: ClusterKey | null): number | null {
    for (const pool of [this.placed.filter((p) => p.lead && p.fact.cluster === cluster), this.placed.filter((p) => p.fact.cluster === cluster), this.placed.filter((p) => p.lead), this.placed]) {
      for (const kind of KIND_ORDER) {
        const hit = pool.find((p) => p.fact.kind === kind);
        if (hit) return hit.fact.year;
      }
    }
    return this.docYear;
  }

  /** The year reviewed for `cluster` (awards are for a year's achievements), else the meeting's year. */
  reviewYear(cluster: ClusterKey | null): number | null {
    return this.reviewOf(cluster)?.fact.year ?? this.meetingYear(cluster);
  }

  /** Whether the meeting reviews `year` for the cluster (a chair assigned for that year is already in office). */
  reviews(cluster: ClusterKey | null, year: number): boolean {
    return this.placed.some((p) => p.fact.kind === 'review' && p.fact.cluster === cluster && p.fact.year === year);
  }

  /** The year a chair elected or handed over without a year takes: the year after the one reviewed. */
  nextChairYear(cluster: ClusterKey | null): number | null {
    const review = this.reviewOf(cluster);
    if (review?.fact.year != null) return review.fact.year + 1;
    return this.placed.find((p) => p.fact.kind === 'pledge' && p.fact.cluster === cluster)?.fact.year ?? this.meetingYear(cluster);
  }

  private reviewOf(cluster: ClusterKey | null): Placed | undefined {
    return this.placed.find((p) => p.fact.kind === 'review' && p.fact.cluster === cluster);
  }

  private add(m: EventMention, year: number | null): void {
    const lead = this.ctx.inLead(m.sentence);
    for (const cluster of this.clustersOf(m)) {
      const same = this.placed.find((p) => p.fact.kind === m.kind && p.fact.cluster === cluster && p.fact.year === year);
      if (same) {
        same.lead ||= lead;
        continue;
      }
      this.placed.push({ lead, fact: { kind: m.kind, cluster, year, date: null, place: null, evidence: { start: m.span.start, end: m.span.end, rule: m.rule } } });
    }
  }

  /** An event belongs to a cluster named in its sentence or before it; a meeting of no cluster is not one of ours. */
  private clustersOf(m: Candidate): ClusterKey[] {
    return this.clusters.forFact(m, this.ctx.text, { earlierOnly: true });
  }

  /** The meeting's date: the first date in a lead sentence that names an event, else in one that speaks of a meeting. */
  private leadDate(mentions: EventMention[], dates: DateMention[]): DateMention | null {
    const eventSentences = new Set(mentions.filter((m) => this.ctx.inLead(m.sentence)).map((m) => m.sentence));
    const inLead = dates.filter((d) => this.ctx.inLead(d.sentence));
    return inLead.find((d) => eventSentences.has(d.sentence)) ?? inLead.find((d) => MEETING_WORDS.test(this.sentenceText(d))) ?? null;
  }

  private sentenceText(c: Candidate): string {
    return this.ctx.text.slice(c.span.start, this.ctx.text.indexOf('\n', c.span.end) >>> 0);
  }

  private leadPlace(candidates: Candidate[], date: DateMention | null): string | null {
    const places = candidates.filter((c): c is PlaceMention => c.fact === 'place' && this.ctx.inLead(c.sentence));
    return (date && places.find((p) => p.sentence === date.sentence)?.place) ?? places[0]?.place ?? null;
  }

  private inferYear(kind: EventKind, date: DateMention | null): number | null {
    const anchor = date ? this.dateParts(date) : this.publishedParts();
    if (!anchor) return this.docYear;
    return kind === 'review' && anchor.month < 7 ? anchor.year - 1 : anchor.year;
  }

  private isoDate(d: DateMention): string | null {
    const parts = this.dateParts(d);
    return parts ? isoDate(d.day, d.month, parts.year) : null;
  }

  /** A date's year: written, else from the publication date, else from the events' years. */
  private dateParts(d: DateMention): { year: number; month: number } | null {
    if (d.year != null) return { year: d.year, month: d.month };
    const pub = this.publishedParts();
    if (pub) return { year: d.month > pub.month + 1 ? pub.year - 1 : pub.year, month: d.month };
    for (const kind of KIND_ORDER) {
      const e = this.placed.find((p) => p.fact.kind === kind && p.fact.year != null);
      if (!e) continue;
      const y = e.fact.year!;
      if (kind === 'review') return { year: d.month >= 7 ? y : y + 1, month: d.month };
      if (kind === 'pledge') return { year: d.month >= 10 ? y - 1 : y, month: d.month };
      return { year: y, month: d.month };
    }
    return this.docYear != null ? { year: this.docYear, month: d.month } : null;
  }

  private publishedParts(): { year: number; month: number } | null {
    const m = /^(\d{4})-(\d{2})/.exec(this.ctx.published ?? '');
    return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
  }
}

/** The year an article writes most often as "năm YYYY" (the latest on a tie); else the latest year it writes at all. */
function mostWrittenYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])năm\s+((?:19|20)\d{2})(?!\d)/gu)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts) if (best == null || n > counts.get(best)! || (n === counts.get(best)! && year > best)) best = year;
  if (best != null) return best;
  const years = [...text.matchAll(/(?<![\p{L}\p{N}])(?:19|20)\d{2}(?![\p{L}\p{N}])/gu)].map((m) => Number(m[0]));
  return years.length ? Math.max(...years) : null;
}
