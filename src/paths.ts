import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of thidua's package.json, found from this module (works from src/ under tests and from dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find thidua’s package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

/** The rules shipped with the package. */
export const defaultRulesDir = (): string => join(packageRoot(), 'rules');

/** The package's version, recorded with every run as the extractor's code version. */
export function codeVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
