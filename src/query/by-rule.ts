// `thidua eval --by-rule`: the scorer's matching (score.ts), told rule by rule through each fact's evidence.rule.
import { SCORE_TYPES, pairWithGold, rates, scoreArticle, tupleKey, tuples, type ScoreType } from './score.js';

export interface RuleScore {
  rule: string;
  /** Gold facts that a fact of this rule matched. */
  tp: number;
  /** Facts of this rule that no gold fact matched. */
  fp: number;
  /** tp / (tp + fp); 1 for a rule with neither. */
  p: number;
  /** The same counts for each scored type the rule's facts fall under. */
  types: Partial<Record<ScoreType, { tp: number; fp: number }>>;
}

export interface ByRuleReport {
  rules: RuleScore[];
  /** Gold facts that no exported fact matched: no rule to blame. */
  missed: number;
}

/** The rule named for a fact exported without evidence. */
const NO_RULE = '(no rule)';

/**
 * Scores each rule's facts against the gold files of `goldDir`, matching as the
 * scorer does. A fact two rules both made counts for both. A fact that
 * matched an optional gold fact counts for neither side, as in the scorer.
 * Rules come most false facts first.
 */
export function scoreByRule(goldDir: string, articles: Iterable<{ article: string }>): ByRuleReport {
  const scores = new Map<string, RuleScore>();
  let missed = 0;
  for (const { gold, sys } of pairWithGold(goldDir, articles)) {
    for (const type of SCORE_TYPES) {
      const { keys, matched, fn } = scoreArticle(gold, sys, type);
      missed += fn;
      // Counted once per rule and distinct fact, as the scorer counts distinct facts.
      const counted = new Set<string>();
      for (const t of tuples(sys, type)) {
        const rule = t.rule ?? NO_RULE;
        const key = tupleKey(t);
        if (counted.has(`${rule}\0${key}`)) continue;
        counted.add(`${rule}\0${key}`);
        const hit = matched.get(keys.indexOf(key));
        if (hit === false) continue;
        const score = scores.get(rule) ?? { rule, tp: 0, fp: 0, p: 1, types: {} };
        const byType = (score.types[type] ??= { tp: 0, fp: 0 });
        const side = hit ? 'tp' : 'fp';
        score[side]++;
        byType[side]++;
        scores.set(rule, score);
      }
    }
  }
  const rules = [...scores.values()].map((s) => ({ ...s, p: rates({ tp: s.tp, fp: s.fp, fn: 0 }).p }));
  rules.sort((a, b) => b.fp - a.fp || a.p - b.p || (a.rule < b.rule ? -1 : 1));
  return { rules, missed };
}

/** A table, one rule a line, and the gold facts no rule found; or the report as one JSON line. */
export function formatByRule(report: ByRuleReport, opts: { json?: boolean } = {}): string {
  if (opts.json) return `${JSON.stringify(report)}\n`;
  const width = Math.max(4, ...report.rules.map((r) => r.rule.length));
  const lines = [`${'rule'.padEnd(width)}     tp     fp      P  types`];
  for (const r of report.rules) {
    const types = Object.keys(r.types).join(',');
    lines.push(`${r.rule.padEnd(width)} ${String(r.tp).padStart(6)} ${String(r.fp).padStart(6)} ${(100 * r.p).toFixed(1).padStart(6)}  ${types}`);
  }
  lines.push(`gold facts no rule found: ${report.missed} (thidua eval --verbose lists them)`);
  return lines.map((l) => `${l}\n`).join('');
}
