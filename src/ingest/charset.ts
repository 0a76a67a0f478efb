/** Where a text's charset is declared: its byte-order mark, the HTTP Content-Type header, the HTML <meta>. */
import type { LegacyFont } from './legacy-fonts.js';

/** A charset TextDecoder knows (by its canonical name, e.g. "windows-1258"), or a legacy Vietnamese font. */
export type Charset = { kind: 'decoder'; name: string } | { kind: 'legacy'; name: LegacyFont };

const LEGACY_LABELS: Record<string, LegacyFont> = { tcvn3: 'tcvn3', 'tcvn-3': 'tcvn3', tcvn: 'tcvn3', abc: 'tcvn3', vni: 'vni', 'vni-windows': 'vni' };

/** The charset a label names (WHATWG labels: "latin1" is windows-1252, "utf8" utf-8…), or null if unknown. */
export function charsetOf(label: string): Charset | null {
  const key = label.trim().toLowerCase();
  const legacy = LEGACY_LABELS[key];
  if (legacy) return { kind: 'legacy', name: legacy };
  try {
    return { kind: 'decoder', name: new TextDecoder(key).encoding };
  } catch {
    return null;
  }
}

const BOMS: [bytes: number[], charset: string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** The charset a byte-order mark announces, and the mark's length. */
export function bomOf(bytes: Uint8Array): { charset: string; length: number } | null {
  for (const [mark, charset] of BOMS) {
    if (mark.every((byte, i) => bytes[i] === byte)) return { charset, length: mark.length };
  }
  return null;
}

/** The charset parameter of a Content-Type value ("text/html; charset=UTF-8" → "UTF-8"). */
export function contentTypeCharset(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

/** How far into an HTML page a <meta> charset is looked for (the HTML standard's prescan reads 1024 bytes; pages overrun it). */
const META_SCAN_BYTES = 4096;
const META_TAG = /<meta\s[^>]*>/gi;

/** The charset an HTML page declares in `<meta charset>` or `<meta http-equiv="Content-Type" content="…">`. */
export function metaCharset(html: Uint8Array): string | null {
  const head = Buffer.from(html.buffer, html.byteOffset, Math.min(html.byteLength, META_SCAN_BYTES)).toString('latin1');
  for (const [tag] of head.matchAll(META_TAG)) {
    const direct = /\scharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(tag)?.[1];
    const declared = direct ?? (/http-equiv\s*=\s*["']?content-type/i.test(tag) ? contentTypeCharset(/\scontent\s*=\s*["']([^"']*)/i.exec(tag)?.[1]) : null);
    // A page that is readable as ASCII cannot really be UTF-16, whatever it says (the standard reads it as UTF-8).
    if (declared) return /^utf-16/i.test(declared) ? 'utf-8' : declared;
  }
  return null;
}
