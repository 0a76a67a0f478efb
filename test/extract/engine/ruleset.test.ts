import { describe, expect, it } from 'vitest';
import { RuleFileError } from '../../../src/extract/engine/errors.js';
import { loadRules, rulesWith } from '../../helpers/rules.js';

const rule = (id: string, pattern: string) => `  - id: ${id}
    fact: event
    description: test rule
    set: {kind: other}
    pattern: '${pattern}'
    examples:
      - text: 'một câu'
        expect: []
`;

function errorOf(files: Record<string, string>): RuleFileError {
  try {
    loadRules(rulesWith(files));
  } catch (e) {
    expect(e).toBeInstanceOf(RuleFileError);
    return e as RuleFileError;
  }
  throw new Error('the rule set loaded');
}

describe('loading a rules folder', () => {
  it('loads the shipped rules: every rule compiled, with id, description and examples', () => {
    const set = loadRules(rulesWith({}));
    expect(set.rules.length).toBeGreaterThan(30);
    for (const r of set.rules) {
      expect(r.id).toMatch(/^[a-z_]+\.[a-z0-9_.]+$/);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.examples.length).toBeGreaterThan(0);
    }
    expect(set.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the file and line of a YAML syntax error', () => {
    const e = errorOf({ 'patterns/broken.yaml': 'rules:\n  - id: a.b\n    pattern: [unclosed\n' });
    expect(e.message).toMatch(/patterns\/broken\.yaml:\d+: YAML syntax/);
    expect(e.line).toBeGreaterThan(0);
  });

  it('rejects two rules with one id, naming both places', () => {
    const e = errorOf({ 'patterns/zz-dup.yaml': `rules:\n${rule('event.review', 'x')}` });
    expect(e.message).toMatch(/zz-dup\.yaml:2: duplicate rule id event\.review \(first defined at .*events\.yaml:\d+\)/);
  });

  it('rejects unknown keys, unknown fields and unknown macros at their line', () => {
    expect(errorOf({ 'patterns/zz.yaml': `rules:\n${rule('test.a', 'x')}    colour: red\n` }).message).toMatch(/zz\.yaml:\d+: unknown key `colour`/);
    expect(errorOf({ 'patterns/zz.yaml': `rules:\n${rule('test.a', '(?<colour>x)')}` }).message).toMatch(/zz\.yaml:6: group `colour` is not a field a event rule can capture/);
    expect(errorOf({ 'patterns/zz.yaml': `rules:\n${rule('test.a', '(?<kind>x)')}` }).message).toMatch(/zz\.yaml:6: group `kind` is not a field a event rule can capture/);
    expect(errorOf({ 'patterns/zz.yaml': `rules:\n${rule('test.a', 'x').replace('kind: other', 'kind: party')}` }).message).toMatch(/zz\.yaml:5: `kind` must be one of review, pledge, midyear, other/);
    expect(errorOf({ 'patterns/zz.yaml': `rules:\n${rule('test.a', '{NO_SUCH}')}` }).message).toMatch(/zz\.yaml:6: unknown macro or lexicon \{NO_SUCH\}/);
    expect(errorOf({ 'patterns/zz.yaml': `rules:\n${rule('test.a', '(x')}` }).message).toMatch(/zz\.yaml:6: invalid pattern/);
  });

  it('requires examples', () => {
    const e = errorOf({ 'patterns/zz.yaml': 'rules:\n  - id: test.a\n    fact: event\n    description: no examples\n    set: {kind: other}\n    pattern: x\n' });
    expect(e.message).toMatch(/zz\.yaml:\d+: every rule needs `examples`/);
  });

  it('validates lexicon files', () => {
    expect(errorOf({ 'lexicons/zz.yaml': 'lexicon: lower\ndescription: x\nentries: [a]\n' }).message).toMatch(/zz\.yaml:1: `lexicon` must be an UPPER_CASE name/);
    expect(errorOf({ 'lexicons/zz.yaml': 'lexicon: RANK\ndescription: x\nentries: [a]\n' }).message).toMatch(/lexicon RANK is already defined/);
  });
});
