/**
 * The legacy Vietnamese font encodings TCVN3 (ABC) and VNI, read from their bytes with the tables in
 * rules/encodings/. Both are 8-bit: a naive reader shows them as Latin-1 ("Hµ Néi", "Haø Noäi" for Hà Nội).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultRulesDir } from '../paths.js';
import { decodeWindows1252, WINDOWS_1252_CHARS } from './single-byte.js';

export type LegacyFont = 'tcvn3' | 'vni';

/** Decodes TCVN3 bytes; bytes outside the table read as windows-1252. */
export function decodeTcvn3(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += TCVN3[byte];
  return text;
}

/** Decodes VNI bytes: each base letter and the mark byte after it become one precomposed letter. */
export function decodeVni(bytes: Uint8Array): string {
  return decodeWindows1252(bytes).replace(VNI.pattern, (sequence, base?: string, mark?: string) =>
    base && mark ? ((VNI.letters.get(base) ?? base) + VNI.marks.get(mark)!).normalize('NFC') : VNI.letters.get(sequence)!,
  );
}

export const decodeLegacyFont: Record<LegacyFont, (bytes: Uint8Array) => string> = { tcvn3: decodeTcvn3, vni: decodeVni };

const TCVN3 = loadTcvn3();
const VNI = loadVni();

function loadTable(name: string): Record<string, unknown> {
  return parse(readFileSync(join(defaultRulesDir(), 'encodings', `${name}.yaml`), 'utf8')) as Record<string, unknown>;
}

/** byte → character for all 256 bytes. */
function loadTcvn3(): string[] {
  const table = [...WINDOWS_1252_CHARS];
  for (const [hex, letter] of Object.entries(loadTable('tcvn3')['bytes'] as Record<string, string>)) {
    table[parseInt(hex, 16)] = letter;
  }
  return table;
}

interface VniTable {
  /** mark byte (as windows-1252 shows it) → combining characters */
  marks: Map<string, string>;
  /** single-byte letters */
  letters: Map<string, string>;
  /** a base letter with its mark byte (groups 1 and 2), or a single-byte letter */
  pattern: RegExp;
}

function loadVni(): VniTable {
  const data = loadTable('vni') as {
    bases: string;
    marks: Record<string, string[]>;
    combining: Record<string, string>;
    letters: Record<string, string>;
  };
  const combining = (name: string): string => {
    const mark = data.combining[name];
    if (mark === undefined) throw new Error(`rules/encodings/vni.yaml: unknown mark "${name}"`);
    return mark;
  };
  const marks = new Map(Object.entries(data.marks).map(([byte, names]) => [byte, names.map(combining).join('')]));
  const letters = new Map(Object.entries(data.letters));
  const pattern = new RegExp(`([${data.bases}])([${[...marks.keys()].join('')}])|[${[...letters.keys()].join('')}]`, 'g');
  return { marks, letters, pattern };
}
