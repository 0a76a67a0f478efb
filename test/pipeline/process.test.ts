import { describe, expect, it } from 'vitest';
import { unpackMatches } from '../../src/extract/engine/stored-matches.js';
import { normalizeText } from '../../src/normalize/text.js';
import { processDocuments } from '../../src/pipeline/process.js';
import type { ProcessedArticle, RawDocument } from '../../src/types.js';
import { shippedGrammar } from '../helpers/rules.js';

// Old-style tone marks and a double space: normalization changes this text (and its offsets).
const TEXT = 'Đơn vị hoà mình vào phong trào thi đua  của lực lượng.\n\nCụm thi đua số 3 tổ chức hội nghị tổng kết công tác thi đua năm 2023.';
const doc: RawDocument = { id: 'a', source: 'a.txt', format: 'txt', url: null, text: TEXT, meta: { title: null, published: null, authors: [] } };
const one = (result: (ProcessedArticle | Error)[]): ProcessedArticle => {
  if (result[0] instanceof Error) throw result[0];
  return result[0]!;
};
const evidence = (a: ProcessedArticle) => a.facts.events.map((e) => a.text.slice(e.evidence.start, e.evidence.end));

describe('processDocuments', () => {
  it('normalizes a new document, and reads a stored article\'s text as stored, which its evidence indexes', () => {
    expect(normalizeText(TEXT)).not.toBe(TEXT);
    const fresh = one(processDocuments(shippedGrammar(), [{ doc }]));
    expect(fresh.text).toBe(normalizeText(TEXT));
    const stored = one(processDocuments(shippedGrammar(), [{ doc, stored: true }]));
    expect(stored.text).toBe(TEXT);
    expect(evidence(stored)).toEqual(evidence(fresh));
    expect(stored.facts.events.map((e) => TEXT.slice(e.evidence.start, e.evidence.end))).toEqual(evidence(fresh));
  });

  it('reads the given matches in the given sentences instead of finding them', () => {
    const first = one(processDocuments(shippedGrammar(), [{ doc, stored: true }]));
    expect(first.facts.events.map((e) => e.kind)).toEqual(['review']);
    const sentences = [{ start: 0, end: first.sentences[3]! }];
    // The matches the rules gave, but event.review's: had the rules run again, it would be back.
    const matches = unpackMatches(first.matches).filter(([rule]) => rule !== 'event.review');
    const read = one(processDocuments(shippedGrammar(), [{ doc, stored: true, given: { sentences, matches } }]));
    expect([...read.sentences]).toEqual([0, first.sentences[3]]);
    expect(read.facts.events).toEqual([]);
    expect(read.facts.clusters).toEqual(first.facts.clusters);
  });
});
