import { createHash } from 'node:crypto';
import { lookupKey } from './lexicon.js';
import type { RuleSet } from './ruleset.js';

/**
 * What an extraction depends on, piece by piece, so that a regeneration can tell which articles a change
 * to rules/ can affect. Site profiles and encodings under rules/ are not in it: they serve ingestion,
 * and a regeneration reads the stored text.
 */
export interface RuleSetManifest {
  /** The extractor's code version: any change to it affects every article. */
  code: string;
  /** Hash of the macro sources: code parsers use macros too, so any change affects every article. */
  macros: string;
  /**
   * [rule id, fingerprint of the rule as written], in rule order. The pattern before expansion: a macro
   * change affects every article anyway, and a lexicon change only where one of its changed forms occurs.
   */
  rules: [string, string][];
  /** Lexicon look-up keys ("LEXICON\u0000form") → fingerprint of the entry the form stands for. */
  forms: Record<string, string>;
}

/** Which articles a change from one manifest to another can affect. */
export type RuleSetChange =
  | { full: true; reason: string }
  | {
      full: false;
      /** Ids of rules added, removed or changed. */
      rules: Set<string>;
      /** Look-up keys of lexicon forms added, removed or standing for a changed entry, without the lexicon. */
      forms: Set<string>;
    };

export function manifestOf(rs: RuleSet, code: string): RuleSetManifest {
  const forms: Record<string, string> = {};
  for (const lex of rs.lexicons.values()) {
    for (const e of lex.entries) {
      const entry = digest(JSON.stringify([e.term, e.attrs]));
      for (const form of [e.term, ...e.forms]) forms[`${lex.name}\u0000${lookupKey(form)}`] ??= entry;
    }
  }
  return {
    code,
    macros: digest(JSON.stringify(Object.entries(rs.macroSources))),
    rules: rs.rules.map((r) => [r.id, digest(JSON.stringify([r.fact, r.pattern, r.requires?.source ?? null, r.set, r.priority]))]),
    forms,
  };
}

/** A short id of the manifest: equal manifests, equal extractions. */
export function manifestId(m: RuleSetManifest): string {
  return digest(JSON.stringify(m));
}

export function changeBetween(before: RuleSetManifest, after: RuleSetManifest): RuleSetChange {
  if (before.code !== after.code) return { full: true, reason: `the extractor's code changed (${before.code} → ${after.code})` };
  if (before.macros !== after.macros) return { full: true, reason: 'macros.yaml changed' };
  const old = new Map(before.rules);
  const now = new Map(after.rules);
  // The overlap policy breaks ties by rule order: rules kept in both must keep their order.
  const keptBefore = before.rules.map(([id]) => id).filter((id) => now.has(id));
  const keptAfter = after.rules.map(([id]) => id).filter((id) => old.has(id));
  if (keptBefore.join('\n') !== keptAfter.join('\n')) return { full: true, reason: 'rules were reordered' };
  const rules = new Set<string>();
  for (const [id, print] of now) if (old.get(id) !== print) rules.add(id);
  for (const id of old.keys()) if (!now.has(id)) rules.add(id);
  const forms = new Set<string>();
  for (const [key, entry] of Object.entries(after.forms)) if (before.forms[key] !== entry) forms.add(formOf(key));
  for (const key of Object.keys(before.forms)) if (!(key in after.forms)) forms.add(formOf(key));
  return { full: false, rules, forms };
}

const formOf = (key: string): string => key.slice(key.indexOf('\u0000') + 1);

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
