import type { ArticleFacts, AwardFact, ChairFact, ClusterKey, Evidence, HandoverFact, MemberFact } from '../types.js';
import type { Candidate, ClusterMention, PersonMention } from '../extract/candidates.js';
import type { TextSpan } from '../extract/engine/match.js';
import type { Grammar } from '../extract/grammar.js';
import { clusterNumber } from '../extract/parsers/cluster-number.js';
import { ClusterIndex } from './clusters.js';
import { Meeting, type ArticleContext } from './meeting.js';
import { NameKeys } from './names.js';
import { mergePeople, type Person } from './people.js';

/** Derivation rules: facts inferred from other facts (documented in rules/derivations.yaml). */
export const DERIVED = {
  chairFromHandoverTo: 'chair.from_handover_to',
  chairFromHandoverFrom: 'chair.from_handover_from',
  chairFromHeadTitle: 'chair.from_head_title',
} as const;

const CHAIR_TITLE = /^(?:Cụm trưởng|Khối trưởng|Trưởng cụm|Trưởng khối)(?:\s|$)/u;

/** Places every candidate of one article in its cluster and year, derives chairs, and merges what is said twice. */
export function resolveArticle(g: Grammar, candidates: Candidate[], ctx: ArticleContext): ArticleFacts {
  const names = NameKeys.of(g);
  const clusters = new ClusterIndex(candidates.filter((c): c is ClusterMention => c.fact === 'cluster'), names);
  const meeting = new Meeting(candidates, clusters, ctx);
  const clusterOf = (c: Candidate): ClusterKey | null => clusters.forFact(c, ctx.text)[0] ?? null;
  const ev = (span: TextSpan, rule: string): Evidence => ({ start: span.start, end: span.end, rule });

  const members = new Keyed<MemberFact>((f) => `${f.cluster}|${names.unit(f.unit)}`);
  // A cluster has one chair a year: what is said first wins (stated, then handed over, then read from a title).
  const oneAYear = (unit: string, f: { cluster: ClusterKey | null; year: number | null }) => (f.cluster != null && f.year != null ? `${f.cluster}|${f.year}` : `${f.cluster}|${f.year}|${names.unit(unit)}`);
  const chairs = new Keyed<ChairFact>((f) => oneAYear(f.unit, f));
  const handovers = new Keyed<HandoverFact>((f) => oneAYear(f.to, f));
  const awards = new Keyed<AwardFact>((f) => JSON.stringify([f.cluster, f.award && names.title(f.award), f.recipient, f.count, f.units.map((u) => names.unit(u)), f.status]));

  for (const c of candidates) {
    switch (c.fact) {
      case 'member': {
        const cluster = clusterOf(c);
        for (const u of c.units) members.add({ cluster, year: c.year ?? meeting.meetingYear(cluster), unit: u.text, evidence: ev(u, c.rule) });
        break;
      }
      case 'chair': {
        const cluster = clusterOf(c);
        chairs.add({ cluster, year: c.year ?? meeting.meetingYear(cluster), unit: c.unit.text, evidence: ev(c.span, c.rule) });
        break;
      }
      case 'handover': {
        const cluster = clusterOf(c);
        const year = c.year ?? meeting.nextChairYear(cluster);
        // "Năm 2019, Bộ Tài chính được phân công làm Khối trưởng" at the review of 2019 states the chair in office.
        if (c.year != null && !c.from && meeting.reviews(cluster, c.year)) {
          chairs.add({ cluster, year: c.year, unit: c.to.text, evidence: ev(c.span, c.rule) });
          break;
        }
        const fact = { cluster, year, from: c.from?.text ?? null, to: c.to.text, evidence: ev(c.span, c.rule) };
        const prior = handovers.get(fact);
        if (prior && !prior.from && fact.from) prior.from = fact.from;
        handovers.add(fact);
        break;
      }
      case 'award': {
        const cluster = clusterOf(c);
        const year = c.year ?? meeting.reviewYear(cluster);
        const units = c.units.map((u) => u.text);
        const counts = c.counts.length ? c.counts : [{ count: null, recipient: null }];
        for (const { count, recipient } of counts) {
          awards.add({ cluster, year, award: c.award, recipient: recipient ?? c.recipient, count, units, status: c.status, evidence: ev(c.span, c.rule) });
        }
        break;
      }
    }
  }

  for (const h of handovers.values()) {
    chairs.add({ cluster: h.cluster, year: h.year, unit: h.to, evidence: { start: h.evidence.start, end: h.evidence.end, rule: DERIVED.chairFromHandoverTo } });
    if (h.from && h.year != null) chairs.add({ cluster: h.cluster, year: h.year - 1, unit: h.from, evidence: { start: h.evidence.start, end: h.evidence.end, rule: DERIVED.chairFromHandoverFrom } });
  }
  const people = mergePeople(candidates.filter((c): c is PersonMention => c.fact === 'official'), names);
  for (const chair of chairsFromTitles(g, people, clusters, meeting, ctx.text)) chairs.add(chair);

  return {
    events: meeting.events,
    clusters: clusters.facts(),
    members: members.values(),
    chairs: chairs.values(),
    handovers: handovers.values(),
    officials: people.map((p) => p.fact),
    awards: awards.values(),
  };
}

/**
 * A chair read from its head's titles: a person who is "Cụm trưởng …" and head
 * of an organisation ("Giám đốc Công an tỉnh Nghệ An") makes that organisation
 * the chair. The organisation is what the head title names (HEAD_OF_UNIT
 * lexicon: "Chánh Văn phòng Bộ Công an" → "Văn phòng Bộ Công an"), also
 * when a deputy holds the chair's title; a former head ("nguyên …") does not count.
 */
function chairsFromTitles(g: Grammar, people: Person[], clusters: ClusterIndex, meeting: Meeting, text: string): ChairFact[] {
  const out: ChairFact[] = [];
  for (const person of people) {
    const at = person.titles.findIndex((t) => CHAIR_TITLE.test(t.text));
    const chairTitle = person.titles[at];
    if (!chairTitle) continue;
    // The organisation of the head title nearest before "Cụm trưởng" (not "Bí thư Đảng ủy" before it).
    const org = [...person.titles.slice(0, at).reverse(), ...person.titles.slice(at + 1)].map((t) => organisationOf(g, t.text)).find((o) => o != null);
    if (!org) continue;
    const written = clusters.named(chairTitle) ?? clusterNumber(chairTitle.text, g.lexicon('NUMBER_WORD'));
    const mention = person.mentions.find((m) => m.titles.includes(chairTitle)) ?? person.mentions[0]!;
    const cluster = written ?? clusters.forFact(mention, text)[0] ?? null;
    const year = /^\s*năm\s+((?:19|20)\d{2})/u.exec(text.slice(chairTitle.end));
    out.push({
      cluster,
      year: year ? Number(year[1]) : meeting.meetingYear(cluster),
      unit: org,
      evidence: { start: mention.span.start, end: chairTitle.end, rule: DERIVED.chairFromHeadTitle },
    });
  }
  return out;
}

function organisationOf(g: Grammar, title: string): string | null {
  if (/^[Nn]guyên\s/u.test(title)) return null;
  // A deputy who is Cụm trưởng speaks for the chair too ("Phó Chủ tịch UBND tỉnh Điện Biên, Cụm trưởng").
  title = title.replace(/^(?:Phó|Quyền)\s+/u, '');
  const head = g.at('{HEAD_OF_UNIT}', title, 0);
  if (!head) return null;
  const { keep, unit } = g.lookup('HEAD_OF_UNIT', head[0])!.attrs;
  const rest = title.slice(head[0].length).trim();
  if (!rest) return null;
  let org = keep ? `${String(keep)} ${rest}` : rest[0]!.toUpperCase() + rest.slice(1);
  if (unit && !g.at('{UNIT_START}', org, 0)) org = `${String(unit)} ${org}`;
  return g.at('{UNIT_START}', org, 0) ? org : null;
}

/** Facts kept once per key, in the order first seen. */
class Keyed<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly keyOf: (f: T) => string) {}
  add(f: T): void {
    const key = this.keyOf(f);
    if (!this.map.has(key)) this.map.set(key, f);
  }
  get(f: T): T | undefined {
    return this.map.get(this.keyOf(f));
  }
  values(): T[] {
    return [...this.map.values()];
  }
}
