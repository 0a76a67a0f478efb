/**
 * Site profiles: per-site CSS selectors for the parts of an article page, kept as data in `rules/sites/*.yaml`.
 * A profile is chosen by the page's host, or for a saved page without a known host by its `detect` selector.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RuleFileError } from '../extract/engine/errors.js';
import { readYamlFile, type YamlFile } from '../extract/engine/yaml-file.js';
import { defaultRulesDir } from '../paths.js';
import { selected, type PageIndex } from './html-page.js';
import { indexSelectors, type SelectorIndex } from './html-selectors.js';

/** Each selector field lists alternatives, tried in order; the first that finds something wins. */
export interface SiteProfile {
  name: string;
  file: string;
  /** Hosts it applies to, each also covering its subdomains ("dantri.com.vn" covers "m.dantri.com.vn"). */
  hosts: string[];
  /** A selector that recognizes the site's pages when the host is unknown. */
  detect: string | null;
  body: string[];
  lead: string[];
  title: string[];
  published: string[];
  authors: string[];
  captions: string[];
  /** Boxes inside the body that are not article text (related news, polls, sign-up prompts). */
  noise: string[];
}

type SelectorField = 'body' | 'lead' | 'title' | 'published' | 'authors' | 'captions' | 'noise';
const SELECTOR_FIELDS: SelectorField[] = ['body', 'lead', 'title', 'published', 'authors', 'captions', 'noise'];
const KNOWN_FIELDS = new Set(['name', 'hosts', 'detect', ...SELECTOR_FIELDS]);
const HOST = /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/;

const cache = new Map<string, SiteProfile[]>();

/** The profiles in `<rulesDir>/sites/` (none if the folder is missing), validated and cached per folder. */
export function loadSiteProfiles(rulesDir: string = defaultRulesDir()): SiteProfile[] {
  const dir = join(rulesDir, 'sites');
  let profiles = cache.get(dir);
  if (!profiles) {
    profiles = siteFiles(dir).map((file) => profileFromYaml(readYamlFile(file)));
    cache.set(dir, profiles);
  }
  return profiles;
}

function siteFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

export function profileFromYaml(yaml: YamlFile): SiteProfile {
  const fail = (path: (string | number)[], detail: string): never => {
    throw new RuleFileError(yaml.file, yaml.lineOf(path), detail);
  };
  const data = yaml.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail([], 'a site profile must be a mapping');
  const fields = data as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!KNOWN_FIELDS.has(key)) fail([key], `unknown field "${key}" (known: ${[...KNOWN_FIELDS].join(', ')})`);
  }
  const name = fields['name'];
  if (typeof name !== 'string' || name.trim() === '') fail(['name'], 'field "name" must be a non-empty string');
  const hosts = stringList(fields, 'hosts', fail);
  if (hosts.length === 0) fail(['hosts'], 'field "hosts" must list at least one host');
  hosts.forEach((host, i) => {
    if (!HOST.test(host)) fail(['hosts', i], `"${host}" is not a lowercase host name like "vnexpress.net"`);
  });
  const selector = (path: (string | number)[], value: string): string => {
    try {
      indexSelectors([value]);
    } catch (err) {
      fail(path, `invalid CSS selector "${value}": ${(err as Error).message}`);
    }
    return value;
  };
  const detect = fields['detect'];
  if (detect !== undefined && typeof detect !== 'string') fail(['detect'], 'field "detect" must be a CSS selector');
  const profile = { name: name as string, file: yaml.file, hosts, detect: typeof detect === 'string' ? selector(['detect'], detect) : null };
  const selectors = Object.fromEntries(
    SELECTOR_FIELDS.map((field) => [
      field,
      stringList(fields, field, fail).map((value, i) => selector(Array.isArray(fields[field]) ? [field, i] : [field], value)),
    ]),
  ) as Record<SelectorField, string[]>;
  return { ...profile, ...selectors };
}

/** A field given as one string or a list of strings; absent is empty. */
function stringList(
  fields: Record<string, unknown>,
  field: string,
  fail: (path: (string | number)[], detail: string) => never,
): string[] {
  const value = fields[field];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  list.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      fail(Array.isArray(value) ? [field, i] : [field], `field "${field}" must be a string or a list of strings`);
    }
  });
  return (list as string[]).map((item) => item.trim());
}

const indexes = new WeakMap<readonly SiteProfile[], SelectorIndex>();

/** Every selector of the profiles, compiled once per list of profiles, for the page walk to match. */
export function profileSelectors(profiles: readonly SiteProfile[]): SelectorIndex {
  let index = indexes.get(profiles);
  if (!index) {
    const selectors = profiles.flatMap((profile) => [
      ...(profile.detect === null ? [] : [profile.detect]),
      ...SELECTOR_FIELDS.flatMap((field) => profile[field]),
    ]);
    index = indexSelectors(selectors);
    indexes.set(profiles, index);
  }
  return index;
}

/**
 * The profile for the host (longest match); for a page whose host is unknown, the first whose `detect`
 * selector finds something. The page must have been walked with the profiles' selectors.
 */
export function chooseProfile(profiles: readonly SiteProfile[], host: string | null, page: PageIndex): SiteProfile | null {
  if (!host) return profiles.find((profile) => profile.detect !== null && selected(page, profile.detect).length > 0) ?? null;
  let best: { profile: SiteProfile; length: number } | null = null;
  for (const profile of profiles) {
    for (const pattern of profile.hosts) {
      const matches = host === pattern || host.endsWith(`.${pattern}`);
      if (matches && (!best || pattern.length > best.length)) best = { profile, length: pattern.length };
    }
  }
  return best?.profile ?? null;
}
