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
