/** Recognizes the parts of a news page that are not the article: chrome, boxes, hidden and related-news blocks. */
import { fold } from './fold.js';
import { hasAncestorOrSelf, isElement, shortText, type Element } from './html-dom.js';

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

const HIDDEN_CLASSES = new Set(['d-none', 'hidden', 'hide']);

/** Headings of related-news lists, folded (see `fold`). */
const RELATED_LABELS = new Set(
  [
    'Tin liên quan', 'Bài liên quan', 'Tin mới', 'Tin khác', 'Tin cùng chuyên mục', 'Đọc thêm',
    'Xem thêm', 'Tham khảo thêm', 'Đọc tiếp', 'Có thể bạn quan tâm', 'Tin nổi bật', 'Đọc nhiều',
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

/** A search or comment form; not the <form> that ASP.NET WebForms pages wrap around the whole <body>. */
function isForm(element: Element): boolean {
  const parent = element.parent;
  return element.name === 'form' && !(isElement(parent) && parent.name === 'body');
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
    (className ?? '').split(/\s+/).some((name) => HIDDEN_CLASSES.has(name))
  );
}

/** A block that opens with a related-news heading ("Tin liên quan", "TIN MỚI") followed by its list. */
function isRelatedList(element: Element): boolean {
  const children = element.children.filter(isElement);
  if (children.length < 2) return false;
  const label = shortText(children[0]!, MAX_LABEL_CHARS);
  return label !== null && RELATED_LABELS.has(fold(label));
}
