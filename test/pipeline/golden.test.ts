import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline/process.js';
import { scoreArticles } from '../../src/query/score.js';
import type { ProcessedArticle } from '../../src/types.js';
import { FACT_TYPES } from '../../src/types.js';
import { shippedGrammar } from '../helpers/rules.js';

// Annotated articles as golden fixtures: the development set from ../shared/dev (seeds + dev) and the
// challenge and holdout sets that other writers annotated without seeing the rules (test/fixtures/*/).
const SETS = readdirSync('test/fixtures')
  .filter((d) => d === 'dev' || d.startsWith('challenge') || d.startsWith('holdout'))
  .sort();
const g = shippedGrammar();

for (const set of SETS) {
  const dir = join('test/fixtures', set);
  describe(`annotated articles: ${set}`, () => {
    const articles: ProcessedArticle[] = readdirSync(join(dir, 'texts'))
      .sort()
      .map((f) => processDocument(g, { id: f.replace(/\.txt$/, ''), source: f, format: 'txt', url: null, text: readFileSync(join(dir, 'texts', f), 'utf8'), meta: {} }));

    it('reach micro F1 ≥ 0.90 and F1 ≥ 0.80 on every fact type', () => {
      const report = scoreArticles(join(dir, 'gold'), articles.map((a) => ({ article: a.id, ...a.meta, ...a.facts })));
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
}
