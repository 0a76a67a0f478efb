// A hand-made article for the store and query tests: every fact type, numbered
// and bloc clusters, null fields, empty and filled lists.
import type Database from 'better-sqlite3';
import { publishDataset } from '../../src/store/datasets.js';
import { beginRun } from '../../src/store/runs.js';
import { saveRuleset } from '../../src/store/rulesets.js';
import { saveArticle, saveExtraction } from '../../src/store/write.js';
import { createHash } from 'node:crypto';
import { packMatches } from '../../src/extract/engine/stored-matches.js';
import type { ArticleFacts, Evidence, ProcessedArticle } from '../../src/types.js';

export const SAMPLE_TEXT = [
  'Cụm thi đua số 2 tổng kết năm 2021',
  '',
  'Sáng 19/11, tại Hà Nội, Cụm thi đua số 2 tổ chức Hội nghị tổng kết công tác thi đua năm 2021. ' +
    'Trung tướng Nguyễn Minh Chính, Cục trưởng Cục An ninh mạng, Cụm trưởng Cụm thi đua số 2 chủ trì.',
  '',
  'Cụm gồm Cục Kỹ thuật nghiệp vụ, Cục Ngoại tuyến. Khối thi đua các cơ quan Đảng có Ban Tuyên giáo. ' +
    'Cục An ninh mạng bàn giao vị trí Cụm trưởng năm 2022 cho Cục Kỹ thuật nghiệp vụ. Ông Lê Văn Bình dự.',
  '',
  'Cục Ngoại tuyến được tặng Cờ thi đua của Chính phủ; 3 tập thể được đề nghị tặng Bằng khen.',
].join('\n');

/** The evidence of the first occurrence of `phrase` in the sample text. */
export function at(phrase: string, rule: string, text = SAMPLE_TEXT): Evidence {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length, rule };
}

const BLOC = 'Khối thi đua các cơ quan Đảng';

export const SAMPLE_FACTS: ArticleFacts = {
  events: [
    { kind: 'review', cluster: 2, year: 2021, date: '2021-11-19', place: 'Hà Nội', evidence: at('Hội nghị tổng kết', 'event.review') },
    { kind: 'other', cluster: null, year: null, date: null, place: null, evidence: at('chủ trì', 'event.other') },
  ],
  clusters: [
    { cluster: 2, label: 'Cụm thi đua số 2', scope: 'Bộ Công an', block: null, evidence: at('Cụm thi đua số 2', 'cluster.numbered') },
    { cluster: BLOC, label: BLOC, scope: null, block: null, evidence: at(BLOC, 'cluster.bloc') },
  ],
  members: [
    { cluster: 2, year: 2021, unit: 'Cục Kỹ thuật nghiệp vụ', evidence: at('Cục Kỹ thuật nghiệp vụ', 'member.list') },
    { cluster: 2, year: 2021, unit: 'Cục Ngoại tuyến', evidence: at('Cục Ngoại tuyến', 'member.list') },
    { cluster: BLOC, year: null, unit: 'Ban Tuyên giáo', evidence: at('Ban Tuyên giáo', 'member.list') },
  ],
  chairs: [
    { cluster: 2, year: 2021, unit: 'Cục An ninh mạng', evidence: at('Cụm trưởng Cụm thi đua số 2', 'chair.title') },
    { cluster: null, year: 2022, unit: 'Cục Kỹ thuật nghiệp vụ', evidence: at('bàn giao vị trí Cụm trưởng', 'chair.from_handover') },
  ],
  handovers: [
    { cluster: 2, year: 2022, from: 'Cục An ninh mạng', to: 'Cục Kỹ thuật nghiệp vụ', evidence: at('bàn giao vị trí Cụm trưởng', 'handover.verb') },
    { cluster: null, year: null, from: null, to: 'Cục Ngoại tuyến', evidence: at('Cục Ngoại tuyến được', 'handover.verb') },
  ],
  officials: [
    {
      name: 'Nguyễn Minh Chính',
      rank: 'Trung tướng',
      titles: ['Cục trưởng Cục An ninh mạng', 'Cụm trưởng Cụm thi đua số 2'],
      evidence: at('Trung tướng Nguyễn Minh Chính', 'official.rank_name'),
    },
    { name: 'Lê Văn Bình', rank: null, titles: [], evidence: at('Lê Văn Bình', 'official.name') },
  ],
  awards: [
    {
      cluster: 2,
      year: 2021,
      award: 'Cờ thi đua của Chính phủ',
      recipient: null,
      count: null,
      units: ['Cục Ngoại tuyến'],
      status: 'granted',
      evidence: at('được tặng Cờ thi đua của Chính phủ', 'award.granted'),
    },
    {
      cluster: null,
      year: null,
      award: 'Bằng khen',
      recipient: 'collective',
      count: 3,
      units: [],
      status: 'proposed',
      evidence: at('3 tập thể được đề nghị tặng Bằng khen', 'award.proposed'),
    },
  ],
};

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The sample article, or a variant of it. */
export function sampleArticle(over: Partial<ProcessedArticle> = {}): ProcessedArticle {
  const text = over.text ?? SAMPLE_TEXT;
  return {
    id: 'sample-001',
    source: 'corpus/sample-001.txt',
    url: null,
    text,
    captions: [],
    contentHash: sha256(text),
    meta: { title: 'Cụm thi đua số 2 tổng kết năm 2021', published: '2021-11-19', authors: ['Xuân Mai'] },
    facts: SAMPLE_FACTS,
    matchedRules: {},
    matches: packMatches([]),
    sentences: new Uint32Array(),
    fingerprint: null,
    ...over,
  };
}

/** An article with no facts and its own text. */
export function bareArticle(id: string, text: string): ProcessedArticle {
  return {
    id,
    source: `corpus/${id}.txt`,
    url: `https://example.vn/${id}`,
    text,
    captions: [],
    contentHash: sha256(text),
    meta: { title: null, published: null, authors: [] },
    facts: { events: [], clusters: [], members: [], chairs: [], handovers: [], officials: [], awards: [] },
    matchedRules: {},
    matches: packMatches([]),
    sentences: new Uint32Array(),
    fingerprint: null,
  };
}

export const RUN = { rulesHash: 'r1', codeVersion: '0.1.0', inputs: ['corpus/'] };
const RULESET = 'r1';

/**
 * What the pipeline does with a run's articles: each stored with its extraction by rule set r1 (one
 * transaction), then the run's dataset published. Returns the run id.
 */
export function storeDataset(db: Database.Database, articles: ProcessedArticle[], runId = beginRun(db, RUN), keep = 5): number {
  saveRuleset(db, RULESET, { code: '0.1.0', macros: '', rules: [], forms: {} }, 'sources');
  const ids = db.transaction(() =>
    articles.map((a) => saveExtraction(db, saveArticle(db, a, runId).key, { ruleset: RULESET, runId, facts: a.facts, matchedRules: a.matchedRules, matches: a.matches, sentences: a.sentences })),
  )();
  publishDataset(db, runId, ids, { keep, ruleset: RULESET });
  return runId;
}
