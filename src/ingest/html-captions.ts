/**
 * Recognizes image captions in a body. They are kept apart from the text: a caption often restates a
 * sentence of the article, and read as text it would state the fact twice.
 */
import type { Density } from './html-density.js';
import { isElement, shortText, type Element } from './html-dom.js';

const CAPTION_NAME = /caption|legend|chu-?thich|desc_image/;
/** "Ảnh: Reuters", "(Ảnh minh hoạ)", "Ảnh minh họa": a photo credit. */
const PHOTO_CREDIT = /(?:^|[\s(–-])ảnh(?:\s*:|\s+minh\s+ho)/iu;
const MAX_CAPTION_CHARS = 300;

/**
 * A caption: a <figcaption>, an element whose class names one ("PhotoCMS_Caption", "ck_legend"), a
 * centered block that starts with its image ("<div align=center><img><br>Caption</div>"), or a short block
 * right under an image-only block that is centered, italic or credits a photo ("Ảnh: …").
 */
export function isCaption(element: Element, density: Density | undefined, previous: Density | undefined): boolean {
  if (element.name === 'figcaption') return true;
  const { class: className, id } = element.attribs;
  if ((className !== undefined || id !== undefined) && CAPTION_NAME.test(`${className ?? ''} ${id ?? ''}`.toLowerCase())) {
    return element.name !== 'figure' && element.name !== 'table';
  }
  if (!density || density.chars === 0 || density.chars > MAX_CAPTION_CHARS) return false;
  if (density.images > 0) return isCentered(element) && startsWithImage(element);
  const underImage = previous !== undefined && previous.images > 0 && previous.chars === 0;
  return underImage && (isCentered(element) || isItalic(element) || PHOTO_CREDIT.test(shortText(element, MAX_CAPTION_CHARS) ?? ''));
}

function isCentered(element: Element): boolean {
  const { align, style } = element.attribs;
  return align?.toLowerCase() === 'center' || (style !== undefined && /text-align\s*:\s*center/i.test(style));
}

/** Only an <em> or <i> (possibly inside a <span>) holds the text. */
function isItalic(element: Element): boolean {
  const children = element.children.filter((child) => isElement(child) || (child.type === 'text' && child.data.trim() !== ''));
  const only = children.length === 1 ? children[0] : undefined;
  if (!only || !isElement(only)) return false;
  return only.name === 'em' || only.name === 'i' || (only.name === 'span' && isItalic(only));
}

/** An image comes before any text. */
function startsWithImage(element: Element): boolean {
  const stack = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' && node.data.trim() !== '') return false;
    if (!isElement(node)) continue;
    if (node.name === 'img') return true;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return false;
}
