/** Reporting the decoding of documents: one line per converted document, counts per input file. */
import type { RawDocument } from '../types.js';
import type { Conversion } from './decode.js';

const FROM: Record<Conversion, string> = {
  'windows-1258': 'windows-1258',
  tcvn3: 'TCVN3 (ABC font encoding)',
  vni: 'VNI (font encoding)',
  'utf-8': 'UTF-8 mojibake',
};

/** "converted from TCVN3 (ABC font encoding), bytes read as windows-1252", or null when the text needed no conversion. */
export function describeDecoding(doc: RawDocument): string | null {
  const decoding = doc.decoding;
  if (!decoding?.converted) return null;
  const readAs = decoding.charset === decoding.converted ? '' : `, bytes read as ${decoding.charset}`;
  return `converted from ${FROM[decoding.converted]}${readAs}`;
}

/** The input file a document came from: its source without the record's "#N". */
export function inputFileOf(doc: Pick<RawDocument, 'source'>): string {
  return doc.source.replace(/#\d+$/, '');
}

/** Conversions counted per input file, for the run report. */
export class ConversionCounts {
  readonly byFile = new Map<string, Partial<Record<Conversion, number>>>();

  add(doc: Pick<RawDocument, 'source' | 'decoding'>): void {
    const converted = doc.decoding?.converted;
    if (!converted) return;
    const counts = this.byFile.get(inputFileOf(doc)) ?? {};
    counts[converted] = (counts[converted] ?? 0) + 1;
    this.byFile.set(inputFileOf(doc), counts);
  }

  /** Documents converted, in all files. */
  total(): number {
    let n = 0;
    for (const counts of this.byFile.values()) for (const k of Object.values(counts)) n += k;
    return n;
  }

  /** One line per file: "crawl.jsonl: 3 tcvn3, 1 windows-1258". */
  lines(): string[] {
    return [...this.byFile].map(([file, counts]) => `${file}: ${Object.entries(counts).map(([conversion, n]) => `${n} ${conversion}`).join(', ')}`);
  }
}
