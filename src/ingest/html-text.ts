/**
 * The text of a body container as paragraphs, with its image captions and its closing sign-off (byline or
 * source line) set apart. The DOM is only read.
 */
import type { CheerioAPI } from 'cheerio';
import { findBody, findLead } from './html-body.js';
import { isCaption } from './html-captions.js';
import { isRelatedLine, isSkipped } from './html-boilerplate.js';
import { linkDensity, measureDensity, type Density } from './html-density.js';
import { BLOCK_TAGS, contains, isElement, walk, type Element, type ParentNode } from './html-dom.js';
import { indexPage, selected, type PageIndex } from './html-page.js';
import type { SiteProfile } from './html-profiles.js';
import { collapseWhitespace, foldWhitespace } from './whitespace.js';

/** The selectors of a site profile that shape the text. */
export type TextSelectors = Pick<SiteProfile, 'body' | 'lead' | 'captions' | 'noise'>;

const NO_SELECTORS: TextSelectors = { body: [], lead: [], captions: [], noise: [] };

/** The article's lead and body as paragraphs (the lead first), with the body's captions and sign-off. */
export function readArticleText(page: PageIndex, selectors: TextSelectors = NO_SELECTORS): BodyText {
  const densities = measureDensity(page.body ?? page.root);
  const body = findBody(page, densities, selectors.body);
  const inBody = (selector: string) =>
    selected(page, selector).filter((element) => body.some((root) => root !== element && contains(root, element)));
  const context: TextContext = {
    densities,
    noise: new Set(selectors.noise.flatMap(inBody)),
    captions: new Set(selectors.captions.flatMap(inBody)),
  };
  const lead = findLead(page, body, selectors.lead);
  const leadText = lead ? readBodyText([lead], context) : { paragraphs: [], captions: [], signOff: [] };
  const bodyText = readBodyText(body, context);
  return {
    paragraphs: [
      ...leadText.paragraphs,
      ...bodyText.paragraphs.filter((paragraph) => !leadText.paragraphs.includes(paragraph)),
    ],
    captions: [...leadText.captions, ...bodyText.captions],
    signOff: bodyText.signOff,
  };
}

/** The main text of a page as paragraphs, found without a site profile. */
export function extractMainText($: CheerioAPI): string[] {
  return readArticleText(indexPage($.root()[0]!)).paragraphs;
}

export interface BodyText {
  paragraphs: string[];
  captions: string[];
  /** Short closing lines (author, "Theo …" source), in order, taken out of `paragraphs`. */
  signOff: string[];
}

export interface TextContext {
  /** Densities of the elements below the roots (see `measureDensity`). */
  densities: ReadonlyMap<Element, Density>;
  /** Elements to leave out (a site profile's noise). */
  noise: ReadonlySet<Element>;
  /** Elements that are captions (a site profile's captions). */
  captions: ReadonlySet<Element>;
}

/** A block this link-heavy is a list of links (related news, tags), not text. */
const MAX_LINK_DENSITY = 0.6;

export function readBodyText(roots: readonly ParentNode[], context: TextContext): BodyText {
  const builder = new ParagraphBuilder();
  const captions: string[] = [];
  const blocks: Element[] = [];
  let linkDepth = 0;
  for (const root of roots) {
    walk(root, {
      enter(element) {
        if (isSkipped(element) || context.noise.has(element)) return false;
        const density = context.densities.get(element);
        if (density && density.links >= 2 && linkDensity(density) > MAX_LINK_DENSITY && BLOCK_TAGS.has(element.name)) {
          return false;
        }
        if (context.captions.has(element) || isCaption(element, density, previousDensity(element, context.densities))) {
          const caption = plainParagraphs(element).join(' ');
          if (caption) captions.push(caption);
          return false;
        }
        if (element.name === 'br') {
          builder.lineBreak();
          return false;
        }
        if (element.name === 'a') linkDepth++;
        if (BLOCK_TAGS.has(element.name)) {
          builder.endParagraph();
          blocks.push(element);
        }
        return true;
      },
      exit(element) {
        if (element.name === 'a') linkDepth--;
        if (BLOCK_TAGS.has(element.name)) {
          builder.endParagraph();
          blocks.pop();
        }
      },
      text: (data) => builder.text(data, linkDepth > 0, blocks[blocks.length - 1] ?? root),
    });
    builder.endParagraph();
  }
  const paragraphs = builder.paragraphs;
  const signOff: string[] = [];
  while (paragraphs.length > 1 && signOff.length < 3 && isSignOff(paragraphs[paragraphs.length - 1]!, roots)) {
    signOff.unshift(paragraphs.pop()!.text);
  }
  return { paragraphs: paragraphs.map((paragraph) => paragraph.text), captions, signOff };
}

/** The element's paragraphs, nothing left out but what is never text: for captions and leads. */
export function plainParagraphs(root: ParentNode): string[] {
  return readBodyText([root], { densities: new Map(), noise: new Set(), captions: new Set() }).paragraphs;
}

/** Paragraphs of the root, boilerplate, link lists and captions left out. */
export function blockParagraphs(root: ParentNode): string[] {
  return readBodyText([root], { densities: measureDensity(root), noise: new Set(), captions: new Set() }).paragraphs;
}

function previousDensity(element: Element, densities: ReadonlyMap<Element, Density>): Density | undefined {
  let previous = element.prev;
  while (previous && !isElement(previous) && (previous.type !== 'text' || previous.data.trim() === '')) {
    previous = previous.prev;
  }
  return previous && isElement(previous) ? densities.get(previous) : undefined;
}

interface Paragraph {
  text: string;
  /** The innermost block that held its first text. */
  block: ParentNode;
}

/**
 * Builds paragraphs from text pieces: blocks end one, `<br>` ends a line (two in a row end the paragraph).
 * A line made only of links, or a "Xem thêm: <link>" line, is an inline related-news link and is dropped.
 */
class ParagraphBuilder {
  readonly paragraphs: Paragraph[] = [];
  private lines: string[] = [];
  private line = '';
  private lineHasPlainWords = false;
  private lineHasLink = false;
  private block: ParentNode | null = null;

  text(data: string, linked: boolean, block: ParentNode): void {
    // Line breaks in the source are plain whitespace; only <br> breaks a line.
    const piece = foldWhitespace(data);
    if (piece === ' ' || piece === '') {
      if (this.line !== '') this.line += piece;
      return;
    }
    this.block ??= block;
    this.line += piece;
    if (linked) this.lineHasLink = true;
    else if (!this.lineHasPlainWords && /[\p{L}\p{N}]/u.test(piece)) this.lineHasPlainWords = true;
  }

  lineBreak(): void {
    if (collapseWhitespace(this.line) === '' && this.lines.length > 0) this.endParagraph();
    else this.endLine();
  }

  endParagraph(): void {
    this.endLine();
    if (this.lines.length > 0) this.paragraphs.push({ text: this.lines.join('\n'), block: this.block! });
    this.lines = [];
    this.block = null;
  }

  private endLine(): void {
    const line = collapseWhitespace(this.line);
    const related = this.lineHasLink && (!this.lineHasPlainWords || isRelatedLine(line));
    if (line !== '' && !related) this.lines.push(line);
    this.line = '';
    this.lineHasPlainWords = false;
    this.lineHasLink = false;
  }
}

const MAX_SIGN_OFF_CHARS = 60;

/**
 * A closing line that names the author or the source rather than continuing the text: short, without a
 * sentence's final punctuation, and right-aligned, all bold, or a "Theo …" credit.
 */
function isSignOff(paragraph: Paragraph, roots: readonly ParentNode[]): boolean {
  const { text, block } = paragraph;
  if (text.length > MAX_SIGN_OFF_CHARS || text.includes('\n') || /[.!?:;…"”]$/.test(text)) return false;
  if (/^theo\s/i.test(text) && !/[.!?]$/.test(text)) return true;
  return isElement(block) && (isRightAligned(block, roots) || isAllBold(block));
}

function isRightAligned(block: Element, roots: readonly ParentNode[]): boolean {
  for (let node: ParentNode | null = block; node && !roots.includes(node); node = node.parent) {
    if (!isElement(node)) return false;
    const { align, style } = node.attribs;
    if (align?.toLowerCase() === 'right' || (style !== undefined && /text-align\s*:\s*right/i.test(style))) return true;
  }
  return false;
}

/** Every piece of text in the block sits in a <strong> or <b>. */
function isAllBold(block: Element): boolean {
  const stack: { node: Element['children'][number]; bold: boolean }[] = block.children.map((node) => ({ node, bold: false }));
  while (stack.length > 0) {
    const { node, bold } = stack.pop()!;
    if (node.type === 'text' && node.data.trim() !== '' && !bold) return false;
    if (!isElement(node)) continue;
    const inBold = bold || node.name === 'strong' || node.name === 'b';
    for (const child of node.children) stack.push({ node: child, bold: inBold });
  }
  return true;
}
