import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The command line as a user runs it: the built dist/ (npm test builds it first).
const CLI = 'dist/cli/main.js';
const thidua = (...args: string[]) => spawnSync('node', [CLI, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
const db = join(dir, 'dev.db');

describe('thidua', () => {
  beforeAll(() => {
    const run = thidua('run', 'test/fixtures/dev/texts', '--db', db);
    expect(run.status, run.stderr).toBe(0);
  });

  it('run prints a summary of what it read and found', () => {
    const again = thidua('run', 'test/fixtures/dev/texts', '--db', db);
    expect(again.stdout).toMatch(/0 articles read from 0 inputs/);
    expect(again.stdout).toMatch(/inputs skipped as unchanged since an earlier run: 37/);
    expect(again.stdout).toMatch(/kept from an earlier run: 37/);
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

  it('rules check validates the shipped rules and runs their examples', () => {
    const out = thidua('rules', 'check');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/examples: all pass/);
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
});
