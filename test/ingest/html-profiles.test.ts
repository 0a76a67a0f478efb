import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/extract/engine/yaml-file.js';
import { indexPage } from '../../src/ingest/html-page.js';
import { chooseProfile, loadSiteProfiles, profileFromYaml, profileSelectors } from '../../src/ingest/html-profiles.js';

const profile = (source: string) => profileFromYaml(parseYaml('sites/zz.yaml', source));
const errorOf = (source: string): Error => {
  try {
    profile(source);
  } catch (err) {
    return err as Error;
  }
  throw new Error('the profile was accepted');
};

const VALID = 'name: Zz\nhosts: [zz.vn]\nbody: article.fck\n';

describe('site profiles', () => {
  it('reads a profile: one selector or a list per field, absent fields empty', () => {
    const zz = profile(`${VALID}title: [h1.title, h1]\ndetect: 'meta[name="zz"]'\n`);
    expect(zz).toMatchObject({ name: 'Zz', hosts: ['zz.vn'], body: ['article.fck'], title: ['h1.title', 'h1'], lead: [] });
    expect(zz.detect).toBe('meta[name="zz"]');
  });

  it('names the file and line of an unknown field', () => {
    expect(errorOf(`${VALID}colour: red\n`).message).toMatch(/^sites\/zz\.yaml:4: unknown field "colour" \(known: name, hosts, detect, body/);
  });

  it('names the file and line of a selector that is not valid CSS, in a list too', () => {
    expect(errorOf('name: Zz\nhosts: [zz.vn]\nbody: "div[data-x"\n').message).toMatch(/^sites\/zz\.yaml:3: invalid CSS selector "div\[data-x"/);
    expect(errorOf(`${VALID}lead:\n  - p.sapo\n  - 'p:first'\n`).message).toMatch(/^sites\/zz\.yaml:6: invalid CSS selector "p:first"/);
    expect(errorOf(`${VALID}detect: '>>'\n`).message).toMatch(/^sites\/zz\.yaml:4: invalid CSS selector ">>"/);
  });

  it('refuses a missing name, no hosts, a host that is not one, a selector that is not a string', () => {
    expect(errorOf('hosts: [zz.vn]\n').message).toMatch(/zz\.yaml:\d+: field "name" must be a non-empty string/);
    expect(errorOf('name: Zz\n').message).toMatch(/field "hosts" must list at least one host/);
    expect(errorOf('name: Zz\nhosts: [zz.vn, "https://zz.vn"]\n').message).toMatch(/zz\.yaml:2: "https:\/\/zz\.vn" is not a lowercase host name/);
    expect(errorOf(`${VALID}title: [h1, 3]\n`).message).toMatch(/zz\.yaml:4: field "title" must be a string or a list of strings/);
    expect(errorOf('- a\n').message).toMatch(/a site profile must be a mapping/);
  });

  it('is chosen by host, the longest match, subdomains included, else by its detect selector', () => {
    const general = profile(VALID);
    const mobile = profile('name: Zz mobile\nhosts: [m.zz.vn]\ndetect: "#zz-mobile"\n');
    const profiles = [general, mobile];
    const page = (html: string) => indexPage(load(html).root()[0]!, profileSelectors(profiles));
    expect(chooseProfile(profiles, 'news.zz.vn', page('<p></p>'))).toBe(general);
    expect(chooseProfile(profiles, 'm.zz.vn', page('<p></p>'))).toBe(mobile);
    expect(chooseProfile(profiles, 'other.vn', page('<p></p>'))).toBeNull();
    expect(chooseProfile(profiles, null, page('<div id="zz-mobile"></div>'))).toBe(mobile);
    expect(chooseProfile(profiles, null, page('<div id="other"></div>'))).toBeNull();
  });

  it('compiles the selectors of a list of profiles once', () => {
    const profiles = loadSiteProfiles();
    expect(profileSelectors(profiles)).toBe(profileSelectors(profiles));
    expect(profileSelectors(profiles).sources).toContain('article.fck_detail');
  });
});
