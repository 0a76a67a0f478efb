import { describe, expect, it } from 'vitest';
import { checkExamples } from '../../src/extract/examples.js';
import { shippedGrammar } from '../helpers/rules.js';

// Every rule's examples, one test per rule: a rule author edits a rule and sees which examples it breaks.
const g = shippedGrammar();
describe('rule examples', () => {
  for (const rule of g.ruleSet.rules) {
    it(`${rule.id} (${rule.file.split('/').pop()}:${rule.line})`, () => {
      const failures = checkExamples(g, rule).map((f) => ({ text: f.example.text, expected: f.example.expect, got: f.got }));
      expect(failures).toEqual([]);
    });
  }
});
