import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatByRule, scoreByRule } from '../../src/query/by-rule.js';

const gold = mkdtempSync(join(tmpdir(), 'thidua-by-rule-'));
afterAll(() => rmSync(gold, { recursive: true, force: true }));
writeFileSync(
  join(gold, 'a1.json'),
  JSON.stringify({
    article: 'a1',
    members: [
      { cluster: 2, unit: ['Công an tỉnh Thanh Hóa', 'CA Thanh Hóa'] },
      { cluster: 2, unit: 'Công an tỉnh Nghệ An' },
      { cluster: 2, unit: 'Công an tỉnh Hà Tĩnh' },
      { cluster: 2, unit: 'Cục Đối ngoại', optional: true },
    ],
    officials: [{ name: 'Nguyễn Văn A', rank: 'Đại tá', titles: ['Giám đốc Công an tỉnh Nghệ An'] }],
  }),
);
writeFileSync(join(gold, 'a2.json'), JSON.stringify({ article: 'a2', members: [{ cluster: 1, unit: 'Cục Pháp chế' }] }));

const by = (rule: string) => ({ evidence: { start: 0, end: 1, rule } });
const exported = [
  {
    article: 'a1',
    members: [
      { cluster: 2, unit: 'CA Thanh Hóa', ...by('member.list') },
      { cluster: 2, unit: 'Công an tỉnh Nghệ An', ...by('member.list') },
      { cluster: 2, unit: 'Công an tỉnh Quảng Bình', ...by('member.list') },
      // The same fact twice from one rule counts once; from a second rule, for that rule too.
      { cluster: 2, unit: 'Công an tỉnh Nghệ An', ...by('member.list') },
      { cluster: 2, unit: 'Công an tỉnh Nghệ An', ...by('member.lead') },
      // Matches an optional gold fact: neither found nor false.
      { cluster: 2, unit: 'Cục Đối ngoại', ...by('member.lead') },
    ],
    officials: [{ name: 'Nguyễn Văn A', rank: 'Đại tá', titles: ['Giám đốc Công an tỉnh Nghệ An', 'Bí thư'], ...by('official.rank_name') }],
  },
  { article: 'a2', members: [{ cluster: 1, unit: 'Cục Pháp chế' }] },
];

describe('scoreByRule', () => {
  const report = scoreByRule(gold, exported);

  it('counts, for each rule, the gold facts its facts matched and the facts no gold fact matched', () => {
    expect(report.rules).toEqual([
      { rule: 'member.list', tp: 2, fp: 1, p: 2 / 3, types: { member: { tp: 2, fp: 1 } } },
      { rule: 'official.rank_name', tp: 2, fp: 1, p: 2 / 3, types: { official: { tp: 1, fp: 0 }, title: { tp: 1, fp: 1 } } },
      { rule: '(no rule)', tp: 1, fp: 0, p: 1, types: { member: { tp: 1, fp: 0 } } },
      { rule: 'member.lead', tp: 1, fp: 0, p: 1, types: { member: { tp: 1, fp: 0 } } },
    ]);
    expect(report.missed).toBe(1);
  });

  it('prints a table, most false facts first, and the gold facts no rule found', () => {
    expect(formatByRule(report)).toBe(
      [
        'rule                   tp     fp      P  types',
        'member.list             2      1   66.7  member',
        'official.rank_name      2      1   66.7  official,title',
        '(no rule)               1      0  100.0  member',
        'member.lead             1      0  100.0  member',
        'gold facts no rule found: 1 (thidua eval --verbose lists them)',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(formatByRule(report, { json: true }))).toEqual(report);
  });
});
