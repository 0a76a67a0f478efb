/**
 * The words the generator fills its templates with, read from the project's own lexicons and gazetteers
 * (rules/), so that the synthetic corpus speaks the vocabulary the extraction rules are written for.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Entry = string | { term: string; also?: string[]; attrs?: Record<string, string | number> };

export interface Province {
  name: string;
  /** "tỉnh" or "thành phố". */
  type: string;
}

export interface Vocabulary {
  provinces: Province[];
  /** Officers' ranks, generals to lieutenants. */
  officerRanks: string[];
  surnames: string[];
  /** Capitalised first words of award names ("Cờ thi đua", "Bằng khen", "Huân chương"). */
  awardHeads: string[];
  ministries: string[];
  /** Provincial departments ("Sở Giáo dục và Đào tạo"). */
  departments: string[];
  /** Number words by value, 1 to 10 ("sáu"). */
  numberWords: Map<number, string>;
}

const RULES = new URL('../rules/', import.meta.url);

function entries(file: string): Entry[] {
  const doc = parse(readFileSync(new URL(file, RULES), 'utf8')) as { entries: Entry[] };
  return doc.entries;
}

const term = (entry: Entry): string => (typeof entry === 'string' ? entry : entry.term);

export function loadVocabulary(): Vocabulary {
  const provinces = entries('gazetteers/provinces.yaml').map((entry) => ({
    name: term(entry),
    type: typeof entry === 'string' ? 'tỉnh' : String(entry.attrs?.['type'] ?? 'tỉnh'),
  }));
  const ranks = entries('lexicons/ranks.yaml').map(term);
  const organisations = entries('gazetteers/organisations.yaml').map(term);
  const numberWords = new Map<number, string>();
  for (const entry of entries('lexicons/numbers.yaml')) {
    if (typeof entry === 'string' || entry.attrs?.['role'] !== undefined) continue;
    const value = Number(entry.attrs?.['value']);
    if (value >= 1 && value <= 10) numberWords.set(value, entry.term);
  }
  return {
    provinces,
    officerRanks: ranks.filter((rank) => /(tướng|tá|úy)$/.test(rank) && rank !== 'Chuẩn úy' && rank !== 'Đại tướng'),
    surnames: [...new Set(entries('lexicons/surnames.yaml').map(term))].filter((name) => /^\p{Lu}\p{Ll}+$/u.test(name)),
    awardHeads: [...new Set(entries('lexicons/award-heads.yaml').map(term))].filter((head) => /^\p{Lu}/u.test(head)),
    ministries: organisations.filter((name) => name.startsWith('Bộ ')),
    departments: organisations.filter((name) => name.startsWith('Sở ')),
    numberWords,
  };
}
