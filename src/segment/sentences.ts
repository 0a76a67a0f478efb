/** A [start, end) range of offsets into a text. */
export interface Span {
  start: number;
  end: number;
}

/** Lines of a text, without their line breaks and surrounding spaces; blank lines are left out. */
export function lineSpans(text: string): Span[] {
  return trimmedPieces(text, /[^\n]+/g);
}

/** Blocks of text separated by blank lines. */
export function paragraphs(text: string): Span[] {
  return trimmedPieces(text, /[^\n]+(?:\n[^\S\n]*[^\s][^\n]*)*/g);
}

function trimmedPieces(text: string, piece: RegExp): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(piece)) {
    const span = trim(text, m.index, m.index + m[0].length);
    if (span.end > span.start) spans.push(span);
  }
  return spans;
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

// A possible sentence end: end punctuation ("." "?" "!" "…" "..." "./.") and any closing
// quotes or brackets, then a space; or an ellipsis run straight into a capital ("…Tuy nhiên").
const SENTENCE_END = /[.?!…]+(?:\/[.?!…]+)?[”"’'»)\]]*(?=[^\S\n])|(?:…|\.{3})(?=\p{Lu})/gu;
// A sentence starts with a capital or a digit, perhaps behind opening quotes or a dash.
const SENTENCE_START = /[^\S\n]*[“"‘'«(\[–—-]*[^\S\n]*[\p{Lu}\p{N}]/uy;
// Abbreviations written with a period and followed by a capitalised word or a number.
const ABBREVIATIONS = new Set(['TP', 'Tp', 'TX', 'TT', 'Q', 'P', 'TS', 'Ts', 'ThS', 'Ths', 'PGS', 'GS', 'BS', 'KS', 'NCS', 'St', 'Mr', 'Mrs', 'Ms', 'Dr']);
// "1." "II." "a." opening a list item.
const ENUMERATOR = /^(?:\p{N}{1,3}|[IVX]{1,4}|\p{L})\.$/u;

/** What ends the word before a period. */
const WORD_START = /[\s(“"‘]/u;

function endsWithAbbreviation(line: string, periodAt: number): boolean {
  // Back to the word's start (a regex anchored at the end of the line before the period rescanned the
  // whole line at every period).
  let from = periodAt;
  while (from > 0 && !WORD_START.test(line.charAt(from - 1))) from--;
  const word = line.slice(from, periodAt);
  return ABBREVIATIONS.has(word.slice(word.lastIndexOf('.') + 1));
}

/** Whether a sentence can start at `at` (sticky: no copy of the rest of the line). */
function startsSentence(line: string, at: number): boolean {
  SENTENCE_START.lastIndex = at;
  return SENTENCE_START.test(line);
}

function sentenceEnds(line: string): number[] {
  const ends: number[] = [];
  let start = 0;
  for (const m of line.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (!startsSentence(line, end)) continue;
    if (m[0] === '.' && endsWithAbbreviation(line, m.index)) continue;
    if (ENUMERATOR.test(line.slice(start, end).trim())) continue;
    ends.push(end);
    start = end;
  }
  return ends;
}

/**
 * Sentences of a normalized text, in order. A sentence never crosses a line break, so a
 * line without end punctuation (a title, a caption, a byline) is a sentence of its own.
 */
export function splitSentences(text: string): Span[] {
  const sentences: Span[] = [];
  for (const line of lineSpans(text)) {
    let start = line.start;
    for (const end of sentenceEnds(text.slice(line.start, line.end))) {
      sentences.push(trim(text, start, line.start + end));
      start = line.start + end;
    }
    sentences.push(trim(text, start, line.end));
  }
  return sentences;
}

const splitCache = new Map<string, Span[]>();
const SPLIT_CACHE_SIZE = 16;

function cachedSentences(text: string): Span[] {
  let sentences = splitCache.get(text);
  if (!sentences) {
    sentences = splitSentences(text);
    if (splitCache.size >= SPLIT_CACHE_SIZE) splitCache.delete(splitCache.keys().next().value as string);
    splitCache.set(text, sentences);
  }
  return sentences;
}

/**
 * The sentence that contains offset. An offset between two sentences gets the next one,
 * an offset past the last sentence the last one; a text without sentences gives {0, 0}.
 */
export function sentenceAt(text: string, offset: number): Span {
  const sentences = cachedSentences(text);
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return sentences[Math.min(lo, sentences.length - 1)] ?? { start: 0, end: 0 };
}
