import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder of thidua's package.json, found from this module (works from src/ under tests and from dist/),
 * once: the HTML extractor asks for its rules folder on every page.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find thidua’s package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return (root = dir);
}

/** A module of the build (`dist/<path>`), for a worker thread (which cannot load TypeScript); null without a build. */
export function builtModule(path: string): string | null {
  const file = join(packageRoot(), 'dist', path);
  return existsSync(file) ? file : null;
}

/** The rules shipped with the package. */
export const defaultRulesDir = (): string => join(packageRoot(), 'rules');

/** The package's version. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The code that turns stored text into facts: a change to any of it changes every extraction. */
const EXTRACTOR_CODE = ['normalize', 'segment', 'extract', 'resolve', 'pipeline/process'];
let extractorVersion: string | undefined;

/**
 * The extractor's code version, recorded with every run and extraction: the package version and a hash
 * of the code of the stages from normalize to resolve (as this process runs them, .js or .ts).
 */
export function codeVersion(): string {
  if (extractorVersion === undefined) {
    const here = dirname(fileURLToPath(import.meta.url));
    const hash = createHash('sha256');
    for (const path of EXTRACTOR_CODE.flatMap((part) => codeFiles(join(here, part)))) hash.update(path.slice(here.length)).update(readFileSync(path));
    extractorVersion = `${packageVersion()}+${hash.digest('hex').slice(0, 12)}`;
  }
  return extractorVersion;
}

/** The .js or .ts files of a stage's folder (recursively), or of the module named `path` itself. */
function codeFiles(path: string): string[] {
  for (const ext of ['.js', '.ts']) if (existsSync(path + ext)) return [path + ext];
  if (!existsSync(path)) return [];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:js|ts)$/.test(name) && !name.endsWith('.d.ts'))
    .sort()
    .map((name) => join(path, name));
}
