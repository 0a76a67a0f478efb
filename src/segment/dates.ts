/** "YYYY-MM-DD" for a day-first calendar date, or null when there is no such day. */
export function isoDate(day: number, month: number, year: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const NUMERIC_DATE = /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/g;
const WORDED_DATE = /(?<!\d)(\d{1,2}) tháng (\d{1,2}) năm (\d{4})(?!\d)/giu;
// What a page header prints around its date: weekday, time, label, separators.
const HEADER_WORDS = new RegExp(
  String.raw`(?<![\p{L}\d])(?:` +
    [
      String.raw`thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|t[2-7]|cn`,
      String.raw`gmt ?[+-] ?\d{1,2}`,
      String.raw`\d{1,2}(?::\d{2}){1,2}(?: ?(?:am|pm))?|\d{1,2}h\d{2}`,
      String.raw`ngày đăng|cập nhật lúc|cập nhật|đăng lúc|đăng ngày|đăng|xuất bản|thời gian|lúc|ngày|updated|update|posted|published`,
    ].join('|') +
    String.raw`)(?![\p{L}\d])`,
  'giu',
);

/**
 * The date that a page-header line shows ("Thứ Sáu, 19/11/2021, 18:27", "Cập nhật: 14:01 | 31/01/2024",
 * "09:03, 13/03/2019", "27/11/2020 - 10:33"), or null when the line says anything besides a date.
 */
export function parseDateLine(line: string): string | null {
  const dates = [
    ...[...line.matchAll(NUMERIC_DATE)].map((m) => isoDate(Number(m[1]), Number(m[3]), Number(m[4]))),
    ...[...line.matchAll(WORDED_DATE)].map((m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3]))),
  ];
  if (dates.length !== 1) return null;
  const rest = line.replace(NUMERIC_DATE, ' ').replace(WORDED_DATE, ' ').replace(HEADER_WORDS, ' ');
  return /^[\s,|:;()\-–—/.]*$/u.test(rest) ? dates[0]! : null;
}
