import { parseDateLine } from './dates.js';

// Page chrome that a scraper keeps along with the article.
const CHROME_LINE = /^(?:A\s?A|A[+-]\s?A[+-]|En|EN|Vi|VN|Tìm kiếm|Tin xem nhiều|Đọc nhiều|Xem nhiều|Tin mới|Tin liên quan|Tin cùng chuyên mục|Bài liên quan|Bình luận|In bài|Gửi bài|Trang chủ|Về đầu trang|Quay lại|Liên kết website)\s*:?$/iu;
const CHROME_PREFIX = /^(?:xem thêm|chia sẻ|share|lượt xem|lượt đọc|lượt thích|bản quyền|copyright|©|tags?\s*:|từ khóa\s*:|thời lượng\s*:|thông tin thêm|nguồn\s*:)/iu;
const SITE_NAME = /^(?:báo|tạp chí|cổng thông tin|trang thông tin|đài|truyền hình)\s.{0,60}(?:điện tử|online|\.vn)$/iu;
const DOMAIN_ONLY = /^\(?[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)\)?$/iu;
const NO_WORDS = /^[\p{P}\p{S}\s]*$/u;

/**
 * Whether a line is page furniture rather than article text: a date line, a site name, a
 * share bar, a view counter, a copyright or "read more" line, a lone punctuation mark.
 */
export function isFurnitureLine(line: string): boolean {
  const bare = line.trim().replace(/^[-–•]\s+/u, '');
  return (
    NO_WORDS.test(bare) ||
    CHROME_LINE.test(bare) ||
    CHROME_PREFIX.test(bare) ||
    SITE_NAME.test(bare) ||
    DOMAIN_ONLY.test(bare) ||
    parseDateLine(bare) !== null
  );
}

/** Headings of the related-news lists that close many pages ("Tin liên quan:", "Xem thêm"). */
const RELATED_HEADING = /^(?:tin liên quan|bài liên quan|tin cùng chuyên mục|tin mới|tin khác|xem thêm|đọc thêm|có thể bạn quan tâm)\b.{0,20}$/iu;
/** A headline in such a list: a bullet, or a line with no sentence in it. */
const LISTED_HEADLINE = /^(?:[-–•+]\s|[^.!?…]{1,200}$)/u;

/**
 * Lines of related-news lists: each heading and the headlines listed under it. A headline
 * there names another article's facts ("Cụm thi đua số 6 tổng kết …") and must not count.
 */
export function relatedNewsLines(lines: readonly string[]): number[] {
  const out: number[] = [];
  lines.forEach((line, i) => {
    if (!RELATED_HEADING.test(line.trim())) return;
    out.push(i);
    for (let j = i + 1; j < lines.length && LISTED_HEADLINE.test(lines[j]!.trim()); j++) out.push(j);
  });
  return out;
}
