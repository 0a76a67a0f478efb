import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventRule, tinyRules } from '../helpers/rules.js';
import { encodeTcvn3 } from '../ingest/encoders.js';

// The command line as a user runs it: the built dist/ (npm test builds it first).
const CLI = 'dist/cli/main.js';
const thidua = (...args: string[]) => spawnSync('node', [CLI, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
const db = join(dir, 'dev.db');

describe('thidua', () => {
  beforeAll(() => {
    const run = thidua('run', 'test/fixtures/dev/texts', '--db', db);
    expect(run.status, run.stderr).toBe(0);
   }, 60_000); // a first run compiles every pattern: over vitest's 10 s on a busy machine

  it('run prints a summary of what it read and found', () => {
    const again = thidua('run', 'test/fixtures/dev/texts', '--db', db);
    expect(again.stdout).toMatch(/0 articles read from 0 inputs/);
    expect(again.stdout).toMatch(/inputs skipped as unchanged since an earlier run: 37/);
    expect(again.stdout).toMatch(/kept from an earlier run: 37/);
  });

  it('run reports conversions and faults, which the run\'s own thread hands back', () => {
    const inputs = mkdtempSync(join(tmpdir(), 'thidua-cli-inputs-'));
    const text = 'Sáng 12/7/2023, tại Nghệ An, Cụm thi đua số 8 tổ chức Hội nghị sơ kết công tác thi đua, khen thưởng năm 2023. Các đơn vị trong Cụm gồm: Công an tỉnh Nghệ An, Công an tỉnh Hà Tĩnh và Công an tỉnh Quảng Bình.\n';
    writeFileSync(join(inputs, 'old.txt'), encodeTcvn3(text));
    writeFileSync(join(inputs, 'empty.txt'), '');
    const run = thidua('run', inputs, '--db', join(inputs, 'x.db'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/converted to Unicode: .*old\.txt: 1 tcvn3/);
    expect(run.stdout).toMatch(/skipped .*empty\.txt: empty file/);
    expect(run.stdout).toMatch(/stored 1 /);
  });

  it('runs lists the runs and diff compares the last two kept datasets', () => {
    const runs = thidua('runs', '--db', db).stdout;
    expect(runs).toMatch(/^ {3}1 .*read 37, stored 37.*dataset of 37 articles \(published\)/m);
    expect(runs).toMatch(/^ {3}2 .*no kept dataset/m);
    expect(thidua('diff', '--db', db).stderr).toMatch(/no kept run before run 1/);
    const same = thidua('diff', db, db);
    expect(same.stdout).toMatch(/^articles: \+0 -0 {3}facts in the articles both have: \+0 -0 ~0/);
    expect(JSON.parse(thidua('diff', db, db, '--format', 'json').stdout)).toMatchObject({ added: [], removed: [], changed: [] });
  });

  it('eval prints what score.mjs prints for the exported facts', () => {
    const exported = thidua('export', '--db', db, '--format', 'jsonl');
    expect(exported.status).toBe(0);
    const file = join(dir, 'facts.jsonl');
    writeFileSync(file, exported.stdout);
    const reference = execFileSync('node', ['test/fixtures/score.mjs', 'test/fixtures/dev/gold', file], { encoding: 'utf8' });
    expect(thidua('eval', '--gold', 'test/fixtures/dev/gold', '--db', db).stdout).toBe(reference);
  });

  it('eval --by-rule scores the dev articles rule by rule', () => {
    const out = thidua('eval', '--gold', 'test/fixtures/dev/gold', '--db', db, '--by-rule');
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^rule +tp +fp +P  types$/);
    expect(lines).toContainEqual(expect.stringMatching(/^member\.cluster_includes +\d+ +\d+ +\d+\.\d  member$/));
    expect(lines.at(-1)).toMatch(/^gold facts no rule found: \d+/);
    const json = JSON.parse(thidua('eval', '--gold', 'test/fixtures/dev/gold', '--db', db, '--by-rule', '--json').stdout);
    expect(json.rules.length).toBe(lines.length - 2);
  });

  it('export follows CONTRACT.md: one object per article, evidence on every fact, text on request', () => {
    const lines = thidua('export', '--db', db, '--with-text').stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(37);
    const a = lines.find((l) => l.article === '004_48c40e5a167e8875');
    expect(Object.keys(a)).toEqual(['article', 'story', 'source', 'title', 'published', 'authors', 'events', 'clusters', 'members', 'chairs', 'handovers', 'officials', 'awards', 'text']);
    expect(a.published).toBe('2021-11-19');
    const chair = a.chairs.find((c: { year: number }) => c.year === 2022);
    expect(chair).toMatchObject({ cluster: 2, unit: 'Cục Kỹ thuật nghiệp vụ' });
    expect(a.text.slice(chair.evidence.start, chair.evidence.end)).toContain('Cục Kỹ thuật nghiệp vụ');
  });

  it('export writes CSV with a header', () => {
    const csv = thidua('export', '--db', db, '--format', 'csv').stdout.split('\n');
    expect(csv[0]).toMatch(/^article,/);
    expect(csv.length).toBeGreaterThan(100);
  });

  it('explain shows each fact with its sentence, span and rule', () => {
    const out = thidua('explain', '004_48c40e5a167e8875', '--db', db).stdout;
    expect(out).toMatch(/rule handover\.will_chair/);
    expect(out).toMatch(/«Cục Kỹ thuật nghiệp vụ sẽ giữ vị trí Cụm trưởng/);
  });

  it('rules check validates the shipped rules, runs their examples and runs them on the dev articles', () => {
    const out = thidua('rules', 'check');
    expect(out.status, out.stdout).toBe(0);
    expect(out.stdout).toMatch(/^\d+ rules, \d+ macros, \d+ lexicons, \d+ examples, run on 37 texts of .*dev\/texts: 0 errors, \d+ warnings/m);
  }, 90_000); // compiles every pattern (seconds) and runs the rules on 37 articles

  describe('rules check rejects, with exit status 1 and the file:line of the fault', () => {
    const rulesCheck = (files: Record<string, string>) => thidua('rules', 'check', '--no-corpus', '--rules', tinyRules(files));
    const rule = (id: string, pattern: string) => eventRule(id, `    pattern: '${pattern}'\n    examples: [{text: 'Hội nghị.', expect: []}]\n`);

    it('a rule file with a YAML syntax error', () => {
      const out = rulesCheck({ 'patterns/broken.yaml': 'rules:\n  - id: x.y\n    pattern: "unclosed\n' });
      expect(out.status).toBe(1);
      expect(out.stdout).toMatch(/patterns\/broken\.yaml:\d+: error: YAML syntax/);
    });

    it('two rules with one id', () => {
      const out = rulesCheck({ 'patterns/a.yaml': `rules:\n${rule('test.same', 'a')}`, 'patterns/b.yaml': `rules:\n${rule('test.same', 'b')}` });
      expect(out.status).toBe(1);
      expect(out.stdout).toMatch(/patterns\/b\.yaml:2: error: duplicate rule id test\.same \(first defined at .*patterns\/a\.yaml:2\)/);
    });

    it('a pattern that can backtrack catastrophically, like (a+)+$', () => {
      const dir = tinyRules({ 'patterns/a.yaml': `rules:\n${rule('test.redos', '(a+)+$')}` });
      const out = thidua('rules', 'check', '--no-corpus', '--rules', dir);
      expect(out.status).toBe(1);
      expect(out.stdout).toMatch(/patterns\/a\.yaml:2: \[test\.redos\] error: catastrophic backtracking: in the pattern, the quantifier `\(a\+\)\+`/);
      expect(out.stdout).toMatch(/: 1 errors, 1 warnings/);
      const json = thidua('rules', 'check', '--no-corpus', '--json', '--rules', dir);
      expect(json.status).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ rules: 1, problems: [{ severity: 'error', line: 2, rule: 'test.redos', message: expect.stringMatching(/^catastrophic/) }, { severity: 'warning' }] });
    });
  });

  it('an error is one line naming what is wrong, with a non-zero exit', () => {
    const missing = thidua('export', '--db', join(dir, 'nope.db'));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/no database at .*nope\.db/);
    const rules = join(dir, 'rules');
    execFileSync('cp', ['-r', 'rules', rules]);
    writeFileSync(join(rules, 'patterns', 'broken.yaml'), 'rules:\n  - id: x.y\n    pattern: [\n');
    const broken = thidua('run', 'corpus', '--db', join(dir, 'x.db'), '--rules', rules);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/broken\.yaml:\d+: YAML syntax/);
  });

  it('run names why it cannot use a database, from the run\'s own thread', () => {
    const notSqlite = join(dir, 'not-sqlite.db');
    writeFileSync(notSqlite, 'these are not the bytes of an SQLite file, but long enough to look like a header of one.');
    const run = thidua('run', 'corpus', '--db', notSqlite);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot prepare database .*not-sqlite\.db \(file is not a database\)/);
  });
});
