import { isJsonObject, type JsonObject } from './json.js';

/** Every object in the page's JSON-LD blocks, flattening arrays and `@graph`; unparseable blocks are skipped. */
export function jsonLdNodes(scripts: readonly string[]): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of scripts) {
    try {
      collect(JSON.parse(script), nodes);
    } catch {
      // Broken JSON-LD is common and only ever a hint.
    }
  }
  return nodes;
}

/** The longest `articleBody` of the nodes, if any. */
export function jsonLdArticleBody(nodes: readonly JsonObject[]): string | null {
  let best: string | null = null;
  for (const node of nodes) {
    const body = node['articleBody'];
    if (typeof body === 'string' && body.length > (best?.length ?? 0)) best = body;
  }
  return best;
}

function collect(value: unknown, nodes: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, nodes);
  } else if (isJsonObject(value)) {
    nodes.push(value);
    collect(value['@graph'], nodes);
  }
}

/** Names of the `Person` authors of the given nodes (organisations and empty names left out). */
export function jsonLdPersonNames(nodes: readonly JsonObject[]): string[] {
  const names: string[] = [];
  for (const node of nodes) {
    const authors = ([] as unknown[]).concat(node['author'] ?? []);
    for (const author of authors) {
      if (!isJsonObject(author) || !([] as unknown[]).concat(author['@type']).includes('Person')) continue;
      const name = author['name'];
      if (typeof name === 'string' && name.trim() !== '') names.push(name.trim());
    }
  }
  return names;
}
