/** Recognizes the parts of a news page that are not the article: chrome, boxes, hidden and related-news blocks. */
import { fold } from './fold.js';
import { BLOCK_TAGS, hasAncestorOrSelf, isElement, shortText, type Element } from './html-dom.js';

/** Elements whose text is never article text (`h1` is the title, kept in the metadata; forms, see `isForm`). */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'iframe', 'svg', 'nav', 'header', 'footer', 'aside',
  'template', 'button', 'select', 'textarea', 'object', 'embed', 'video', 'audio', 'canvas', 'h1',
]);

/** Elements that a body container or lead is never inside. */
const PAGE_CHROME_TAGS = new Set(['nav', 'footer', 'aside']);

/**
 * Class, id or CMS `type` of share bars, comment threads, related-news and tag boxes, breadcrumbs and ads
 * (VCCorp sites mark inline related news as `<div type="RelatedOneNews">`).
 */
const BOX_PATTERN = new RegExp(
  [
    'share', 'social', 'comment', 'relate', 'lienquan', 'breadcrumb', 'tags', 'tag[-_]', 'banner', 'advert',
    'quangcao', 'sponsor', 'subscribe', 'newsletter', '(?:^|[\\s_-])ads?(?:[\\s_-]|$)',
  ].join('|'),
);

const HIDDEN_CLASS = /(?:^|\s)(?:d-none|hidden|hide)(?:\s|$)/;

/** Headings of related-news lists, folded (see `fold`). */
const RELATED_LABELS = new Set(
  [
    'Tin liên quan', 'Bài liên quan', 'Bài viết liên quan', 'Tin bài liên quan', 'Tin mới', 'Tin khác',
    'Tin cùng chuyên mục', 'Đọc thêm', 'Xem thêm', 'Tham khảo thêm', 'Đọc tiếp', 'Có thể bạn quan tâm',
    'Tin nổi bật', 'Đọc nhiều', 'Tin đọc nhiều', 'Các bài đã đăng', 'Tin đã đưa', 'Tin tiêu điểm',
  ].map(fold),
);
const MAX_LABEL_CHARS = 40;

/** An element the text walk leaves out, with everything inside it. */
export function isSkipped(element: Element): boolean {
  return (
    SKIPPED_TAGS.has(element.name) ||
    isForm(element) ||
    isBoilerplateBox(element) ||
    isHidden(element) ||
    isRelatedList(element)
  );
}

/** Inside navigation, a footer, an aside or a boilerplate box (the element itself included). */
export function isPageChrome(element: Element): boolean {
  return hasAncestorOrSelf(element, (node) => PAGE_CHROME_TAGS.has(node.name) || isBoilerplateBox(node));
}

/** A search or comment form; not the <form> that ASP.NET WebForms pages wrap around the whole page. */
function isForm(element: Element): boolean {
  if (element.name !== 'form') return false;
  const parent = element.parent;
  const wrapper = (isElement(parent) && parent.name === 'body') || /aspnet/i.test(element.attribs['id'] ?? '');
  return !wrapper;
}

/** Never <html> or <body>: a page-wide class such as "has-comments" must not hide the whole page. */
function isBoilerplateBox(element: Element): boolean {
  const { class: className, id, type } = element.attribs;
  if (className === undefined && id === undefined && type === undefined) return false;
  if (element.name === 'html' || element.name === 'body') return false;
  return BOX_PATTERN.test(`${className ?? ''} ${id ?? ''} ${type ?? ''}`.toLowerCase());
}

function isHidden(element: Element): boolean {
  const { class: className, style, hidden } = element.attribs;
  return (
    hidden !== undefined ||
    (style !== undefined && /display\s*:\s*none/i.test(style)) ||
    (className !== undefined && HIDDEN_CLASS.test(className))
  );
}

/** A block that opens with a related-news heading ("Tin liên quan", "TIN MỚI") followed by its list. */
function isRelatedList(element: Element): boolean {
  // Two element children at least, found without collecting them: this runs for every element.
  const first = element.children.find(isElement);
  if (!first || !element.children.some((child) => child !== first && isElement(child))) return false;
  // The label is a heading, not a box of its own that holds the list (that box is caught by itself).
  if (first.children.some((child) => isElement(child) && BLOCK_TAGS.has(child.name))) return false;
  const label = shortText(first, MAX_LABEL_CHARS);
  return label !== null && RELATED_LABELS.has(fold(label));
}

/** A line that points to another article: "Xem thêm: …", "Tin liên quan: …", ">> …". */
export function isRelatedLine(line: string): boolean {
  if (/^(?:>>|»|►|→)/.test(line)) return true;
  const colon = line.indexOf(':');
  return colon > 0 && colon <= MAX_LABEL_CHARS && RELATED_LABELS.has(fold(line.slice(0, colon)));
}
