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
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export const loadRules = (dir: string): RuleSet => loadRuleSet(dir);
