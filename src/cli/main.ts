#!/usr/bin/env node
// The command line: a thin shell around the library. Errors become one clear line and a non-zero exit.
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { checkRules, formatCheck } from '../extract/check.js';
import { codeVersion, defaultRulesDir, packageRoot } from '../paths.js';
import { runPipeline, type RunSummary } from '../pipeline/run.js';
import { formatByRule, scoreByRule } from '../query/by-rule.js';
import { explainArticle } from '../query/explain.js';
import { CSV_COLUMNS, exportArticles, writeCsv, writeJsonl } from '../query/export.js';
import { formatScore, scoreArticles } from '../query/score.js';
import { openDatabase } from '../store/database.js';

const DEFAULT_DB = 'out/thidua.db';
const program = new Command();
let verbose = false;

program
  .name('thidua')
  .description('Vietnamese news about emulation conferences (hội nghị thi đua) in, a queryable SQLite dataset of facts with provenance out.')
  .version(codeVersion())
  .option('--verbose', 'show stack traces on errors')
  .hook('preAction', (cmd) => {
    verbose = Boolean(cmd.opts().verbose);
  });

program
  .command('run')
  .description('read articles (.txt, .html, .jsonl crawl records; folders recursively), extract their facts, store them')
  .argument('<paths...>', 'files or folders to read')
  .option('--db <file>', 'SQLite database to write', DEFAULT_DB)
  .option('--rules <dir>', 'rules folder (default: the rules shipped with thidua)')
  .option('--quiet', 'print nothing but errors')
  .addHelpText('after', '\nExample:\n  thidua run corpus/ crawl.jsonl --db out/thidua.db')
  .action(async (paths: string[], opts: { db: string; rules?: string; quiet?: boolean }) => {
    const summary = await runPipeline(paths, { db: opts.db, ...(opts.rules ? { rulesDir: opts.rules } : {}) });
    if (!opts.quiet) process.stdout.write(formatSummary(summary, opts.db));
    if (summary.read === 0 && summary.faults.length > 0) process.exitCode = 1;
  });

program
  .command('export')
  .description('write the facts of every stored article, one JSON object per article (CONTRACT.md) or one CSV row per fact')
  .option('--db <file>', 'SQLite database to read', DEFAULT_DB)
  .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
  .option('--with-text', 'add each article\'s stored text (the text evidence spans index)')
  .option('--out <file>', 'write to a file instead of standard output')
  .addHelpText('after', `\nCSV columns: ${CSV_COLUMNS.join(', ')}\n\nExample:\n  thidua export --db out/thidua.db --format jsonl > facts.jsonl`)
  .action((opts: { db: string; format: 'jsonl' | 'csv'; withText?: boolean; out?: string }) => {
    const db = openExisting(opts.db);
    const out = opts.out ? createWriteStream(opts.out) : process.stdout;
    const articles = exportArticles(db, { withText: Boolean(opts.withText) });
    if (opts.format === 'csv') writeCsv(articles, out);
    else writeJsonl(articles, out);
    if (out !== process.stdout) out.end();
    db.close();
  });

program
  .command('eval')
  .description('score the stored facts against gold files: precision, recall and F1 per fact type (as ../shared/tools/score.mjs)')
  .requiredOption('--gold <dir>', 'folder of gold JSON files, one per article')
  .option('--db <file>', 'SQLite database to read', DEFAULT_DB)
  .option('--verbose', 'also list each missed and extra fact')
  .option('--by-rule', 'score rule by rule instead: the gold facts each rule found (tp) and the false ones it made (fp)')
  .option('--json', 'print the figures as JSON')
  .addHelpText('after', '\nExamples:\n  thidua eval --gold ../shared/dev/gold --db out/thidua.db\n  thidua eval --gold ../shared/dev/gold --db out/thidua.db --by-rule')
  .action((opts: { gold: string; db: string; verbose?: boolean; byRule?: boolean; json?: boolean }) => {
    const db = openExisting(opts.db);
    const articles = exportArticles(db, { withText: false });
    const json = Boolean(opts.json);
    if (opts.byRule) process.stdout.write(formatByRule(scoreByRule(opts.gold, articles), { json }));
    else process.stdout.write(formatScore(scoreArticles(opts.gold, articles), { verbose: Boolean(opts.verbose), json }));
    db.close();
  });

program
  .command('explain')
  .description('list each fact of one article with its sentence, the evidence span marked, and the rule that made it')
  .argument('<article>', 'article id')
  .option('--db <file>', 'SQLite database to read', DEFAULT_DB)
  .addHelpText('after', '\nExample:\n  thidua explain 004_48c40e5a167e8875 --db out/thidua.db')
  .action((article: string, opts: { db: string }) => {
    const db = openExisting(opts.db);
    process.stdout.write(explainArticle(db, article) + '\n');
    db.close();
  });

const rules = program.command('rules').description('work with the extraction rules');
rules
  .command('check')
  .description('validate the rule files (file:line), run every example, and look for rules that can backtrack catastrophically, never fire or are always shadowed')
  .option('--rules <dir>', 'rules folder', defaultRulesDir())
  .option('--corpus <dir>', 'articles to run the rules on, to find rules that other rules always shadow', defaultCorpus())
  .option('--no-corpus', 'check the rules on their own examples only')
  .option('--json', 'print the problems and counts as JSON')
  .addHelpText('after', '\nExit status 1 when there is an error (warnings alone do not fail).\n\nExample:\n  thidua rules check --rules rules/ --corpus test/fixtures/dev/texts')
  .action(async (opts: { rules: string; corpus: string | false | undefined; json?: boolean }) => {
    const report = await checkRules(opts.rules, { corpus: opts.corpus || null });
    process.stdout.write(formatCheck(report, { json: Boolean(opts.json) }));
    if (report.problems.some((p) => p.severity === 'error')) process.exitCode = 1;
  });

/** The development articles that come with a checkout of thidua, if they are there. */
function defaultCorpus(): string | undefined {
  const dir = join(packageRoot(), 'test', 'fixtures', 'dev', 'texts');
  return existsSync(dir) ? dir : undefined;
}

function openExisting(path: string) {
  if (!existsSync(path)) throw new Error(`no database at ${path} (create one with: thidua run <paths> --db ${path})`);
  return openDatabase(path);
}

function formatSummary(s: RunSummary, db: string): string {
  const facts = Object.entries(s.facts).map(([type, n]) => `${n} ${type}`).join(', ');
  const lines = [
    `thidua run ${s.runId}: ${s.read} articles read in ${s.seconds.toFixed(1)} s → ${db}`,
    `  stored ${s.stored}, updated ${s.updated}, already stored ${s.duplicates}, not readable ${s.faults.length}`,
    `  facts: ${facts}`,
    ...s.faults.map((f) => `  skipped ${f.source}${f.record != null ? `#${f.record}` : ''}: ${f.reason}`),
  ];
  return lines.join('\n') + '\n';
}

// A reader that stops early (`thidua export | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

program.parseAsync(process.argv).catch((err: unknown) => {
  const e = err as Error;
  process.stderr.write(`thidua: ${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}\n`);
  if (verbose) process.stderr.write(`${e.stack ?? ''}\n`);
  process.exitCode = 1;
});
