import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline/process.js';
import { DERIVED } from '../../src/resolve/index.js';
import { shippedGrammar } from '../helpers/rules.js';

// Each derivation's examples, through the whole pipeline: the derived facts, with the derivation as their rule.
const g = shippedGrammar();
describe('derivations', () => {
  it('every derivation the code makes is documented in derivations.yaml', () => {
    expect(Object.values(DERIVED).sort()).toEqual(g.ruleSet.derivations.map((d) => d.id).sort());
  });

  for (const d of g.ruleSet.derivations) {
    it(`${d.id} (derivations.yaml:${d.line})`, () => {
      for (const ex of d.examples) {
        const a = processDocument(g, { id: 'x', source: 'x', format: 'txt', url: null, text: ex.text, meta: {} });
        const facts = (a.facts[`${d.fact}s` as 'chairs'] as unknown as Record<string, unknown>[]).filter((f) => (f.evidence as { rule: string }).rule === d.id);
        expect(facts.map(({ evidence: _, ...f }) => f), ex.text).toEqual(ex.expect.map((e) => expect.objectContaining(e)));
      }
    });
  }
});
