/**
 * Normalizes a machine-readable publication date ("2015-03-23 08:06 +07:00", "2026-03-07T08:52:11.000 +07:00")
 * to ISO: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" or "YYYY-MM-DDTHH:MM:SS+07:00", as precise as it was given.
 * A time zone is never invented. Returns null for anything else.
 */
export function normalizePublished(value: string): string | null {
  const match = ISO_LIKE.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, zone] = match;
  if (!year || !month || !day || !isValidDate(Number(year), Number(month), Number(day))) return null;
  const date = `${year}-${month}-${day}`;
  if (hour === undefined || minute === undefined) return date;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return null;
  return `${date}T${hour}:${minute}:${second ?? '00'}${zone === undefined ? '' : isoOffset(zone)}`;
}

// Date, then optionally a time (seconds and fraction optional) and a zone, possibly after a space.
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)? ?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isValidDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isoOffset(zone: string): string {
  if (zone === 'Z') return '+00:00';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/** Vietnamese news pages give local time: a date-time without a zone is read at this offset. */
export const VIETNAM_OFFSET = '+07:00';

/**
 * Reads a date-time as Vietnamese pages show it: "Thứ Sáu, 19/11/2021, 18:27", "08:36 ngày 14/03/2016",
 * "07-03-2026 - 00:01 AM", "16/01/2014 | 16:05", "23/03/2015 08:06 GMT+7". Day first, a four-digit year,
 * the time before or after the date; the zone is `VIETNAM_OFFSET` unless a "GMT+N" says otherwise.
 * A date without a time gives "YYYY-MM-DD". Returns null when the text holds no such date.
 */
export function parseVisibleDate(text: string): string | null {
  const date = VISIBLE_DATE.exec(text);
  if (!date) return null;
  const [, day, month, year] = date;
  if (!isValidDate(Number(year), Number(month), Number(day))) return null;
  const ymd = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const time = VISIBLE_TIME.exec(text.slice(date.index + date[0].length)) ?? VISIBLE_TIME.exec(text.slice(0, date.index));
  if (!time) return ymd;
  let hour = Number(time[1]);
  const [, , minute, second, meridiem] = time;
  if (meridiem?.toUpperCase() === 'PM' && hour < 12) hour += 12;
  if (meridiem?.toUpperCase() === 'AM' && hour === 12) hour = 0;
  if (hour > 23) return null;
  const gmt = /GMT\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i.exec(text);
  const zone = gmt ? `${gmt[1]}${gmt[2]!.padStart(2, '0')}:${gmt[3] ?? '00'}` : VIETNAM_OFFSET;
  return `${ymd}T${String(hour).padStart(2, '0')}:${minute}:${second ?? '00'}${zone}`;
}

const VISIBLE_DATE = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/;
const VISIBLE_TIME = /(?<![\d/.-])([01]?\d|2[0-3])[:h](\d{2})(?::(\d{2}))?(?:\s*(AM|PM)\b)?(?![\d/])/i;

/** The earliest instant an ISO date can mean (a date starts at midnight, Vietnamese time), in ms. */
export function earliestInstant(iso: string): number {
  if (iso.length === 10) return Date.parse(`${iso}T00:00:00${VIETNAM_OFFSET}`);
  return Date.parse(/[+-]\d{2}:\d{2}$/.test(iso) ? iso : `${iso}${VIETNAM_OFFSET}`);
}
