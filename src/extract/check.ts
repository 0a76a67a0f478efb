// `thidua rules check`: everything a rule author should hear about the rules folder, as a list of problems.
import { isAbsolute, join, relative } from 'node:path';
import { ingest } from '../ingest/index.js';
import { exponentialQuantifiers } from './engine/backtracking.js';
import { RuleFileError } from './engine/errors.js';
import { matchRules } from './engine/match.js';
import type { Rule } from './engine/rules.js';
import { loadRuleSet, type RuleSet } from './engine/ruleset.js';
import { readYamlFile } from './engine/yaml-file.js';
import { checkExamples } from './examples.js';
import { Grammar } from './grammar.js';
import { isShadowed, prepareText, ruleOutcomes, type PreparedText, type RuleOutcome } from './shadowing.js';

export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  line: number | null;
  /** The rule (or macro) the problem is about. */
  rule: string | null;
  message: string;
}

export interface CheckReport {
  rules: number;
  lexicons: number;
  macros: number;
  examples: number;
  /** The folder of articles the rules were also run on, and how many texts it gave. */
  corpus: { dir: string; texts: number } | null;
  problems: Problem[];
  seconds: number;
}

/** Checks a rules folder: it loads, no pattern can backtrack exponentially, every example holds, no rule is unreachable or shadowed. */
export async function checkRules(dir: string, opts: { corpus: string | null }): Promise<CheckReport> {
  const started = performance.now();
  let set: RuleSet;
  try {
    set = loadRuleSet(dir);
  } catch (err) {
    if (!(err instanceof RuleFileError)) throw err;
    const problem: Problem = { severity: 'error', file: err.file, line: err.line, rule: null, message: err.detail };
    return { rules: 0, lexicons: 0, macros: 0, examples: 0, corpus: null, problems: [problem], seconds: elapsed(started) };
  }
  const g = new Grammar(set);
  const corpus = opts.corpus ? await readCorpus(opts.corpus) : [];
  const macros = macroPlaces(set.dir);
  const exampleTexts = set.rules.flatMap((r) => r.examples.map((e) => prepareText(e.text)));
  const problems = [
    ...backtrackingProblems(set, macros),
    ...exampleProblems(g),
    ...requiresProblems(set.rules, [...exampleTexts, ...corpus]),
    ...(opts.corpus ? corpusShadowProblems(set.rules, ruleOutcomes(g, corpus)) : []),
  ];
  return {
    rules: set.rules.length,
    lexicons: set.lexicons.size,
    macros: macros.length,
    examples: exampleTexts.length,
    corpus: opts.corpus ? { dir: opts.corpus, texts: corpus.length } : null,
    problems: problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0))),
    seconds: elapsed(started),
  };
}

const elapsed = (since: number): number => (performance.now() - since) / 1000;

async function readCorpus(dir: string): Promise<PreparedText[]> {
  const texts: PreparedText[] = [];
  for await (const item of ingest([dir])) if (item.ok) texts.push(prepareText(item.doc.text));
  return texts;
}

interface MacroPlace {
  name: string;
  file: string;
  line: number | null;
}

/** Where each macro's pattern is written (the rule set keeps macros by name only). */
function macroPlaces(dir: string): MacroPlace[] {
  const y = readYamlFile(join(dir, 'macros.yaml'));
  const macros = (y.data as { macros: { name: string }[] }).macros;
  return macros.map((m, i) => ({ name: m.name, file: y.file, line: y.lineOf(['macros', i, 'pattern']) }));
}

/**
 * Every macro, rule pattern (macros expanded) and `requires` whose regex can
 * backtrack exponentially. A quantifier that comes from a macro is reported at
 * the macro only, not again at every rule that uses it.
 */
function backtrackingProblems(set: RuleSet, macros: readonly MacroPlace[]): Problem[] {
  const problems: Problem[] = [];
  const fromMacros = new Set<string>();
  const problem = (where: Omit<Problem, 'severity' | 'message'>, what: string, quantifier: string): Problem => ({
    severity: 'error',
    ...where,
    message: `catastrophic backtracking: ${what} \`${quantifier}\` can take exponential time (make what it repeats unambiguous)`,
  });
  for (const m of macros) {
    for (const q of exponentialQuantifiers(set.macros.expand(`{${m.name}}`), 'u')) {
      if (fromMacros.has(q)) continue;
      fromMacros.add(q);
      problems.push(problem({ file: m.file, line: m.line, rule: m.name }, 'the quantifier', q));
    }
  }
  for (const r of set.rules) {
    const where = { file: r.file, line: r.line, rule: r.id };
    for (const q of exponentialQuantifiers(r.regex.source, r.regex.flags)) if (!fromMacros.has(q)) problems.push(problem(where, 'in the pattern, the quantifier', q));
    if (r.requires) for (const q of exponentialQuantifiers(r.requires.source, r.requires.flags)) problems.push(problem(where, 'in `requires`, the quantifier', q));
  }
  return problems;
}

/** Examples that do not give what they expect, and rules that give nothing on any of their examples. */
function exampleProblems(g: Grammar): Problem[] {
  const problems: Problem[] = [];
  for (const rule of g.ruleSet.rules) {
    const failures = checkExamples(g, rule);
    for (const f of failures) {
      problems.push({
        severity: 'error',
        file: rule.file,
        line: f.example.line ?? rule.line,
        rule: rule.id,
        message: `example does not give what it expects\n  text:     ${f.example.text}\n  expected: ${JSON.stringify(f.example.expect)}\n  got:      ${JSON.stringify(f.got)}`,
      });
    }
    const positive = rule.examples.filter((e) => e.expect.length > 0);
    const at = { file: rule.file, line: rule.line, rule: rule.id };
    if (!positive.length) problems.push({ severity: 'warning', ...at, message: 'no example expects a fact: nothing shows that the rule ever fires' });
    else if (positive.every((e) => failures.some((f) => f.example === e))) problems.push({ severity: 'error', ...at, message: 'never fires: none of its examples that expect a fact gives it' });
    problems.push(...exampleShadowProblems(g, rule, positive.filter((e) => !failures.some((f) => f.example === e))));
  }
  return problems;
}

/** A passing example that expects a fact, on which the whole rule set keeps none of the rule's candidates. */
function exampleShadowProblems(g: Grammar, rule: Rule, examples: Rule['examples']): Problem[] {
  return examples.flatMap((example) => {
    const outcome = ruleOutcomes(g, [prepareText(example.text)], [rule]).get(rule.id)!;
    if (!isShadowed(outcome)) return [];
    return [{ severity: 'error' as const, file: rule.file, line: example.line ?? rule.line, rule: rule.id, message: `shadowed on its own example: ${describeWinners(outcome)}` }];
  });
}

/** Rules whose `requires` skips sentences that their pattern matches: those matches can never be made. */
function requiresProblems(rules: readonly Rule[], texts: readonly PreparedText[]): Problem[] {
  return rules.flatMap((rule) => {
    const requires = rule.requires;
    if (!requires) return [];
    const unfiltered = [{ ...rule, requires: null }];
    let hidden = 0;
    let sample = '';
    for (const { text, sentences } of texts) {
      const skipped = sentences.filter((s) => !requires.test(text.slice(s.start, s.end)));
      const matches = matchRules(unfiltered, text, skipped);
      hidden += matches.length;
      if (matches[0] && !sample) sample = text.slice(matches[0].start, matches[0].end);
    }
    if (!hidden) return [];
    return [{ severity: 'error' as const, file: rule.file, line: rule.line, rule: rule.id, message: `\`requires\` /${requires.source}/ skips ${hidden} sentence(s) the pattern matches, e.g. «${sample}»` }];
  });
}

function corpusShadowProblems(rules: readonly Rule[], outcomes: ReadonlyMap<string, RuleOutcome>): Problem[] {
  return rules.flatMap((rule) => {
    const outcome = outcomes.get(rule.id)!;
    if (!isShadowed(outcome)) return [];
    return [{ severity: 'warning' as const, file: rule.file, line: rule.line, rule: rule.id, message: `always shadowed on the corpus: ${describeWinners(outcome)}` }];
  });
}

const describeWinners = (o: RuleOutcome): string =>
  `all ${o.alone} of its candidates give way to ${[...o.takenBy].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} (${n})`).join(', ')}`;

/** One line per problem (`file:line: [id] error: …`), then a summary line; or the report as JSON. */
export function formatCheck(report: CheckReport, opts: { json?: boolean } = {}): string {
  if (opts.json) return `${JSON.stringify(report)}\n`;
  const lines = report.problems.map((p) => `${shortPath(p.file)}${p.line != null ? `:${p.line}` : ''}: ${p.rule ? `[${p.rule}] ` : ''}${p.severity}: ${p.message}`);
  const count = (severity: Problem['severity']) => report.problems.filter((p) => p.severity === severity).length;
  const corpus = report.corpus ? `, run on ${report.corpus.texts} texts of ${shortPath(report.corpus.dir)}` : '';
  lines.push(
    `${report.rules} rules, ${report.macros} macros, ${report.lexicons} lexicons, ${report.examples} examples${corpus}: ` +
      `${count('error')} errors, ${count('warning')} warnings (${report.seconds.toFixed(1)} s)`,
  );
  return lines.map((l) => `${l}\n`).join('');
}

/** A path relative to the working folder when it lies inside it (what an editor or a terminal opens at file:line). */
function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
