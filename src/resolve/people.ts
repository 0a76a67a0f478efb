import type { OfficialFact } from '../types.js';
import type { PersonMention } from '../extract/candidates.js';
import type { TitleItem } from '../extract/parsers/titles.js';
import type { NameKeys } from './names.js';

export interface Person {
  fact: OfficialFact;
  /** Every mention of the person, in text order. */
  mentions: PersonMention[];
  /** The titles kept, with where each was first read. */
  titles: TitleItem[];
}

/**
 * One official per person: mentions with the same name are merged (a later
 * "Thứ trưởng Thường trực Đặng Văn Hiếu" is the "Thượng tướng Đặng Văn Hiếu"
 * named before), the rank taken from the first mention that gives one, and
 * the titles united. A title that another title of the person extends
 * ("Thứ trưởng Thường trực" of "Thứ trưởng Thường trực Bộ Công an", "Phó Giám
 * đốc CATP" of "Phó Giám đốc Công an TPHCM") is dropped. A name with neither a
 * rank nor a title is not an official.
 */
export function mergePeople(mentions: PersonMention[], names: NameKeys): Person[] {
  const byName = new Map<string, PersonMention[]>();
  for (const m of mentions) {
    const key = names.person(m.name);
    byName.set(key, [...(byName.get(key) ?? []), m]);
  }
  const people: Person[] = [];
  for (const group of byName.values()) {
    const titles = keepFullest(group.flatMap((m) => m.titles), names);
    const rank = group.find((m) => m.rank)?.rank ?? null;
    if (!rank && !titles.length) continue;
    const first = group.find((m) => m.rank || m.titles.length)!;
    people.push({
      mentions: group,
      titles,
      fact: { name: first.name, rank, titles: titles.map((t) => t.text), evidence: { start: first.span.start, end: first.span.end, rule: first.rule } },
    });
  }
  return people.sort((a, b) => a.fact.evidence.start - b.fact.evidence.start);
}

function keepFullest(titles: TitleItem[], names: NameKeys): TitleItem[] {
  const keyed = titles.map((t) => ({ t, key: names.title(t.text) }));
  return keyed
    .filter(({ key }, i) => !keyed.some((o, j) => (o.key.length > key.length || (o.key === key && j < i)) && (o.key + ' ').startsWith(key + ' ')))
    .map(({ t }) => t);
}
