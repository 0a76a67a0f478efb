import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCORE_TYPES, formatScore, norm, scoreArticles } from '../../src/query/score.js';
import { FACT_TYPES } from '../../src/types.js';

const GOLD = 'test/fixtures/dev/gold';
const SCORE_MJS = 'test/fixtures/score.mjs';

type Loose = Record<string, unknown>;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The export a perfect system would give for a gold file: no optional facts, the first of each set of alternatives. */
function exportFromGold(gold: Loose): Loose & { article: string } {
  const facts = FACT_TYPES.map((type) => [
    type,
    ((gold[type] ?? []) as Loose[])
      .filter((fact) => !fact.optional)
      .map((fact) =>
        Object.fromEntries(
          Object.entries(fact).map(([k, v]) => [k, k === 'titles' || k === 'units' ? (v as unknown[]).map(first) : first(v)]),
        ),
      ),
  ]);
  return { article: String(gold.article), ...Object.fromEntries(facts) };
}

const goldExport = () =>
  readdirSync(GOLD)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => exportFromGold(JSON.parse(readFileSync(join(GOLD, f), 'utf8')) as Loose));

const tmp = mkdtempSync(join(tmpdir(), 'thidua-score-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('norm', () => {
  it('folds case, punctuation, tone placement and the parts CONTRACT.md drops', () => {
    expect(norm('Công an tỉnh Thanh Hoá')).toBe('công an thanh hóa');
    expect(norm('Công an TP. HCM')).toBe('công an hồ chí minh');
    expect(norm('Cụm thi đua số 7')).toBe('7');
    expect(norm('07')).toBe('7');
    expect(norm(2021)).toBe('2021');
    expect(norm(null)).toBeNull();
  });
});

describe('scoreArticles', () => {
  it('scores the gold files themselves at F1 1.0', () => {
    const report = scoreArticles(GOLD, goldExport());
    expect(report.missing).toBe(0);
    expect(report.articles).toBe(readdirSync(GOLD).filter((f) => f.endsWith('.json')).length);
    for (const type of SCORE_TYPES) expect([type, report.types[type].f1]).toEqual([type, 1]);
    expect(report.micro).toMatchObject({ fn: 0, fp: 0, f1: 1 });
    expect(report.micro.tp).toBeGreaterThan(100);
    expect(report.findings).toEqual([]);
  });

  it('prints what score.mjs prints, byte for byte, plain, verbose and JSON', () => {
    const articles = goldExport().filter((a) => a.article !== 'dev-010');
    const byId = (id: string) => articles.find((a) => a.article === id) as Record<string, Loose[]>;
    const a004 = byId('004_48c40e5a167e8875');
    a004.members!.splice(1, 1);
    a004.chairs!.push({ cluster: 2, year: 2023, unit: 'Cục Ngoại tuyến' });
    a004.events![0]!.cluster = 'Cụm thi đua số 2';
    const inv = byId('dev-inv-01');
    inv.officials![0]!.rank = null;
    inv.members![0]!.unit = 'CÔNG AN TỈNH THANH HOÁ';
    inv.awards![0]!.units = [];
    articles.push({ article: 'not-in-gold', members: [{ cluster: 1, unit: 'X' }] });
    const file = join(tmp, 'perturbed.jsonl');
    writeFileSync(file, articles.map((a) => `${JSON.stringify(a)}\n`).join(''));

    const report = scoreArticles(GOLD, articles);
    expect(report.missing).toBe(1);
    expect(report.micro.f1).toBeLessThan(1);
    const run = (...flags: string[]) => execFileSync('node', [SCORE_MJS, GOLD, file, ...flags], { encoding: 'utf8' });
    expect(formatScore(report)).toBe(run());
    expect(formatScore(report, { verbose: true })).toBe(run('--verbose'));
    expect(formatScore(report, { json: true })).toBe(run('--json'));
  });

  it('counts every gold fact as missed for an empty export', () => {
    const report = scoreArticles(GOLD, []);
    expect(report.missing).toBe(report.articles);
    expect(report.micro).toMatchObject({ tp: 0, fp: 0, p: 1, r: 0, f1: 0 });
  });

  it('says which gold directory it cannot read', () => {
    expect(() => scoreArticles(join(tmp, 'nowhere'), [])).toThrow(/cannot read gold directory/);
  });
});
