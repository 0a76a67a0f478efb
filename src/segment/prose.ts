import { detectLayout } from './layout.js';
import { splitSentences, type Span } from './sentences.js';

/**
 * The sentences the rules read: every sentence of the text outside the page furniture its layout shows
 * (date lines, bylines, share bars). The pipeline and a regeneration's check must see the same ones.
 */
export function proseSentences(text: string, furniture: Span[] = detectLayout(text).furniture): Span[] {
  return splitSentences(text).filter((s) => !within(s, furniture));
}

export function within(span: Span, furniture: Span[]): boolean {
  return furniture.some((f) => f.start <= span.start && span.end <= f.end);
}
