import { readFileSync } from 'node:fs';
import { LineCounter, isNode, parseDocument } from 'yaml';
import { RuleFileError } from './errors.js';

/** A parsed YAML file that can still say on which line each of its values stands. */
export interface YamlFile {
  file: string;
  data: unknown;
  /** 1-based line of the value at `path` (keys and indexes), or of the closest parent that exists. */
  lineOf(path: ReadonlyArray<string | number>): number | null;
}

export function readYamlFile(file: string): YamlFile {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new RuleFileError(file, null, `cannot read: ${(cause as Error).message}`, { cause });
  }
  return parseYaml(file, source);
}

export function parseYaml(file: string, source: string): YamlFile {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? null;
    throw new RuleFileError(file, line, `YAML syntax: ${first.message.split('\n')[0]}`);
  }
  const lineOf = (path: ReadonlyArray<string | number>): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    }
    return null;
  };
  return { file, data: doc.toJS(), lineOf };
}
