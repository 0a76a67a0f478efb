import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline/process.js';
import { shippedGrammar } from '../helpers/rules.js';

const g = shippedGrammar();
const run = (text: string) => processDocument(g, { id: 'x', source: 'x', format: 'txt', url: null, text, meta: {} }).facts;

describe('clusters of an article', () => {
  it('labels that name the same bloc are one cluster, known by its fullest label', () => {
    const facts = run('Khối ANND tổng kết năm 2021. Khối thi đua An ninh nhân dân gồm Phòng An ninh đối ngoại và Phòng An ninh kinh tế.');
    expect(facts.clusters.map((c) => c.cluster)).toEqual(['Khối thi đua An ninh nhân dân']);
  });

  it('a place that ends one mention of a label is where the bloc is, not a different bloc', () => {
    const facts = run(
      'Sáng 6.3, Khối thi đua các sở, ngành kinh tế - kỹ thuật và Khối thi đua các sở, ngành văn hóa - xã hội tỉnh Bình Định tổ chức hội nghị ký kết giao ước thi đua năm 2025. ' +
        'Khối thi đua các sở, ngành văn hóa - xã hội gồm: Sở Y tế, Sở Nội vụ.',
    );
    expect(facts.clusters.map((c) => c.cluster)).toEqual([
      'Khối thi đua các sở, ngành kinh tế - kỹ thuật',
      'Khối thi đua các sở, ngành văn hóa - xã hội',
    ]);
    expect(facts.members.map((m) => [m.cluster, m.unit])).toEqual([
      ['Khối thi đua các sở, ngành văn hóa - xã hội', 'Sở Y tế'],
      ['Khối thi đua các sở, ngành văn hóa - xã hội', 'Sở Nội vụ'],
    ]);
  });
});

describe('chairs assigned for a year', () => {
  const text = (year: number) =>
    `Ngày 10/1/2020, Khối thi đua các Bộ, ngành Kinh tế tổng hợp tổ chức hội nghị tổng kết công tác thi đua năm 2019. Năm ${year}, Bộ Tài chính được phân công làm Khối trưởng.`;

  it('for the reviewed year, is the chair in office, not a handover', () => {
    const facts = run(text(2019));
    expect(facts.handovers).toEqual([]);
    expect(facts.chairs.map((c) => [c.year, c.unit])).toEqual([[2019, 'Bộ Tài chính']]);
  });

  it('for the next year, is a handover', () => {
    const facts = run(text(2020));
    expect(facts.handovers.map((h) => [h.year, h.to])).toEqual([[2020, 'Bộ Tài chính']]);
  });
});
