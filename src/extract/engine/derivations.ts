import { RuleFileError } from './errors.js';
import type { FieldValue, RuleExample } from './rules.js';
import type { YamlFile } from './yaml-file.js';

/** A fact the resolve stage infers from other facts; its id is the evidence rule of what it derives. */
export interface Derivation {
  id: string;
  fact: string;
  description: string;
  examples: RuleExample[];
  file: string;
  line: number | null;
}

const KEYS = new Set(['id', 'fact', 'description', 'examples']);

/** Validates `derivations.yaml`: `{derivations: [{id, fact, description, examples: [{text, expect}]}]}`. */
export function derivationsFromYaml(y: YamlFile): Derivation[] {
  const d = y.data as { derivations?: unknown } | null;
  if (!d || !Array.isArray(d.derivations)) throw new RuleFileError(y.file, y.lineOf([]), 'derivations.yaml holds `derivations`: a list of {id, fact, description, examples}');
  return d.derivations.map((raw: unknown, i) => {
    const fail = (key: string, detail: string): never => {
      throw new RuleFileError(y.file, y.lineOf(['derivations', i, key]), detail);
    };
    const e = (raw ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!KEYS.has(key)) fail(key, `unknown key \`${key}\` (allowed: ${[...KEYS].join(', ')})`);
    if (typeof e.id !== 'string' || !/^[a-z_]+\.[a-z0-9_.]+$/.test(e.id)) fail('id', '`id` must look like `chair.from_head_title`');
    if (typeof e.fact !== 'string') fail('fact', '`fact` is required');
    if (typeof e.description !== 'string' || !e.description.trim()) fail('description', '`description` is required');
    if (!Array.isArray(e.examples) || !e.examples.length) fail('examples', 'every derivation needs `examples`');
    const examples = (e.examples as Record<string, unknown>[]).map((ex, j) => {
      if (typeof ex?.text !== 'string' || !Array.isArray(ex.expect)) fail('examples', 'an example is {text, expect: [...]}');
      return { text: ex.text as string, expect: ex.expect as Record<string, FieldValue>[], line: y.lineOf(['derivations', i, 'examples', j]) };
    });
    return { id: e.id as string, fact: e.fact as string, description: e.description as string, examples, file: y.file, line: y.lineOf(['derivations', i]) };
  });
}
