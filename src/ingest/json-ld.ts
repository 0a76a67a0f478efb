import type { CheerioAPI } from 'cheerio';

export type JsonLdNode = Record<string, unknown>;

/** Every object in the page's JSON-LD blocks, flattening arrays and `@graph`; unparseable blocks are skipped. */
export function jsonLdNodes($: CheerioAPI): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  $('script[type="application/ld+json"]').each((_, script) => {
    try {
      collect(JSON.parse($(script).text()), nodes);
    } catch {
      // Broken JSON-LD is common and only ever a hint.
    }
  });
  return nodes;
}

function collect(value: unknown, nodes: JsonLdNode[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, nodes);
  } else if (isObject(value)) {
    nodes.push(value);
    collect(value['@graph'], nodes);
  }
}

export function isObject(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names of the `Person` authors of the given nodes (organisations and empty names left out). */
export function jsonLdPersonNames(nodes: readonly JsonLdNode[]): string[] {
  const names: string[] = [];
  for (const node of nodes) {
    const authors = ([] as unknown[]).concat(node['author'] ?? []);
    for (const author of authors) {
      if (!isObject(author) || !([] as unknown[]).concat(author['@type']).includes('Person')) continue;
      const name = author['name'];
      if (typeof name === 'string' && name.trim() !== '') names.push(name.trim());
    }
  }
  return names;
}
