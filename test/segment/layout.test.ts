import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/normalize/text.js';
import { detectLayout } from '../../src/segment/layout.js';

const DEV = new URL('../fixtures/dev/', import.meta.url);
const devText = (id: string) => normalizeText(readFileSync(new URL(`texts/${id}.txt`, DEV), 'utf8'));
const devGold = (id: string) =>
  JSON.parse(readFileSync(new URL(`gold/${id}.json`, DEV), 'utf8')) as { published?: string; authors?: string[] };
const furnitureOf = (text: string) => detectLayout(text).furniture.map((s) => text.slice(s.start, s.end));

describe('detectLayout on dev texts', () => {
  it.each<[string, string | null, string | null, string[]]>([
    ['000_43a5935d64a35345', null, null, ['Hiếu Quỳnh']],
    ['001_fe775c37a5caf306', 'Cụm thi đua số 6 - Bộ Công an Tổng kết phong trào thi đua “Vì an ninh Tổ quốc” năm 2019', '2019-11-21', ['Thu Quế']],
    ['003_37bc7bb491d8845f', null, null, ['Minh Hiền']],
    ['004_48c40e5a167e8875', 'Cụm thi đua số 2 bám sát nội dung thi đua, gắn với thực hiện tốt nhiệm vụ được giao', '2021-11-19', ['Xuân Mai']],
    ['dev-005', 'Cụm thi đua số 8, Bộ Công an: Gần 6.500 lượt tập thể, cá nhân được khen thưởng', '2024-11-25', []],
    ['dev-010', 'Khối Công an huyện, thành phố của Công an Hòa Bình ký giao ước thi đua năm 2019', null, ['Phạm Sơn']],
    ['dev-015', 'Khối Thi đua các cơ quan Đảng Trung ương tổng kết công tác năm 2023', '2024-01-31', []],
    ['dev-025', 'Đồng Nai chủ trì tổng kết thi đua cụm các tỉnh miền Đông Nam bộ', '2019-03-13', ['C.N']],
    ['dev-030', 'Cụm thi đua số VIII tổng kết phong trào thi đua “Vì an ninh Tổ quốc” năm 2020', null, ['Thành Trung']],
    ['dev-075', 'Cụm thi đua Ủy ban MTTQ Việt Nam các tỉnh Nam sông Hậu tổng kết năm 2020', '2020-11-27', ['Thanh Tiến']],
    ['dev-080', 'Cụm thi đua số 8 Bộ đội Biên phòng: Đưa phong trào Thi đua quyết thắng đi vào chiều sâu', '2025-10-02', []],
    ['dev-089', null, null, []],
    ['dev-095', 'Cụm thi đua số 5 BHXH Việt Nam bầu Cụm trưởng, phát động thi đua năm 2026', '2026-01-23', ['Văn Hải', 'Mạnh Khiêm']],
    ['dev-105', 'Lạng Sơn: Cụm thi đua các huyện nội địa tổng kết năm 2012', null, []],
    ['dev-115', 'Cụm thi đua số 6 – Bộ Công an sơ kết 6 tháng đầu năm 2023', null, []],
  ])('%s', (id, title, published, authors) => {
    expect(detectLayout(devText(id))).toMatchObject({ title, published, authors });
  });

  it.each(readdirSync(new URL('gold/', DEV)).map((f) => f.replace(/\.json$/, '')))(
    '%s: authors and published as in gold',
    (id) => {
      const gold = devGold(id);
      const layout = detectLayout(devText(id));
      expect(layout.authors).toEqual(gold.authors ?? []);
      expect(layout.published).toBe(gold.published ?? null);
    },
  );

  it.each<[string, string[]]>([
    ['001_fe775c37a5caf306', ['21/11/2019', 'Tìm kiếm', 'Tin tức - Sự kiện', 'Liên kết website']],
    ['004_48c40e5a167e8875', ['Thứ Sáu, 19/11/2021, 18:27', '.', '.']],
    ['dev-020', ['Chia sẻ: Facebook | Zalo']],
    ['dev-025', ['Báo Đồng Nai điện tử', 'En', '09:03, 13/03/2019', 'Tin xem nhiều']],
    ['dev-055', ['Lượt xem: 209']],
    ['dev-075', ['27/11/2020 - 10:33', 'A A']],
    ['dev-085', ['VOV - Viet Nam va The Gioi', '- Thời lượng: 0:03:29', '- Thông tin thêm']],
    ['dev-115', ['Quốc phòng, an ninh']],
    ['dev-120', ['© Báo Công an nhân dân điện tử']],
  ])('%s: furniture lines', (id, lines) => {
    expect(furnitureOf(devText(id))).toEqual(lines);
  });
});

describe('detectLayout rules', () => {
  it('finds nothing in an empty text', () => {
    expect(detectLayout('')).toEqual({ title: null, published: null, authors: [], furniture: [] });
  });

  it('takes no title when the text opens with a sentence', () => {
    expect(detectLayout('Hội nghị diễn ra sáng nay.\n\nMinh Hiền').title).toBeNull();
  });

  it('takes no title from an over-long first line', () => {
    expect(detectLayout(`${'Cụm thi đua '.repeat(30)}\n\nNội dung.`).title).toBeNull();
  });

  it('does not read the dateline of the lead paragraph as the publication date', () => {
    const text = 'Cụm thi đua số 6 tổng kết\n\nChiều 21/11/2019, tại Hà Nội, Cụm tổ chức hội nghị.';
    expect(detectLayout(text).published).toBeNull();
  });

  it("ignores a date line above the headline (the site's date of today)", () => {
    const text = 'Thứ hai, 05/06/2023\n\nCụm thi đua tổng kết năm 2012\n\nNgày 18/1/2013, các huyện tổng kết.';
    expect(detectLayout(text)).toMatchObject({ title: 'Cụm thi đua tổng kết năm 2012', published: null });
  });

  it('reads a date line at the top when there is no headline', () => {
    expect(detectLayout('21/11/2019\nChiều 21/11, Cụm tổ chức hội nghị.').published).toBe('2019-11-21');
  });

  it('finds no byline when the text ends with prose', () => {
    expect(detectLayout('Tiêu đề\n\nHội nghị kết thúc.\n\nXem thêm tin Pháp luật').authors).toEqual([]);
  });

  it('does not read a caption above a byline-less ending as furniture', () => {
    const text = 'Tiêu đề\n\nHội nghị kết thúc.\n\nToàn cảnh hội nghị';
    expect(detectLayout(text)).toMatchObject({ authors: [], furniture: [] });
  });

  it('gives furniture spans that index the text', () => {
    const text = 'Tiêu đề\n\n25/11/2024 11:15\n\nNội dung.\n\nHải Yến\nTìm kiếm';
    expect(detectLayout(text).furniture).toEqual([
      { start: text.indexOf('25/11'), end: text.indexOf('11:15') + 5 },
      { start: text.indexOf('Tìm'), end: text.length },
    ]);
  });
});
