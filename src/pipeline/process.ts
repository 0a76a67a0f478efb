import { createHash } from 'node:crypto';
import type { ProcessedArticle, RawDocument } from '../types.js';
import { matchPrints } from '../extract/engine/match-prints.js';
import { matchTexts, type RuleMatch } from '../extract/engine/match.js';
import { packMatches, restoreMatches, storedMatches, type StoredMatch } from '../extract/engine/stored-matches.js';
import { readMatches } from '../extract/index.js';
import type { Grammar } from '../extract/grammar.js';
import { minhash } from '../normalize/minhash.js';
import { normalizeText } from '../normalize/text.js';
import { resolveArticle } from '../resolve/index.js';
import { detectLayout, type Layout } from '../segment/layout.js';
import { proseSentences, within } from '../segment/prose.js';
import { lineSpans, type Span } from '../segment/sentences.js';

/** How many lines of prose make an article's lead: news text puts each paragraph on a line. */
const LEAD_LINES = 2;
/** A line of prose, not a headline, a section name or a site's banner: long enough and with a sentence in it. */
const PROSE = /^.{60,}$/su;
const ENDS_A_SENTENCE = /[.!?…](?:\s|$)/u;

/**
 * A document to process. `stored`: an article read again from the database, whose text is read as stored
 * (its evidence indexes that text) and whose signature is stored. `given`: for a stored article, the rule
 * matches to read instead of running the rules, and the sentences they were found in (see
 * processDocuments).
 */
export interface DocumentInput {
  doc: RawDocument;
  stored?: boolean;
  given?: GivenReading | undefined;
}

/** What a regeneration already knows of a stored article under the current code: its rules' matches and its sentences. */
export interface GivenReading {
  matches: readonly StoredMatch[];
  sentences: readonly Span[];
}

/** One document through the stages: `processDocuments` for one; a failure throws. */
export function processDocument(g: Grammar, doc: RawDocument): ProcessedArticle {
  const [result] = processDocuments(g, [{ doc }]);
  if (result instanceof Error) throw result;
  return result!;
}

/**
 * Documents through the stages: normalize → segment → extract → resolve, the rules matched over the
 * whole batch at once (matchTexts). A stored article is not normalized again; with `given` (a
 * regeneration that ran only the changed rules, under the code that segmented it) neither are its
 * sentences found nor its rules run again. A document that fails gives its error, alone.
 */
export function processDocuments(g: Grammar, inputs: readonly DocumentInput[]): (ProcessedArticle | Error)[] {
  const segmented = inputs.map(({ doc, given, stored }) => attempt(() => segment(g, doc, given, stored ?? false)));
  const toMatch = segmented.filter((s): s is Segmented => !(s instanceof Error) && s.matches === null);
  matchTexts(g.ruleSet.rules, toMatch).forEach((matches, i) => (toMatch[i]!.matches = matches));
  return segmented.map((s) => (s instanceof Error ? s : attempt(() => finish(g, s))));
}

interface Segmented {
  doc: RawDocument;
  stored: boolean;
  text: string;
  layout: Layout;
  sentences: readonly Span[];
  matches: RuleMatch[] | null;
}

function segment(g: Grammar, doc: RawDocument, given: GivenReading | undefined, stored: boolean): Segmented {
  const text = stored ? doc.text : normalizeText(doc.text);
  const layout = detectLayout(text);
  const sentences = given ? given.sentences : proseSentences(text, layout.furniture);
  return { doc, stored, text, layout, sentences, matches: given ? restoreMatches(given.matches, g.ruleSet.rules, text) : null };
}

function finish(g: Grammar, { doc, stored, text, layout, sentences, matches }: Segmented): ProcessedArticle {
  const published = doc.meta.published?.slice(0, 10) ?? layout.published;
  const leadEnd = leadEndOf(text, layout.furniture);
  const candidates = readMatches(g, matches!);
  const facts = resolveArticle(g, candidates, { text, published, inLead: (i) => (sentences[i]?.start ?? Infinity) < leadEnd });
  return {
    id: doc.id,
    source: doc.source,
    url: doc.url,
    text,
    captions: (doc.captions ?? []).map(normalizeText),
    contentHash: createHash('sha256').update(text).digest('hex'),
    meta: {
      title: doc.meta.title ? normalizeText(doc.meta.title) : layout.title,
      published,
      authors: doc.meta.authors?.length ? doc.meta.authors.map(normalizeText) : layout.authors,
    },
    facts,
    matchedRules: matchPrints(matches!),
    matches: packMatches(storedMatches(matches!)),
    sentences: Uint32Array.from(sentences.flatMap((s) => [s.start, s.end])),
    fingerprint: stored ? null : minhash(text),
  };
}

function attempt<T>(f: () => T): T | Error {
  try {
    return f();
  } catch (cause) {
    return cause instanceof Error ? cause : new Error(String(cause));
  }
}

/** Where the lead ends: after the first lines of prose, whatever headlines and page furniture come before them. */
function leadEndOf(text: string, furniture: Span[]): number {
  const prose = lineSpans(text).filter((l) => {
    const line = text.slice(l.start, l.end);
    return !within(l, furniture) && PROSE.test(line) && ENDS_A_SENTENCE.test(line);
  });
  return prose[Math.min(LEAD_LINES, prose.length) - 1]?.end ?? text.length;
}
