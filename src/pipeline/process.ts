import { createHash } from 'node:crypto';
import type { ProcessedArticle, RawDocument } from '../types.js';
import { extractCandidates } from '../extract/index.js';
import type { Grammar } from '../extract/grammar.js';
import { normalizeText } from '../normalize/text.js';
import { resolveArticle } from '../resolve/index.js';
import { detectLayout, type Layout } from '../segment/layout.js';
import { lineSpans, splitSentences, type Span } from '../segment/sentences.js';

/** How many lines of prose (after the title) make an article's lead: news text puts each paragraph on a line. */
const LEAD_LINES = 2;

/** One document through the stages: normalize → segment → extract → resolve. */
export function processDocument(g: Grammar, doc: RawDocument): ProcessedArticle {
  const text = normalizeText(doc.text);
  const layout = detectLayout(text);
  const sentences = splitSentences(text).filter((s) => !within(s, layout.furniture));
  const published = doc.meta.published?.slice(0, 10) ?? layout.published;
  const leadEnd = leadEndOf(text, layout);
  const candidates = extractCandidates(g, text, sentences);
  const facts = resolveArticle(g, candidates, { text, published, inLead: (i) => (sentences[i]?.start ?? Infinity) < leadEnd });
  return {
    id: doc.id,
    source: doc.source,
    url: doc.url,
    text,
    contentHash: createHash('sha256').update(text).digest('hex'),
    meta: {
      title: doc.meta.title ? normalizeText(doc.meta.title) : layout.title,
      published,
      authors: doc.meta.authors?.length ? doc.meta.authors.map(normalizeText) : layout.authors,
    },
    facts,
  };
}

/** Where the lead ends: after the title and the first paragraphs of prose. */
function leadEndOf(text: string, layout: Layout): number {
  const prose = lineSpans(text).filter((p) => !within(p, layout.furniture));
  const count = (layout.title ? 1 : 0) + LEAD_LINES;
  return prose[Math.min(count, prose.length) - 1]?.end ?? 0;
}

function within(span: Span, furniture: Span[]): boolean {
  return furniture.some((f) => f.start <= span.start && span.end <= f.end);
}
