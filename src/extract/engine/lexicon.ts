import { RuleFileError } from './errors.js';
import type { YamlFile } from './yaml-file.js';

/**
 * How a lexicon's terms match letter case:
 * - `exact`: as written;
 * - `initial`: the first letter in either case ("Tổng kết", "tổng kết");
 * - `any`: `initial` plus ALL CAPS, as captions print ranks ("ĐẠI TÁ").
 */
export type CaseMode = 'exact' | 'initial' | 'any';

export interface LexiconEntry {
  /** The canonical spelling, what a fact records. */
  term: string;
  /** Other spellings that mean the same (abbreviations, old names, typos). */
  forms: string[];
  attrs: Record<string, string | number | boolean | null>;
}

export interface Lexicon {
  name: string;
  description: string;
  file: string;
  caseMode: CaseMode;
  entries: LexiconEntry[];
}

const NAME_RE = /^[A-Z][A-Z0-9_]*$/;
const CASE_MODES: readonly CaseMode[] = ['exact', 'initial', 'any'];
const LEXICON_KEYS = new Set(['lexicon', 'description', 'case', 'entries']);
const ENTRY_KEYS = new Set(['term', 'also', 'attrs']);

/** Validates one lexicon file: `{lexicon: NAME, description, case?, entries: [term | {term, also?, attrs?}]}`. */
export function lexiconFromYaml(y: YamlFile): Lexicon {
  const fail = (path: (string | number)[], detail: string): never => {
    throw new RuleFileError(y.file, y.lineOf(path), detail);
  };
  const d = y.data as Record<string, unknown> | null;
  if (!d || typeof d !== 'object' || Array.isArray(d)) fail([], 'a lexicon file is a mapping with `lexicon`, `description` and `entries`');
  const doc = d as Record<string, unknown>;
  for (const key of Object.keys(doc)) if (!LEXICON_KEYS.has(key)) fail([key], `unknown key \`${key}\` (allowed: ${[...LEXICON_KEYS].join(', ')})`);
  const name = doc.lexicon;
  if (typeof name !== 'string' || !NAME_RE.test(name)) fail(['lexicon'], '`lexicon` must be an UPPER_CASE name');
  if (typeof doc.description !== 'string' || !doc.description.trim()) fail(['description'], '`description` is required');
  const caseMode = (doc.case ?? 'initial') as CaseMode;
  if (!CASE_MODES.includes(caseMode)) fail(['case'], `\`case\` must be one of ${CASE_MODES.join(', ')}`);
  if (!Array.isArray(doc.entries) || doc.entries.length === 0) fail(['entries'], '`entries` must be a non-empty list');
  const entries = (doc.entries as unknown[]).map((raw, i) => entryFrom(raw, (detail, key) => fail(key ? ['entries', i, key] : ['entries', i], detail)));
  return { name: name as string, description: doc.description as string, file: y.file, caseMode, entries };
}

function entryFrom(raw: unknown, fail: (detail: string, key?: string) => never): LexiconEntry {
  if (typeof raw === 'string' && raw.trim()) return { term: raw.trim(), forms: [], attrs: {} };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail('an entry is a term or {term, also, attrs}');
  const e = raw as Record<string, unknown>;
  for (const key of Object.keys(e)) if (!ENTRY_KEYS.has(key)) fail(`unknown key \`${key}\` in entry (allowed: term, also, attrs)`, key);
  if (typeof e.term !== 'string' || !e.term.trim()) fail('`term` must be a non-empty string', 'term');
  const also = e.also ?? [];
  if (!Array.isArray(also) || also.some((f) => typeof f !== 'string' || !f.trim())) fail('`also` must be a list of strings', 'also');
  const attrs = e.attrs ?? {};
  if (typeof attrs !== 'object' || Array.isArray(attrs)) fail('`attrs` must be a mapping', 'attrs');
  return { term: (e.term as string).trim(), forms: (also as string[]).map((f) => f.trim()), attrs: attrs as LexiconEntry['attrs'] };
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function caseVariants(form: string, mode: CaseMode): string[] {
  if (mode === 'exact') return [form];
  const head = form[0] ?? '';
  const rest = form.slice(1);
  const variants = [form, head.toUpperCase() + rest, head.toLowerCase() + rest];
  if (mode === 'any') variants.push(form.toUpperCase());
  return variants;
}

/** Every written form of every entry, in every case the lexicon allows. */
export function surfaceForms(lex: Lexicon): string[] {
  const all = new Set<string>();
  for (const e of lex.entries) for (const f of [e.term, ...e.forms]) for (const v of caseVariants(f, lex.caseMode)) all.add(v);
  return [...all];
}

/**
 * The lexicon as one regex, factored into a trie of its forms ("Bộ (?:Công an|Quốc phòng)"): a flat
 * alternation of hundreds of forms makes the regex engine try each form in turn at every position. The longest
 * form still wins ("Phó Cục trưởng" over "Phó"): at each node the longer continuations are tried before the end.
 */
export function alternation(lex: Lexicon): string {
  const root: TrieNode = { children: new Map(), end: false };
  for (const form of surfaceForms(lex)) {
    let node = root;
    for (const token of tokensOf(form)) {
      let child = node.children.get(token);
      if (!child) node.children.set(token, (child = { children: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  return `(?:${trieSource(root)})`;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

/**
 * A form's regex tokens: each character escaped, a run of spaces as one space. The rules read sentences of
 * the normalized text (normalizeText), where words are one space apart and no line break falls. `\s+`
 * matched that same space but costs V8 a Unicode whitespace class per word gap, thousands in a rule that
 * names units: compiling the rule set took 1,040 ms instead of 120 ms. No two tokens match the same text.
 */
function tokensOf(form: string): string[] {
  return form.match(/ +|./gsu)!.map((c) => (c.startsWith(' ') ? ' ' : escapeRe(c)));
}

function trieSource(node: TrieNode): string {
  // Sorted so that the source (and the rule set's hash) does not depend on the lexicon's order.
  const branches = [...node.children].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([token, child]) => token + trieSource(child));
  if (branches.length === 0) return '';
  // A greedy `?` tries the longer forms first, then stops at this node's own form.
  if (node.end) return `(?:${branches.join('|')})?`;
  return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
}

/** Finds the entry a matched text stands for (case-insensitive, spaces folded). */
export function lookup(lex: Lexicon, text: string): LexiconEntry | null {
  let index = lookupIndex.get(lex);
  if (!index) {
    index = new Map();
    for (const e of lex.entries) for (const f of [e.term, ...e.forms]) if (!index.has(lookupKey(f))) index.set(lookupKey(f), e);
    lookupIndex.set(lex, index);
  }
  return index.get(lookupKey(text)) ?? null;
}

const lookupIndex = new WeakMap<Lexicon, Map<string, LexiconEntry>>();
/** What `lookup` compares: the text in lower case, NFC, spaces folded. */
export const lookupKey = (s: string): string => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
