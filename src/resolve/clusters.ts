import type { ClusterFact, ClusterKey } from '../types.js';
import type { Candidate, ClusterMention } from '../extract/candidates.js';
import type { TextSpan } from '../extract/engine/match.js';
import { foldKey } from '../normalize/tone.js';
import type { NameKeys } from './names.js';

/** Words that every label has or may leave out: they do not tell two clusters apart. */
const FILLER = new Set(['cụm', 'khối', 'thi', 'đua', 'các', 'số', 'của']);

interface Placed {
  mention: ClusterMention;
  key: ClusterKey;
}

/**
 * The clusters an article speaks of, and which one a fact at a given place
 * belongs to. A numbered cluster is its number. Labels of unnumbered clusters
 * that name the same members ("Cụm thi đua các huyện nội địa", "cụm các huyện,
 * thành phố nội địa"; "Khối ANND", "Khối An ninh nhân dân") are one cluster,
 * known by its fullest label that says "thi đua" (a trailing place aside). In an article about one
 * numbered cluster, a label is that cluster described ("Cụm thi đua các bệnh
 * viện … miền Trung" in the headline, "Cụm thi đua số 4" in the lead).
 */
export class ClusterIndex {
  readonly placed: Placed[];

  constructor(mentions: ClusterMention[], names: NameKeys) {
    const groups: { words: Set<string>; labels: ClusterMention[] }[] = [];
    const groupOf = new Map<ClusterMention, (typeof groups)[number]>();
    for (const m of mentions) {
      if (m.key != null) continue;
      const words = new Set(foldKey(names.expand(m.label)).split(' ').filter((w) => w && !FILLER.has(w)));
      const group = groups.find((gr) => subset(words, gr.words) || subset(gr.words, words));
      if (group) {
        group.labels.push(m);
        if (words.size > group.words.size) group.words = words;
      } else groups.push({ words, labels: [m] });
      groupOf.set(m, group ?? groups[groups.length - 1]!);
    }
    const nameOf = new Map(groups.map((gr) => [gr, canonicalLabel(gr.labels)]));
    const numbers = new Set(mentions.flatMap((m) => (m.key != null ? [m.key] : [])));
    const only = numbers.size === 1 ? [...numbers][0]! : null;
    this.placed = mentions.map((m) => ({ mention: m, key: m.key ?? only ?? nameOf.get(groupOf.get(m)!)! }));
  }

  /** The cluster that `span` names itself (its words overlap a cluster mention), if any. */
  named(span: TextSpan | null): ClusterKey | null {
    if (!span) return null;
    return this.placed.find((p) => p.mention.span.start < span.end && span.start < p.mention.span.end)?.key ?? null;
  }

  /**
   * The clusters a fact belongs to: the one its own words name; else, in its
   * sentence, the nearest mentioned before it (with the clusters coordinated
   * with that one: "Cụm thi đua số 2 và Cụm thi đua số 3"), else the first after
   * it; else the last mentioned before it in the article, else (unless
   * `earlierOnly`) the first one.
   */
  forFact(c: Candidate, text: string, { earlierOnly = false } = {}): ClusterKey[] {
    const own = this.named(c.clusterSpan) ?? this.within(c.span);
    if (own != null) return [own];
    const inSentence = this.placed.filter((p) => p.mention.sentence === c.sentence);
    const before = inSentence.filter((p) => p.mention.span.end <= c.span.start);
    if (before.length) {
      const chosen = [before[before.length - 1]!];
      for (let i = before.length - 2; i >= 0; i--) {
        const gap = text.slice(before[i]!.mention.span.end, chosen[0]!.mention.span.start);
        if (!/^\s*(?:,|và|,\s*và)\s*$/u.test(gap)) break;
        chosen.unshift(before[i]!);
      }
      return unique(chosen.map((p) => p.key));
    }
    const after = inSentence.find((p) => p.mention.span.start >= c.span.end);
    if (after) return [after.key];
    const earlier = this.placed.filter((p) => p.mention.span.end <= c.span.start);
    const fallback = earlier[earlier.length - 1] ?? (earlierOnly ? undefined : this.placed[0]);
    return fallback ? [fallback.key] : [];
  }

  /** One fact per cluster, evidenced by its first mention. */
  facts(): ClusterFact[] {
    const seen = new Map<ClusterKey, ClusterFact>();
    for (const { mention, key } of this.placed) {
      const fact = seen.get(key);
      if (fact) {
        fact.scope ??= mention.scope;
        continue;
      }
      const isBlock = (s: string | null) => s != null && /^khối/iu.test(s);
      seen.set(key, {
        cluster: key,
        label: typeof key === 'string' ? key : mention.label,
        scope: isBlock(mention.scope) ? null : mention.scope,
        block: isBlock(mention.scope) ? mention.scope : null,
        evidence: { start: mention.span.start, end: mention.span.end, rule: mention.rule },
      });
    }
    return [...seen.values()];
  }

  private within(span: TextSpan): ClusterKey | null {
    return this.placed.find((p) => p.mention.span.start >= span.start && p.mention.span.end <= span.end)?.key ?? null;
  }
}

/** A place the label ends with ("… văn hóa - xã hội tỉnh Bình Định"): where the bloc is, not what it is. */
const TRAILING_PLACE = /\s*[,–-]?\s*(?:Công an\s+)?(?:tỉnh|thành phố|TP\.?)\s+\p{Lu}[\p{L}\s-]*$/u;

function canonicalLabel(labels: ClusterMention[]): string {
  const says = labels.filter((l) => /thi\s+đua/iu.test(l.label));
  const pool = says.length ? says : labels;
  // The fullest name of what the cluster is; between names that differ only by a trailing place, the one without it.
  const fullness = (l: ClusterMention) => l.label.replace(TRAILING_PLACE, '').length * 2 - (TRAILING_PLACE.test(l.label) ? 1 : 0);
  return pool.reduce((best, l) => (fullness(l) > fullness(best) ? l : best)).label;
}

const subset = (a: Set<string>, b: Set<string>): boolean => [...a].every((w) => b.has(w));
const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
