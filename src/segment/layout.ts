import { parseByline } from './byline.js';
import { parseDateLine } from './dates.js';
import { isFurnitureLine, relatedNewsLines } from './furniture.js';
import { lineSpans, type Span } from './sentences.js';

export interface Layout {
  title: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  authors: string[];
  /** Spans of lines that are page furniture, not article prose (date lines, site names, share bars, "Xem thêm…", "© Báo …"). */
  furniture: Span[];
}

interface Line extends Span {
  text: string;
}

const MAX_TITLE_LENGTH = 250;
/** How many lines below the title (or from the top, without one) the date line may sit. */
const DATE_LINE_REACH = 4;
/** How many lines from the end the byline may sit, above trailing furniture. */
const BYLINE_REACH = 6;
const MAX_LABEL_WORDS = 4;

const ENDS_SENTENCE = /[.?!…;:][”"’')\]]*$/u;
const ENDS_WITH_PERIOD = /[.…]$/u;

function wordCount(text: string): number {
  return text.split(/\s+/).length;
}

/** A site banner in plain ASCII above the article ("VOV - Viet Nam va The Gioi"); Vietnamese headlines carry diacritics. */
function isAsciiBanner(line: Line): boolean {
  return /^[\x20-\x7E]+$/.test(line.text) && wordCount(line.text) >= 2 && !ENDS_SENTENCE.test(line.text);
}

/** A short section name printed right above the headline ("Quốc phòng, an ninh"). */
function isSectionLabel(text: string, lines: Line[], i: number): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  return (
    next !== undefined &&
    !text.slice(line.end, next.start).includes('\n\n') &&
    wordCount(line.text) <= MAX_LABEL_WORDS &&
    !ENDS_SENTENCE.test(line.text) &&
    !ENDS_SENTENCE.test(next.text) &&
    next.text.length > line.text.length
  );
}

/** Index of the first line below the page header (banners, labels, date lines), and the header's lines. */
function readHeader(text: string, lines: Line[]): { first: number; furniture: number[] } {
  const furniture: number[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isFurnitureLine(line.text) && !isAsciiBanner(line) && !isSectionLabel(text, lines, i)) break;
    furniture.push(i);
  }
  return { first: i, furniture };
}

function readTitle(line: Line | undefined): string | null {
  if (!line || line.text.length >= MAX_TITLE_LENGTH || ENDS_WITH_PERIOD.test(line.text)) return null;
  return line.text;
}

/**
 * The publication date from a date line below the title. A date line above the headline is
 * the site's today-banner, not the article's date.
 */
function readPublished(lines: Line[], titleAt: number | null): string | null {
  const from = titleAt === null ? 0 : titleAt + 1;
  for (const line of lines.slice(from, from + DATE_LINE_REACH)) {
    const date = parseDateLine(line.text);
    if (date) return date;
  }
  return null;
}

/**
 * The byline at the end, above any trailing furniture, and the footer lines below it. Stops at
 * the first line of prose from the end; lines that are neither prose nor a byline ("Liên kết
 * website") are passed over and count as furniture once a byline is found above them.
 */
function readFooter(lines: Line[], top: number): { authors: string[]; furniture: number[] } {
  const passed: number[] = [];
  const bottom = Math.max(top, lines.length - BYLINE_REACH);
  for (let i = lines.length - 1; i >= bottom; i--) {
    const line = lines[i]!;
    if (isFurnitureLine(line.text)) continue;
    if (ENDS_SENTENCE.test(line.text)) break;
    const authors = parseByline(line.text);
    if (authors) return { authors, furniture: passed };
    passed.push(i);
  }
  return { authors: [], furniture: [] };
}

/**
 * What a plain-text article says about itself: its title (the first line below the page header
 * when it reads as a headline), the publication date from a date line near the top, the authors
 * from the byline at the end, and the lines that are page furniture.
 */
export function detectLayout(text: string): Layout {
  const lines = lineSpans(text).map(({ start, end }) => ({ start, end, text: text.slice(start, end) }));
  const header = readHeader(text, lines);
  const title = readTitle(lines[header.first]);
  const titleAt = title === null ? null : header.first;
  const footer = readFooter(lines, header.first + 1);
  const furniture = new Set([
    ...header.furniture,
    ...footer.furniture,
    ...lines.flatMap((line, i) => (isFurnitureLine(line.text) ? [i] : [])),
    ...relatedNewsLines(lines.map((line) => line.text)),
  ]);
  return {
    title,
    published: readPublished(lines, titleAt),
    authors: footer.authors,
    furniture: [...furniture].sort((a, b) => a - b).map((i) => ({ start: lines[i]!.start, end: lines[i]!.end })),
  };
}
