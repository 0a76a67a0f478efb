import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RuleFileError } from './errors.js';
import { lexiconFromYaml, type Lexicon } from './lexicon.js';
import { MacroError, MacroTable } from './macros.js';
import { rulesFromYaml, type Rule } from './rules.js';
import { derivationsFromYaml, type Derivation } from './derivations.js';
import { readYamlFile, type YamlFile } from './yaml-file.js';

/** Everything under `rules/`, validated and compiled. */
export interface RuleSet {
  dir: string;
  lexicons: Map<string, Lexicon>;
  macros: MacroTable;
  /** The macros as written in macros.yaml, by name (before expansion). */
  macroSources: Record<string, string>;
  rules: Rule[];
  /** Facts the resolve stage derives from other facts: documented here, implemented in src/resolve. */
  derivations: Derivation[];
  /** sha256 over every file under `rules/` (paths and contents): the rule set's version. */
  hash: string;
}

/**
 * Layout of a rules folder:
 * - `lexicons/*.yaml`, `gazetteers/*.yaml`: word lists (one lexicon a file);
 * - `macros.yaml`: named pattern pieces built from lexicons;
 * - `patterns/*.yaml`: the rules;
 * - `derivations.yaml`: the ids, descriptions and examples of derived facts.
 */
export function loadRuleSet(dir: string): RuleSet {
  const lexicons = new Map<string, Lexicon>();
  for (const file of [...yamlFiles(join(dir, 'lexicons')), ...yamlFiles(join(dir, 'gazetteers'))]) {
    const lex = lexiconFromYaml(readYamlFile(file));
    const prior = lexicons.get(lex.name);
    if (prior) throw new RuleFileError(file, null, `lexicon ${lex.name} is already defined in ${prior.file}`);
    lexicons.set(lex.name, lex);
  }
  const macroFile = join(dir, 'macros.yaml');
  const macroYaml = readYamlFile(macroFile);
  const macroSources = macrosFromYaml(macroYaml);
  let macros: MacroTable;
  try {
    macros = new MacroTable(lexicons.values(), macroSources);
  } catch (cause) {
    if (cause instanceof MacroError) throw new RuleFileError(macroFile, null, cause.message, { cause });
    throw cause;
  }
  checkMacros(macroYaml, macros);
  const rules = yamlFiles(join(dir, 'patterns')).flatMap((file) => rulesFromYaml(readYamlFile(file), macros));
  const derivations = derivationsFromYaml(readYamlFile(join(dir, 'derivations.yaml')));
  checkUniqueIds([...rules, ...derivations]);
  return { dir, lexicons, macros, macroSources, rules, derivations, hash: hashTree(dir) };
}

/** Rule ids (derivations' too) are what evidence names: each must be one rule's. */
function checkUniqueIds(rules: readonly { id: string; file: string; line: number | null }[]): void {
  const seen = new Map<string, { file: string; line: number | null }>();
  for (const rule of rules) {
    const prior = seen.get(rule.id);
    if (prior) throw new RuleFileError(rule.file, rule.line, `duplicate rule id ${rule.id} (first defined at ${prior.file}:${prior.line})`);
    seen.set(rule.id, rule);
  }
}

function macrosFromYaml(y: YamlFile): Record<string, string> {
  const d = y.data as { macros?: unknown } | null;
  if (!d || !Array.isArray(d.macros)) throw new RuleFileError(y.file, y.lineOf([]), 'macros.yaml holds `macros`: a list of {name, description, pattern}');
  const out: Record<string, string> = {};
  d.macros.forEach((m: unknown, i) => {
    const fail = (key: string, detail: string): never => {
      throw new RuleFileError(y.file, y.lineOf(['macros', i, key]), detail);
    };
    const entry = (m ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(entry)) if (!['name', 'description', 'pattern'].includes(key)) fail(key, `unknown key \`${key}\` (allowed: name, description, pattern)`);
    if (typeof entry.name !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(entry.name)) fail('name', '`name` must be an UPPER_CASE name');
    if (typeof entry.description !== 'string' || !entry.description.trim()) fail('description', '`description` is required');
    if (typeof entry.pattern !== 'string' || !entry.pattern) fail('pattern', '`pattern` is required');
    if ((entry.name as string) in out) fail('name', `duplicate macro ${entry.name as string}`);
    out[entry.name as string] = entry.pattern as string;
  });
  return out;
}

/** Expands and compiles every macro once, so that a broken macro is reported at its own line. */
function checkMacros(y: YamlFile, macros: MacroTable): void {
  ((y.data as { macros: { name: string }[] }).macros).forEach((m, i) => {
    try {
      new RegExp(macros.expand(`{${m.name}}`), 'u');
    } catch (cause) {
      throw new RuleFileError(y.file, y.lineOf(['macros', i, 'pattern']), `macro ${m.name}: ${(cause as Error).message}`, { cause });
    }
  });
}

function yamlFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort().map((n) => join(dir, n));
}

/** sha256 over every file under `dir` (paths and contents): cheap, and equal exactly when nothing changed. */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(dir, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}
