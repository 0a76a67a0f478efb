import { describe, expect, it } from 'vitest';
import { withoutScriptContent } from '../../src/ingest/html-scripts.js';

describe('withoutScriptContent', () => {
  it('drops what scripts and style sheets hold, keeps their tags and the rest', () => {
    const html = '<p>a</p><script>var s = "<p>not text</p>";</script><STYLE type="text/css">p{}</STYLE><p>b</p>';
    expect(withoutScriptContent(html)).toBe('<p>a</p><script></script><STYLE type="text/css"></STYLE><p>b</p>');
  });

  it('keeps JSON-LD, where the metadata is', () => {
    const html = '<script type="application/ld+json">{"@type":"NewsArticle"}</script><script>x()</script>';
    expect(withoutScriptContent(html)).toBe('<script type="application/ld+json">{"@type":"NewsArticle"}</script><script></script>');
  });

  it('reads a start tag whole even with ">" in an attribute, and ends a script at its first end tag', () => {
    expect(withoutScriptContent('<script data-x="a>b">if (a > b) {}</script><p>c</p>')).toBe('<script data-x="a>b"></script><p>c</p>');
    expect(withoutScriptContent('<script>document.write("</scr" + "ipt>")</script>')).toBe('<script></script>');
  });

  it('leaves other tags that begin alike, and a page without scripts, as they are', () => {
    const html = '<scripts>kept</scripts><stylesheet>kept</stylesheet>';
    expect(withoutScriptContent(html)).toBe(html);
  });

  it('drops an unterminated script to the end of the page, as a browser would', () => {
    expect(withoutScriptContent('<p>a</p><script>never closed <p>b</p>')).toBe('<p>a</p><script>');
  });
});
