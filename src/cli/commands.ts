// The command line's commands: a thin shell around the library. Errors become one clear line and a non-zero exit.
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultRulesDir, packageRoot, packageVersion } from '../paths.js';
import { DEFAULT_KEEP, DEFAULT_THREADS } from '../pipeline/defaults.js';
import type { RunSummary } from '../pipeline/run.js';
import { runPipelineOnThread, type ProgressView } from '../pipeline/run-thread.js';
import { formatByRule, scoreByRule } from '../query/by-rule.js';
import { explainArticle } from '../query/explain.js';
import { CSV_COLUMNS, exportArticles, writeCsv, writeJsonl } from '../query/export.js';
import { formatScore, scoreArticles } from '../query/score.js';
import type Database from 'better-sqlite3';
import { diffDatasets, formatDiff } from '../query/diff.js';
import { openDatabase, upgradeNotice } from '../store/database.js';
import { datasetRun } from '../store/datasets.js';
import { listRuns, type RunRecord } from '../store/runs.js';

const DEFAULT_DB = 'out/thidua.db';
const program = new Command();
let verbose = false;

program
  .name('thidua')
  .description('Vietnamese news about emulation conferences (hội nghị thi đua) in, a queryable SQLite dataset of facts with provenance out.')
  .version(packageVersion())
  .option('--verbose', 'show stack traces on errors')
  .hook('preAction', (cmd) => {
    verbose = Boolean(cmd.opts().verbose);
  });

program
  .command('run')
  .description('read articles (.txt, .html, .jsonl crawl records; folders recursively), extract their facts, store them, publish the new dataset')
  .argument('<paths...>', 'files or folders to read')
  .option('--db <file>', 'SQLite database to write', DEFAULT_DB)
  .option('--rules <dir>', 'rules folder (default: the rules shipped with thidua)')
  .option('--threads <n>', `worker threads for extraction (0: none; default ${DEFAULT_THREADS})`, integer)
  .option('--keep <n>', `how many runs' datasets stay queryable (default ${DEFAULT_KEEP})`, integer)
  .option('--quiet', 'print nothing but errors')
  .addHelpText('after', '\nExample:\n  thidua run corpus/ crawl.jsonl --db out/thidua.db')
  .action(async (paths: string[], opts: { db: string; rules?: string; threads?: number; keep?: number; quiet?: boolean }) => {
    const bar = opts.quiet ? null : progressBar();
    const summary = await runPipelineOnThread(paths, {
      db: opts.db,
      ...(opts.rules ? { rulesDir: opts.rules } : {}),
      ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
      ...(opts.keep !== undefined ? { keep: opts.keep } : {}),
      ...(bar ? { onProgress: bar.update } : {}),
      ...(opts.quiet ? {} : { onNotice: notice }),
    });
    bar?.stop();
    if (!opts.quiet) process.stdout.write(formatSummary(summary, opts.db));
    if (summary.read === 0 && summary.faults.length > 0) process.exitCode = 1;
  });

program
  .command('export')
  .description('write the facts of every stored article, one JSON object per article (CONTRACT.md) or one CSV row per fact')
  .option('--db <file>', 'SQLite database to read', DEFAULT_DB)
  .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
  .option('--with-text', 'add each article\'s stored text (the text evidence spans index)')
  .option('--run <id>', 'a kept run\'s dataset instead of the published one (thidua runs lists them)', integer)
  .option('--out <file>', 'write to a file instead of standard output')
  .addHelpText('after', `\nCSV columns: ${CSV_COLUMNS.join(', ')}\n\nExample:\n  thidua export --db out/thidua.db --format jsonl > facts.jsonl`)
  .action((opts: { db: string; format: 'jsonl' | 'csv'; withText?: boolean; out?: string; run?: number }) => {
    const db = openExisting(opts.db);
    const out = opts.out ? createWriteStream(opts.out) : process.stdout;
    const articles = exportArticles(db, { withText: Boolean(opts.withText), ...(opts.run !== undefined ? { run: opts.run } : {}) });
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
  .option('--run <id>', 'a kept run\'s dataset instead of the published one', integer)
  .addHelpText('after', '\nExample:\n  thidua explain 004_48c40e5a167e8875 --db out/thidua.db')
  .action((article: string, opts: { db: string; run?: number }) => {
    const db = openExisting(opts.db);
    process.stdout.write(explainArticle(db, article, opts.run) + '\n');
    db.close();
  });

program
  .command('runs')
  .description('list the runs recorded in a database: when, with which rule set, what they read, which datasets are kept')
  .option('--db <file>', 'SQLite database to read', DEFAULT_DB)
  .option('--json', 'print the runs as JSON')
  .action((opts: { db: string; json?: boolean }) => {
    const db = openExisting(opts.db);
    const runs = listRuns(db);
    db.close();
    if (opts.json) process.stdout.write(JSON.stringify(runs, null, 2) + '\n');
    else process.stdout.write(formatRuns(runs));
  });

program
  .command('diff')
  .description('what changed between two datasets: facts added, removed and changed, by fact type and by rule, with examples')
  .argument('[databases...]', 'OLD.db NEW.db (their published datasets); or none, with --db and --from/--to for two runs of one database')
  .option('--db <file>', 'the database whose kept runs to compare', DEFAULT_DB)
  .option('--from <run>', 'the earlier run (default: the kept run before --to)', integer)
  .option('--to <run>', 'the later run (default: the published one)', integer)
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('--examples <n>', 'examples shown per kind of change', integer, 10)
  .addHelpText('after', '\nExamples:\n  thidua diff before.db after.db\n  thidua diff --db out/thidua.db            # the published run against the kept run before it')
  .action((databases: string[], opts: { db: string; from?: number; to?: number; format: 'text' | 'json'; examples: number }) => {
    if (databases.length !== 0 && databases.length !== 2) throw new Error('diff takes two databases (OLD.db NEW.db), or none with --db');
    const [oldDb, newDb] = databases.length === 2 ? databases.map(openExisting) : [openExisting(opts.db), null];
    try {
      const to = datasetRun(newDb ?? oldDb!, opts.to);
      const from = newDb ? datasetRun(oldDb!, opts.from) : (opts.from ?? previousRun(oldDb!, to));
      const report = diffDatasets(exportArticles(oldDb!, { withText: true, run: from }), exportArticles(newDb ?? oldDb!, { withText: true, run: to }));
      process.stdout.write(opts.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatDiff(report, { examples: opts.examples }));
    } finally {
      oldDb?.close();
      newDb?.close();
    }
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
    // Loaded here: the rule checker brings the whole engine, which other commands do not need.
    const { checkRules, formatCheck } = await import('../extract/check.js');
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
  return openDatabase(path, { onUpgrade: (step) => notice(upgradeNotice(path, step)) });
}

/** A line for the user on standard error, beside the command's output. */
function notice(message: string): void {
  process.stderr.write(`thidua: ${message}\n`);
}

function formatRuns(runs: RunRecord[]): string {
  const lines = runs.map((r) => {
    const c = r.counts;
    const what = c ? `read ${c.read ?? 0}, stored ${c.stored ?? 0}, read again ${c.regenerated ?? 0}, errors ${c.faults ?? 0}` : 'did not finish';
    const dataset = r.datasetArticles === null ? 'no kept dataset' : `dataset of ${r.datasetArticles} articles${r.published ? ' (published)' : ''}`;
    return `${String(r.id).padStart(4)}  ${r.startedAt}  rules ${r.ruleset}  ${what}  ${dataset}  ${r.inputs.join(' ')}`;
  });
  return (lines.length ? lines.join('\n') : 'no runs yet') + '\n';
}

/** The latest kept run before `run`, for a diff against it. */
function previousRun(db: Database.Database, run: number): number {
  const earlier = listRuns(db).filter((r) => r.id < run && r.datasetArticles !== null);
  if (earlier.length === 0) throw new Error(`no kept run before run ${run} to compare with (thidua runs lists them)`);
  return earlier.at(-1)!.id;
}

function formatSummary(s: RunSummary, db: string): string {
  const facts = Object.entries(s.facts).map(([type, n]) => `${n} ${type}`).join(', ');
  const rate = s.seconds > 0 ? Math.round(s.read / s.seconds) : s.read;
  const lines = [
    `thidua run ${s.runId}: ${s.read} articles read from ${s.inputsRead} inputs in ${s.seconds.toFixed(1)} s (${rate} articles/s) → ${db}`,
    `  inputs skipped as unchanged since an earlier run: ${s.inputsSkipped}; crawl records that are not articles: ${s.recordsSkipped}`,
    `  stored ${s.stored} (copies of an earlier story: ${s.copies}), new versions ${s.updated}, already stored ${s.unchanged}, errors ${s.faults.length}`,
    `  read again with the current rules: ${s.regenerated}; kept from an earlier run: ${s.kept}`,
    `  facts written: ${facts}`,
    ...s.conversions.lines().map((line) => `  converted to Unicode: ${line}`),
    ...s.faults.map((f) => `  skipped ${f.source}${f.record != null ? `#${f.record}` : ''}: ${f.reason}`),
  ];
  return lines.join('\n') + '\n';
}

/** A progress bar on a terminal (standard error); nothing when it is piped. */
function progressBar(): { update: (p: ProgressView) => void; stop: () => void } | null {
  if (!process.stderr.isTTY) return null;
  const bar = new SingleBar(
    { format: 'inputs {bar} {value}/{total} | {read} articles, {errors} errors', stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      const payload = { read: p.read, errors: p.errors };
      if (!started) bar.start(p.inputs, p.inputsDone, payload);
      else bar.update(p.inputsDone, payload);
      started = true;
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
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
