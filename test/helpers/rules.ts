import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRuleSet, type RuleSet } from '../../src/extract/engine/ruleset.js';
import { Grammar } from '../../src/extract/grammar.js';
import { defaultRulesDir } from '../../src/paths.js';

let shipped: Grammar | null = null;
/** The grammar of the rules shipped in rules/, loaded once per test file. */
export function shippedGrammar(): Grammar {
  shipped ??= new Grammar(loadRuleSet(defaultRulesDir()));
  return shipped;
}

/** A copy of the shipped rules folder with some files replaced, for tests of rule-file errors. */
export function rulesWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-rules-'));
  cpSync(defaultRulesDir(), dir, { recursive: true });
  writeFiles(dir, files);
  return dir;
}

/** A rules folder with no lexicon, no macro and no derivation but the files given: fast to load and to check. */
export function tinyRules(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-rules-'));
  writeFiles(dir, { 'macros.yaml': 'macros: []\n', 'derivations.yaml': 'derivations: []\n', ...files });
  return dir;
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

export const loadRules = (dir: string): RuleSet => loadRuleSet(dir);

/** An event rule (kind: other) as a rule file lists it; `more` holds its pattern, examples and other keys, indented. */
export const eventRule = (id: string, more: string): string =>
  `  - id: ${id}\n    fact: event\n    description: test rule\n    set: {kind: other}\n${more}`;
