// "Tin, ảnh: ", "Bài và ảnh: ", "Ảnh: ": what the author did, before the names.
const CREDIT_LABEL = /^(?:tin|bài|ảnh|video|clip|thực hiện)(?:\s*(?:,|và|\+|&|\/)\s*(?:tin|bài|ảnh|video|clip))*\s*:\s*/iu;
const NAME_SEPARATOR = /\s+[-–—&]\s+|\s*[,;/]\s*|\s+và\s+/u;
const CAPITALISED = /^\p{Lu}\p{Ll}*$/u;
const ALL_CAPS = /^\p{Lu}{2,}$/u;
const INITIALS = /^(?:\p{Lu}\.)+\p{Lu}?\p{Ll}*$/u; // "C.N", "N.Hương"
const MAX_BYLINE_LENGTH = 80;

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** A personal name as bylines print it: one to five capitalised words, all of them capitals or none; initials allowed. */
function readName(raw: string): string | null {
  const words = raw.trim().split(/\s+/);
  if (words.length > 5) return null;
  const named = words.filter((w) => !INITIALS.test(w));
  const capitals = named.filter((w) => ALL_CAPS.test(w)).length;
  if (capitals > 0 && capitals < named.length) return null;
  if (!named.every((w) => CAPITALISED.test(w) || ALL_CAPS.test(w))) return null;
  if (words.length === 1 && named.length === 1) return null; // "PV", "Hết": not a person's name
  return words.map((w) => (ALL_CAPS.test(w) ? titleCase(w) : w)).join(' ');
}

/**
 * The authors a byline line names ("Hiếu Quỳnh", "C.N", "Tin, ảnh: THÀNH TRUNG" → ["Thành Trung"],
 * "Văn Hải - Mạnh Khiêm" → two), or null when the line is not a byline.
 */
export function parseByline(line: string): string[] | null {
  if (line.length > MAX_BYLINE_LENGTH) return null;
  const names = line.trim().replace(CREDIT_LABEL, '').split(NAME_SEPARATOR).map(readName);
  return names.every((n): n is string => n !== null) ? [...new Set(names)] : null;
}
