import type { Capture } from '../engine/match.js';
import type { Grammar } from '../grammar.js';
import { tidy } from './unit-list.js';

export interface TitleItem {
  text: string;
  start: number;
  end: number;
}

/** Where a title's words stop: a verb, a function word, "năm 2023", or "và" before the next person. */
const TITLE_WORD = String.raw`(?:{NAME_PIECE}|{DASH_JOIN}(?!{STOP}){WORD}|(?!\s+kiêm\s+{TITLE_START})\s+(?!{STOP}|(?:lãnh đạo|đại diện){END}){WORD}|,\s+(?=\p{Ll})(?!{STOP})(?!{HONORIFIC})(?!(?:các|đại diện|lãnh đạo){END}){WORD}|\s+và\s+(?!{RANK})(?!{HONORIFIC})(?!{PERSON_NAME})(?!{TITLE_START})(?!{STOP})(?!(?:đại diện|lãnh đạo|các|cán bộ){END}){WORD})`;
const TITLE = String.raw`{TITLE_START}(?:\s+[-–]\s+{TITLE_START})?${TITLE_WORD}{0,24}`;
/** A title, then a dash and another head over the same organisation: "Giám đốc - Tổng Biên tập Nhà xuất bản …". */
const SHARED_ORG = String.raw`(?<a>{TITLE_START})\s+[-–]\s+(?<b>{TITLE_START})\s+(?<org>.+)`;
const SEPARATOR = String.raw`\s*,\s*|\s+[-–]\s+|\s+kiêm\s+(?={TITLE_START})`;
/** A scope after a title that is not a title itself: ", Bộ Công an". */
const SCOPE = String.raw`(?:{UNIT_START}|{PROVINCE})${TITLE_WORD}{0,6}`;

/**
 * The titles that follow a person's name (`region` starts right after it):
 * ", Chánh Thanh tra Bộ Công an, Cụm trưởng Cụm thi đua số 1 đã …" →
 * ["Chánh Thanh tra Bộ Công an", "Cụm trưởng Cụm thi đua số 1"]. Commas or a
 * dash separate titles; a scope (", Bộ Công an") is passed over; anything
 * else ends the list. With `leading`, the region is itself a title (a title
 * written before the name, "Thứ trưởng Thường trực Đặng Văn Hiếu").
 */
export function parseTitles(g: Grammar, region: Capture, opts: { leading?: boolean } = {}): TitleItem[] {
  const text = region.text;
  const out: TitleItem[] = [];
  // A caption's aside after the name ("Ông X (thứ hai từ phải sang) – Giám đốc …") is passed over.
  let pos = g.at(String.raw`\s*\([^()]{0,60}\)`, text, 0)?.[0].length ?? 0;
  let first = true;
  for (;;) {
    if (!(first && opts.leading)) {
      const sep = g.at(SEPARATOR, text, pos);
      if (!sep) break;
      pos += sep[0].length;
    }
    first = false;
    const title = g.at(TITLE, text, pos);
    if (title) {
      out.push(...splitSharedOrg(g, tidy(title[0]), region.start + pos, region.start + pos + title[0].length));
      pos += title[0].length;
      continue;
    }
    const scope = out.length ? g.at(SCOPE, text, pos) : null;
    if (!scope) break;
    pos += scope[0].length;
  }
  return out;
}

function splitSharedOrg(g: Grammar, title: string, start: number, end: number): TitleItem[] {
  const m = g.at(SHARED_ORG, title, 0);
  if (!m?.groups) return [{ text: title, start, end }];
  const { a, b, org } = m.groups;
  return [
    { text: `${a} ${org}`, start, end },
    { text: `${b} ${org}`, start, end },
  ];
}
