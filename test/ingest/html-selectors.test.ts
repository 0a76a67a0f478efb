import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { isElement, type Element } from '../../src/ingest/html-dom.js';
import { indexPage, selected } from '../../src/ingest/html-page.js';
import { loadSiteProfiles, profileSelectors } from '../../src/ingest/html-profiles.js';
import { indexSelectors } from '../../src/ingest/html-selectors.js';

const fixtures = new URL('../fixtures/html/', import.meta.url);

function matches(html: string, selectors: string[]): Element[][] {
  const page = indexPage(load(html).root()[0]!, indexSelectors(selectors));
  return selectors.map((selector) => selected(page, selector));
}

const ids = (elements: Element[]) => elements.map((element) => element.attribs['id']);

describe('selector index', () => {
  it('finds elements by id, class, tag, attribute and pseudo-class, in document order', () => {
    const html = `<div id="a" class="x  y"><p id="b" class="y" data-role="sapo">1</p><P id="c">2</P></div>
      <section id="d"><p id="e" class="y y">3</p></section>`;
    const [byId, byClass, byTag, byAttribute, byPseudo, combined] = matches(html, [
      '#c',
      '.y',
      'p',
      '[data-role="sapo"]',
      ':not(div, section, p)',
      'section > p.y, div > p#b',
    ]);
    expect(ids(byId!)).toEqual(['c']);
    expect(ids(byClass!)).toEqual(['a', 'b', 'e']);
    expect(ids(byTag!)).toEqual(['b', 'c', 'e']);
    expect(ids(byAttribute!)).toEqual(['b']);
    expect(byPseudo!.map((element) => element.name)).toEqual(['html', 'head', 'body']);
    expect(ids(combined!)).toEqual(['b', 'e']);
  });

  it('refuses a selector that is not valid CSS or that css-select does not support', () => {
    expect(() => indexSelectors(['p['])).toThrow();
    expect(() => indexSelectors(['p:first'])).toThrow(/first/);
  });

  it('refuses a selector it was not built with', () => {
    const page = indexPage(load('<p></p>').root()[0]!, indexSelectors(['p']));
    expect(() => selected(page, 'div')).toThrow(/not in the index/);
  });

  // Elements inside scripts, styles and SVG images are never article parts; the page walk skips them.
  const outsideSkipped = (element: Element) => {
    for (let node = element.parent; node; node = node.parent) {
      if (isElement(node) && ['script', 'style', 'noscript', 'svg', 'title'].includes(node.name)) return false;
    }
    return true;
  };

  it('finds what cheerio finds on the fixture pages, for every profile selector', () => {
    const profiles = loadSiteProfiles();
    const index = profileSelectors(profiles);
    for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.html'))) {
      const $ = load(readFileSync(new URL(file, fixtures), 'utf8'));
      const page = indexPage($.root()[0]!, index);
      for (const selector of index.sources) {
        const expected = ($(selector).toArray() as Element[]).filter(outsideSkipped);
        expect(selected(page, selector), `${file}: ${selector}`).toEqual(expected);
      }
    }
  });
});
