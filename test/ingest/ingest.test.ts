import { randomBytes } from 'node:crypto';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_TEXT_CHARS } from '../../src/ingest/index.js';
import { docsOf, faultsOf, ingestAll, tempFolder } from './helpers.js';

describe('ingest', () => {
  it('reads a text file as written, with "\\n" line endings, named after its stem', async () => {
    const root = await tempFolder({ '004_48c40e5a.txt': '\uFEFFCụm thi đua số 2\r\n\r\n  Hội nghị tổng kết.\r' });
    expect(await ingestAll([root])).toEqual([
      {
        ok: true,
        doc: {
          id: '004_48c40e5a',
          source: join(root, '004_48c40e5a.txt'),
          format: 'txt',
          url: null,
          text: 'Cụm thi đua số 2\n\n  Hội nghị tổng kết.\n',
          meta: {},
          decoding: { charset: 'utf-8', converted: null },
        },
      },
    ]);
  });

  it('reads folders, files and JSONL together, in a stable order', async () => {
    const root = await tempFolder({
      'b/page.html': '<html><head><title>Trang</title></head><body><p>Nội dung trang.</p></body></html>',
      'a.txt': 'Văn bản.',
      'c.jsonl': '{"url": "https://x.vn/1", "text": "Bản ghi."}\n',
    });
    const items = await ingestAll([join(root, 'c.jsonl'), root]);
    expect(docsOf(items).map((doc) => [doc.format, doc.text])).toEqual([
      ['jsonl', 'Bản ghi.'],
      ['txt', 'Văn bản.'],
      ['html', 'Nội dung trang.'],
      ['jsonl', 'Bản ghi.'],
    ]);
    expect(faultsOf(items)).toEqual([]);
  });

  describe('each bad input yields exactly one fault naming the file', () => {
    const cases: [name: string, content: string | Uint8Array, reason: string][] = [
      ['empty.txt', '', 'empty file'],
      ['blank.html', ' \n\t\n', 'empty file'],
      ['random.txt', randomBytes(8192), 'binary data, not text'],
      ['random.html', randomBytes(8192), 'binary data, not text'],
      // Not UTF-8, and no Vietnamese encoding reads "ßß ÆÆ ßÆ" (windows-1258) as words.
      ['latin1.txt', Buffer.from([0x48, 0xf4, 0x69, 0x20, 0xdf, 0xdf, 0x20, 0xc6, 0xc6, 0x20, 0xdf, 0xc6]), 'not valid UTF-8 text (byte 0xf4 at offset 1), nor windows-1258, TCVN3 or VNI; best reading windows-1258, 1 of 4 words Vietnamese'],
      ['notext.html', '<html><head><title>Tiêu đề</title><script>var a = "<p>x</p>";</script></head><body><nav>Menu</nav></body></html>', 'no article text found in the HTML'],
      ['truncated.jsonl', '{"url": "https://x.vn/1", "html": "<p>Hội ng', 'invalid JSON (truncated record?)'],
    ];
    it.each(cases)('%s', async (name, content, reason) => {
      const root = await tempFolder({ [name]: content });
      const items = await ingestAll([root]);
      expect(items).toHaveLength(1);
      expect(faultsOf(items)).toEqual([
        { source: join(root, name), record: name.endsWith('.jsonl') ? 1 : null, reason },
      ]);
    });
  });

  it('still reads broken HTML: unclosed tags and a document cut off mid-tag', async () => {
    const root = await tempFolder({
      'broken.html': '<html><head><title>Cụm thi đua</title><body><div class="detail-content"><p>Đoạn một chưa đóng thẻ<p>Đoạn hai <b>đậm <i>nghiêng</b> lẫn lộn</i><p>Đoạn ba bị cắt ngang ở gi<span cla',
    });
    const [item] = await ingestAll([root]);
    expect(item).toMatchObject({
      ok: true,
      doc: { id: 'broken', meta: { title: 'Cụm thi đua' }, text: 'Đoạn một chưa đóng thẻ\n\nĐoạn hai đậm nghiêng lẫn lộn\n\nĐoạn ba bị cắt ngang ở gi' },
    });
  });

  it('gives a file system error its system message', async () => {
    const root = await tempFolder({ 'locked.txt': 'secret', 'a.txt': 'a' });
    await chmod(join(root, 'locked.txt'), 0o000);
    const items = await ingestAll([join(root, 'locked.txt'), join(root, 'a.txt', 'b.txt')]);
    // Root reads anything, so "permission denied" only shows for an ordinary user.
    const locked = { source: join(root, 'locked.txt'), record: null, reason: 'permission denied' };
    expect(faultsOf(items)).toEqual([
      ...(process.getuid?.() === 0 ? [] : [locked]),
      { source: join(root, 'a.txt', 'b.txt'), record: null, reason: 'not a directory' },
    ]);
  });

  /**
   * A 3 MB single line is over the default limit of 500 000 characters: it yields the "too long" fault
   * (quickly, the text is never scanned by a backtracking pattern); with a higher limit it is a document.
   */
  describe('a 3 MB single line', () => {
    const sentence = 'Cụm thi đua số 2 tổ chức hội nghị tổng kết công tác năm 2021. ';
    const line = sentence.repeat(Math.ceil(3_000_000 / sentence.length));
    const files = {
      'long.txt': line,
      'long.html': `<html><body><article><p>${line}</p></article></body></html>`,
      'long.jsonl': JSON.stringify({ url: 'https://x.vn/long', html: `<p>${line}</p>` }),
    };
    const tooLong = `text too long: ${line.trimEnd().length} characters (limit ${DEFAULT_MAX_TEXT_CHARS})`;

    it('is a "too long" fault under the default limit, quickly', async () => {
      const root = await tempFolder(files);
      const started = performance.now();
      const items = await ingestAll([root]);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(faultsOf(items)).toEqual([
        { source: join(root, 'long.html'), record: null, reason: tooLong },
        { source: join(root, 'long.jsonl'), record: 1, reason: tooLong },
        { source: join(root, 'long.txt'), record: null, reason: `text too long: ${line.length} characters (limit ${DEFAULT_MAX_TEXT_CHARS})` },
      ]);
    });

    it('is a document under a higher limit', async () => {
      const root = await tempFolder(files);
      const docs = docsOf(await ingestAll([root], { maxTextChars: 5_000_000 }));
      expect(docs.map((doc) => [doc.format, doc.text.length])).toEqual([
        ['html', line.trimEnd().length],
        ['jsonl', line.trimEnd().length],
        ['txt', line.length],
      ]);
    });
  });
});
