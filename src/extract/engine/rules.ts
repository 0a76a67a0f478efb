import { RuleFileError } from './errors.js';
import { firstCharGuard } from './first-chars.js';
import { parsePattern } from './pattern-ast.js';
import { requiredLiterals } from './required-literals.js';
import { MacroError, type MacroTable } from './macros.js';
import { fieldOf } from './match.js';
import type { YamlFile } from './yaml-file.js';

/** What a rule reads, and the named groups (fields) its pattern may capture or `set`. */
export const FACT_FIELDS = {
  cluster: ['number', 'label', 'scope'],
  event: ['kind', 'year', 'cluster', 'strength'],
  date: ['day', 'month', 'year'],
  place: ['place'],
  member: ['units', 'lead', 'cluster', 'year'],
  chair: ['unit', 'cluster', 'year'],
  handover: ['from', 'to', 'cluster', 'year', 'from_year'],
  official: ['rank', 'name', 'pretitle', 'titles'],
  award: ['count', 'recipient', 'award', 'units', 'list', 'status', 'cluster', 'year'],
} as const;

export type RuleFact = keyof typeof FACT_FIELDS;

/** Fields that only `set` may give, and the values they take. */
const SET_ONLY: Record<string, readonly string[]> = {
  kind: ['review', 'pledge', 'midyear', 'other'],
  strength: ['strong', 'weak', 'lead-only'],
};
/** Values a field takes when `set` gives it. */
const SET_VALUES: Record<string, readonly string[]> = {
  ...SET_ONLY,
  status: ['granted', 'proposed'],
  recipient: ['collective', 'individual', 'unit'],
};
export type FieldValue = string | number | boolean | null | FieldValue[] | { [k: string]: FieldValue };

export interface RuleExample {
  text: string;
  /** The candidates the rule must produce from `text`, each listing the fields to check; `[]` means "nothing". */
  expect: Record<string, FieldValue>[];
  line: number | null;
}

export interface Rule {
  id: string;
  fact: RuleFact;
  description: string;
  /** The pattern as written in the rule file. */
  pattern: string;
  regex: RegExp;
  /** A cheap test a sentence must pass before the pattern runs on it (words the pattern cannot match without). */
  requires: RegExp | null;
  /** Strings of which a sentence must contain one for the pattern to match there (required-literals.ts), or null. */
  literals: readonly string[] | null;
  /** Constant fields the rule sets on every candidate (e.g. `kind: review`). */
  set: Record<string, FieldValue>;
  /** Higher wins an overlap with another rule of the same fact type. */
  priority: number;
  examples: RuleExample[];
  file: string;
  line: number | null;
}

const RULE_KEYS = new Set(['id', 'fact', 'description', 'requires', 'pattern', 'set', 'priority', 'examples']);
const EXAMPLE_KEYS = new Set(['text', 'expect']);
const ID_RE = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$/;
const GROUP_RE = /\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g;

/** Validates and compiles the rules of one file: `{rules: [ {id, fact, description, pattern, set?, priority?, examples} ]}`. */
export function rulesFromYaml(y: YamlFile, macros: MacroTable): Rule[] {
  const doc = y.data as Record<string, unknown> | null;
  const at = (path: (string | number)[], detail: string): never => {
    throw new RuleFileError(y.file, y.lineOf(path), detail);
  };
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.rules)) at([], 'a rule file is a mapping with a `rules` list');
  for (const key of Object.keys(doc as object)) if (key !== 'rules') at([key], `unknown key \`${key}\` (a rule file holds only \`rules\`)`);
  return ((doc as { rules: unknown[] }).rules).map((raw, i) => compileRule(raw, (path, detail) => at(['rules', i, ...path], detail), y, i, macros));
}

function compileRule(
  raw: unknown,
  fail: (path: (string | number)[], detail: string) => never,
  y: YamlFile,
  index: number,
  macros: MacroTable,
): Rule {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail([], 'a rule is a mapping');
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!RULE_KEYS.has(key)) fail([key], `unknown key \`${key}\` (allowed: ${[...RULE_KEYS].join(', ')})`);
  if (typeof r.id !== 'string' || !ID_RE.test(r.id)) fail(['id'], '`id` must look like `member.list_after_gom` (lower case, dotted)');
  const fact = r.fact as RuleFact;
  if (typeof fact !== 'string' || !(fact in FACT_FIELDS)) fail(['fact'], `\`fact\` must be one of ${Object.keys(FACT_FIELDS).join(', ')}`);
  if (typeof r.description !== 'string' || !r.description.trim()) fail(['description'], '`description` is required');
  if (typeof r.pattern !== 'string' || !r.pattern.trim()) fail(['pattern'], '`pattern` is required');
  const allowed: readonly string[] = FACT_FIELDS[fact];
  const set = (r.set ?? {}) as Record<string, FieldValue>;
  if (typeof set !== 'object' || Array.isArray(set)) fail(['set'], '`set` must be a mapping of field: value');
  for (const [key, value] of Object.entries(set)) {
    if (!allowed.includes(key)) fail(['set', key], `\`${key}\` is not a field of a ${fact} (fields: ${allowed.join(', ')})`);
    const values = SET_VALUES[key];
    if (values && !values.includes(value as string)) fail(['set', key], `\`${key}\` must be one of ${values.join(', ')}`);
  }
  if (fact === 'event' && !set.kind) fail(['set'], 'an event rule sets its `kind` (review, pledge, midyear, other)');
  if (r.requires !== undefined && (typeof r.requires !== 'string' || !r.requires)) fail(['requires'], '`requires` must be a pattern');
  let requires: RegExp | null = null;
  try {
    requires = typeof r.requires === 'string' ? new RegExp(r.requires, 'iu') : null;
  } catch (cause) {
    throw new RuleFileError(y.file, y.lineOf(['rules', index, 'requires']), `invalid \`requires\`: ${(cause as Error).message}`, { cause });
  }
  const priority = r.priority ?? 0;
  if (typeof priority !== 'number' || !Number.isInteger(priority)) fail(['priority'], '`priority` must be an integer');

  let regex: RegExp;
  let literals: string[] | null;
  try {
    const source = macros.expand(r.pattern as string);
    const ast = parsePattern(source);
    regex = new RegExp(firstCharGuard(ast) + source, 'gdu');
    literals = requiredLiterals(ast);
  } catch (cause) {
    const detail = cause instanceof MacroError ? cause.message : `invalid pattern: ${(cause as Error).message}`;
    throw new RuleFileError(y.file, y.lineOf(['rules', index, 'pattern']), detail, { cause });
  }
  for (const [, name] of (r.pattern as string).matchAll(GROUP_RE)) {
    const group = fieldOf(name!);
    if (!allowed.includes(group) || group in SET_ONLY) fail(['pattern'], `group \`${group}\` is not a field a ${fact} rule can capture (fields: ${allowed.filter((f) => !(f in SET_ONLY)).join(', ')})`);
  }
  if (!Array.isArray(r.examples) || r.examples.length === 0) fail(['examples'], 'every rule needs `examples` (text + expect) that the tests run');
  const examples = (r.examples as unknown[]).map((ex, i) => exampleFrom(ex, (key, detail) => fail(['examples', i, ...key], detail), y.lineOf(['rules', index, 'examples', i])));
  return {
    id: r.id as string,
    fact,
    description: (r.description as string).trim(),
    pattern: r.pattern as string,
    regex,
    requires,
    literals,
    set,
    priority: priority as number,
    examples,
    file: y.file,
    line: y.lineOf(['rules', index]),
  };
}

function exampleFrom(raw: unknown, fail: (path: (string | number)[], detail: string) => never, line: number | null): RuleExample {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail([], 'an example is {text, expect}');
  const e = raw as Record<string, unknown>;
  for (const key of Object.keys(e)) if (!EXAMPLE_KEYS.has(key)) fail([key], `unknown key \`${key}\` in example (allowed: text, expect)`);
  if (typeof e.text !== 'string' || !e.text.trim()) fail(['text'], 'an example needs `text`');
  if (!Array.isArray(e.expect) || e.expect.some((x) => !x || typeof x !== 'object' || Array.isArray(x))) {
    fail(['expect'], '`expect` is a list of {field: value} (use [] for "no match")');
  }
  return { text: e.text as string, expect: e.expect as Record<string, FieldValue>[], line };
}
