import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRules, formatCheck, type CheckReport } from '../../src/extract/check.js';
import { defaultRulesDir } from '../../src/paths.js';
import { eventRule, tinyRules } from '../helpers/rules.js';

const check = (files: Record<string, string>): Promise<CheckReport> => checkRules(tinyRules(files), { corpus: null });
const messages = (r: CheckReport) => r.problems.map((p) => `${p.severity} ${p.rule}: ${p.message.split('\n')[0]}`);
const ruleFile = (...rules: string[]) => ({ 'patterns/zz.yaml': `rules:\n${rules.join('')}` });

describe('checkRules', () => {
  it('reports a rule file that does not load as one error at its file and line', async () => {
    const r = await check({ 'patterns/broken.yaml': 'rules:\n  - id: a.b\n    pattern: [unclosed\n' });
    expect(r.problems).toEqual([{ severity: 'error', file: expect.stringMatching(/broken\.yaml$/), line: 4, rule: null, message: expect.stringMatching(/^YAML syntax/) }]);
  });

  it('finds catastrophic backtracking, a `requires` that hides matches and a rule that never fires', async () => {
    const r = await check(
      ruleFile(
        eventRule('test.redos', "    pattern: '(a+)+$'\n    examples: [{text: 'aaa!', expect: []}]\n"),
        eventRule('test.requires', "    requires: 'zzz'\n    pattern: 'Hội nghị'\n    examples: [{text: 'Hội nghị tổng kết.', expect: [{kind: other}]}]\n"),
      ),
    );
    expect(messages(r)).toEqual([
      'error test.redos: catastrophic backtracking: in the pattern, the quantifier `(a+)+` can take exponential time (make what it repeats unambiguous)',
      'warning test.redos: no example expects a fact: nothing shows that the rule ever fires',
      'error test.requires: never fires: none of its examples that expect a fact gives it',
      'error test.requires: `requires` /zzz/ skips 1 sentence(s) the pattern matches, e.g. «Hội nghị»',
      'error test.requires: example does not give what it expects',
    ]);
    expect(r.problems.map((p) => p.line)).toEqual([2, 2, 8, 8, 14]);
  });

  it('reports a catastrophic macro at the macro, not again at each rule using it', async () => {
    const r = await check({
      'macros.yaml': "macros:\n  - name: BAD\n    description: x\n    pattern: '(?:\\s*x\\s*)*'\n",
      ...ruleFile(eventRule('test.bad', "    pattern: '{BAD}y'\n    examples: [{text: 'xy', expect: [{kind: other}]}]\n")),
    });
    expect(r.problems.map((p) => [p.rule, p.line, p.message.slice(0, 30)])).toEqual([['BAD', 4, 'catastrophic backtracking: the']]);
  });

  it('finds a rule that the overlap policy shadows on its own example', async () => {
    const r = await check(
      ruleFile(
        eventRule('test.long', "    pattern: 'Hội nghị tổng kết'\n    examples: [{text: 'Hội nghị tổng kết.', expect: [{kind: other}]}]\n"),
        eventRule('test.short', "    pattern: 'Hội nghị'\n    examples: [{text: 'Hội nghị tổng kết.', expect: [{kind: other}]}]\n"),
      ),
    );
    expect(messages(r)).toEqual(['error test.short: shadowed on its own example: all 1 of its candidates give way to test.long (1)']);
  });

  it('warns of a rule the other rules shadow on every article of the corpus', async () => {
    const dir = tinyRules(
      ruleFile(
        eventRule('test.long', "    pattern: 'Hội nghị tổng kết'\n    examples: [{text: 'Hội nghị tổng kết.', expect: [{kind: other}]}]\n"),
        eventRule('test.short', "    pattern: 'Hội nghị'\n    examples: [{text: 'Hội nghị sơ kết.', expect: [{kind: other}]}]\n"),
      ),
    );
    const corpus = mkdtempSync(join(tmpdir(), 'thidua-corpus-'));
    writeFileSync(join(corpus, 'a.txt'), 'Hội nghị tổng kết năm 2023.\n');
    writeFileSync(join(corpus, 'b.txt'), 'Năm nay có Hội nghị tổng kết.\n');
    const r = await checkRules(dir, { corpus });
    expect(r.corpus).toEqual({ dir: corpus, texts: 2 });
    expect(messages(r)).toEqual(['warning test.short: always shadowed on the corpus: all 2 of its candidates give way to test.long (2)']);
    expect(formatCheck(r)).toMatch(/zz\.yaml:8: \[test\.short\] warning: always shadowed/);
  });

  it('passes the shipped rules with no error, on their examples and on the dev articles', async () => {
    const r = await checkRules(defaultRulesDir(), { corpus: 'test/fixtures/dev/texts' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.corpus).toEqual({ dir: 'test/fixtures/dev/texts', texts: 37 });
    expect(r.rules).toBeGreaterThan(30);
    expect(formatCheck(r)).toMatch(/^\d+ rules, \d+ macros, \d+ lexicons, \d+ examples, run on 37 texts of test\/fixtures\/dev\/texts: 0 errors, \d+ warnings \(\d+\.\d s\)$/m);
    expect(JSON.parse(formatCheck(r, { json: true }))).toMatchObject({ rules: r.rules, problems: r.problems });
  }, 90_000); // compiles every pattern (seconds) and runs the rules on 37 articles
});
