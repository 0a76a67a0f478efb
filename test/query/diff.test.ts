import { describe, expect, it } from 'vitest';
import { diffDatasets, formatDiff } from '../../src/query/diff.js';
import type { ExportedArticle } from '../../src/query/export.js';

const TEXT = 'Công an tỉnh A là Cụm trưởng năm 2024. Công an tỉnh B là thành viên.';
const ev = (phrase: string, rule: string) => ({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length, rule });

function article(id: string, over: Partial<ExportedArticle> = {}): ExportedArticle {
  return {
    article: id, story: id, source: `${id}.txt`, title: null, published: null, authors: [],
    events: [], clusters: [], members: [], chairs: [], handovers: [], officials: [], awards: [], text: TEXT, ...over,
  };
}

describe('diffDatasets', () => {
  const chair = { cluster: 1, year: 2024, unit: 'Công an tỉnh A', evidence: ev('Công an tỉnh A là Cụm trưởng', 'chair.is_chair') };
  const member = { cluster: 1, year: 2024, unit: 'Công an tỉnh B', evidence: ev('Công an tỉnh B', 'member.is') };

  it('reports facts added, removed and changed at the same span, by type and by rule', () => {
    const before = [article('a', { chairs: [chair], members: [member] }), article('gone', { members: [member] })];
    const after = [article('a', { chairs: [{ ...chair, year: 2025 }] }), article('new')];
    const report = diffDatasets(before, after);
    expect(report.articles).toEqual({ added: { new: 0 }, removed: { gone: 1 } });
    expect(report.added).toEqual([]);
    expect(report.removed.map((f) => [f.article, f.type, f.rule])).toEqual([['a', 'members', 'member.is']]);
    expect(report.changed).toHaveLength(1);
    expect(report.changed[0]!.after.fields).toContain('2025');
    expect(report.byType).toEqual({ chairs: { added: 0, removed: 0, changed: 1 }, members: { added: 0, removed: 1, changed: 0 } });
    expect(report.byRule['chair.is_chair']).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(report.removed[0]!.sentence).toBe('«Công an tỉnh B» là thành viên.');
    const text = formatDiff(report, { examples: 5 });
    expect(text).toMatch(/articles: \+1 -1 {3}facts in the articles both have: \+0 -1 ~1/);
    expect(text).toContain('articles removed: gone (1 facts)');
  });

  it('finds nothing between equal datasets, whatever their order', () => {
    const set = [article('a', { chairs: [chair] }), article('b', { members: [member] })];
    const report = diffDatasets(set, [...set].reverse());
    expect([report.added, report.removed, report.changed]).toEqual([[], [], []]);
  });
});
