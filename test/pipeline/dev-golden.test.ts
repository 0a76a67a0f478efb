import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline/process.js';
import { scoreArticles } from '../../src/query/score.js';
import type { ProcessedArticle } from '../../src/types.js';
import { FACT_TYPES } from '../../src/types.js';
import { shippedGrammar } from '../helpers/rules.js';

// The annotated development articles (seeds + dev, from ../shared/dev) as golden fixtures.
const DIR = 'test/fixtures/dev';
const g = shippedGrammar();
const articles: ProcessedArticle[] = readdirSync(join(DIR, 'texts'))
  .sort()
  .map((f) => processDocument(g, { id: f.replace(/\.txt$/, ''), source: f, format: 'txt', url: null, text: readFileSync(join(DIR, 'texts', f), 'utf8'), meta: {} }));
const exported = articles.map((a) => ({ article: a.id, ...a.meta, ...a.facts }));

describe('the annotated development articles', () => {
  const report = scoreArticles(join(DIR, 'gold'), exported);

  it('reach micro F1 ≥ 0.90 and F1 ≥ 0.80 on every fact type', () => {
    expect(report.missing).toBe(0);
    expect(report.micro.f1).toBeGreaterThanOrEqual(0.9);
    for (const [type, t] of Object.entries(report.types)) expect(t.f1, type).toBeGreaterThanOrEqual(0.8);
  });

  it('give every fact an evidence span inside its article and a rule id', () => {
    for (const a of articles) {
      for (const type of FACT_TYPES) {
        for (const fact of a.facts[type]) {
          const { start, end, rule } = fact.evidence;
          expect(0 <= start && start < end && end <= a.text.length, `${a.id} ${type} ${start}-${end}`).toBe(true);
          expect(rule).toMatch(/^[a-z_]+\.[a-z0-9_.]+$/);
        }
      }
    }
  });

  it('read each member from the words that name it', () => {
    for (const a of articles) {
      for (const m of a.facts.members) {
        const said = a.text.slice(m.evidence.start, m.evidence.end);
        // A place-only member is written out whole ("Công an" + "tỉnh" + "Phú Yên"): its span holds the place.
        expect(m.unit.endsWith(said) || m.unit === said, `${a.id}: ${m.unit} ← ${said}`).toBe(true);
      }
    }
  });
});
