import type Database from 'better-sqlite3';
import { FACT_TYPES, type Evidence } from '../types.js';
import { sentenceAt } from '../segment/sentences.js';
import { datasetRun } from '../store/datasets.js';
import { loadArticle } from '../store/read.js';

/**
 * A reviewer's account of one stored article: each fact, grouped by type, with
 * its fields, the rule that read it and its sentence with the evidence span
 * marked «…».
 */
export function explainArticle(db: Database.Database, id: string, run?: number): string {
  const stored = loadArticle(db, id, datasetRun(db, run));
  if (!stored) throw new Error(`no article ${id} in the dataset`);
  const { article, facts } = stored;
  const lines = [
    `${article.id}  ${article.meta.title ?? '(no title)'}`,
    `source ${article.source} · published ${article.meta.published ?? 'unknown'} · story ${article.story}`,
    `facts: ${FACT_TYPES.map((type) => `${facts[type].length} ${type}`).join(', ')}`,
  ];
  for (const type of FACT_TYPES) {
    if (facts[type].length === 0) continue;
    lines.push('', `${type} (${facts[type].length})`);
    facts[type].forEach((fact, i) => {
      const { evidence, ...fields } = fact;
      const described = Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
      lines.push(
        `  ${i + 1}. ${described.join(', ')}`,
        `     rule ${evidence.rule}, span ${evidence.start}-${evidence.end}`,
        `     ${markedSentence(article.text, evidence)}`,
      );
    });
  }
  return `${lines.join('\n')}\n`;
}

/** The sentences that the evidence span lies in, the span set in «…», on one line. */
export function markedSentence(text: string, { start, end }: Evidence): string {
  const from = Math.min(sentenceAt(text, start).start, start);
  const to = Math.max(sentenceAt(text, Math.max(start, end - 1)).end, end);
  const marked = `${text.slice(from, start)}«${text.slice(start, end)}»${text.slice(end, to)}`;
  return marked.replace(/\s*\n\s*/g, ' ');
}
