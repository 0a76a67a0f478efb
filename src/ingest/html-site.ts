/** Who publishes a page: its site name and host, to tell the site from a title suffix or an author. */
import { fold } from './fold.js';
import { collapseWhitespace } from './whitespace.js';

export interface Site {
  /** og:site_name, folded (see `fold`). */
  name: string | null;
  /** Host without "www.". */
  host: string | null;
}

/** Names a news site: "Báo Dân trí", "Tuổi Trẻ Online", "VCCorp.vn", the og:site_name or the domain's name. */
export function isSiteName(text: string, site: Site): boolean {
  const key = fold(text);
  if (key.length < 3) return false;
  if (site.name?.includes(key) || (site.host && fold(site.host.split('.')[0]!) === key)) return true;
  if (site.host && key.length >= 5 && fold(site.host).startsWith(key)) return true;
  return /[a-z0-9-]\.(?:vn|com|net|org|gov|info)\b/i.test(text) || SITE_NAME_PATTERN.test(text.toLowerCase());
}

// "Báo cáo" (report) and "báo động" (alarm) start ordinary titles.
const SITE_NAME_PATTERN = /^(?:báo (?!cáo|động)|tạp chí |cổng thông tin )|(?:^|\s)(?:online|news|tv|mobile)$/;

/** The host of an absolute http(s) URL, without "www.". */
export function hostOf(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Whitespace collapsed, and numeric character references decoded: some CMSs escape text twice ("NH&#7852;T"). */
export function cleanText(text: string): string {
  return collapseWhitespace(
    text.replace(/&#(?:x([0-9a-f]{1,6})|(\d{1,7}));/gi, (reference, hex?: string, decimal?: string) => {
      const codePoint = hex ? parseInt(hex, 16) : Number(decimal);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
    }),
  );
}
