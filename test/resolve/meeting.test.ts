import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline/process.js';
import { shippedGrammar } from '../helpers/rules.js';

const g = shippedGrammar();
const run = (text: string, published?: string) =>
  processDocument(g, { id: 'x', source: 'x', format: 'txt', url: null, text, meta: published ? { published } : {} }).facts;
const events = (text: string, published?: string) => run(text, published).events.map((e) => [e.kind, e.cluster, e.year, e.date]);

describe('years and dates of a meeting', () => {
  it('a review held in January reviews the year before; its date takes the publication year', () => {
    expect(events('Cụm thi đua số 4 tổng kết\n\nSáng 5.1, Cụm thi đua số 4 tổ chức hội nghị tổng kết phong trào thi đua.', '2024-01-06')).toEqual([['review', 4, 2023, '2024-01-05']]);
  });

  it('a December meeting reported in January keeps its own year', () => {
    expect(events('Tin thi đua\n\nChiều 28/12, Cụm thi đua số 3 tổ chức hội nghị tổng kết phong trào thi đua.', '2020-01-03')).toEqual([['review', 3, 2019, '2019-12-28']]);
  });

  it('a date without its year takes it from the events when nothing else gives one', () => {
    expect(events('Chiều 29/3, Cụm thi đua số 5 tổ chức Hội nghị Ký giao ước thi đua. Các đơn vị ký giao ước thi đua năm 2022.')).toEqual([['pledge', 5, 2022, '2022-03-29']]);
    expect(events('Sáng 16-11, Cụm thi đua số VIII tổ chức hội nghị tổng kết phong trào thi đua năm 2020.')).toEqual([['review', 8, 2020, '2020-11-16']]);
  });

  it('one conference that reviews a year and pledges the next is two events with one date', () => {
    expect(events('Ngày 25/3, cụm thi đua 7 tỉnh trung du và miền núi phía Bắc tổ chức hội nghị tổng kết công tác thi đua năm 2010 và ký kết giao ước thi đua năm 2011.')).toEqual([
      ['review', 'Cụm thi đua 7 tỉnh trung du và miền núi phía Bắc', 2010, '2011-03-25'],
      ['pledge', 'Cụm thi đua 7 tỉnh trung du và miền núi phía Bắc', 2011, '2011-03-25'],
    ]);
  });

  it('a review named without a year away from the lead is not an event', () => {
    const text = [
      'Cụm thi đua số 2 ký kết giao ước thi đua năm 2023',
      'Lãnh đạo 5 cục hải quan thuộc Cụm thi đua số 2 đã ký kết giao ước thi đua năm 2023 tại hội nghị.',
      'Các cụm cấp chi cục sẽ được tổ chức, vận hành và bình xét giống như cụm thi đua cấp cục.',
      'Mỗi năm, cụm phát động thi đua, tổ chức sơ kết, tổng kết để đánh giá phong trào ở các đơn vị thành viên.',
    ].join('\n\n');
    expect(events(text).map((e) => e[0])).toEqual(['pledge']);
  });

  it('ranking members at a meeting makes it a review when none is named', () => {
    expect(events('Báo cáo tại Hội nghị nêu rõ, năm 2017 các đơn vị trong Cụm thi đua số 1 đã hoàn thành nhiệm vụ.\n\nHội nghị cũng đã bình xét các đơn vị xuất sắc.')).toEqual([['review', 1, 2017, null]]);
  });

  it('a chair stated without a year chairs the year of the meeting\'s main event', () => {
    const facts = run('Chiều 29/3, Cụm thi đua số 5 tổ chức Hội nghị Ký giao ước thi đua năm 2022.\nCụm gồm: Viện Khoa học hình sự (đơn vị Cụm trưởng); Cục Cảnh sát giao thông.\nTổng kết phong trào thi đua năm 2021, Cụm thi đua số 5 có 2 đơn vị được tặng Cờ thi đua của Chính phủ.');
    expect(facts.chairs.map((c) => [c.cluster, c.year, c.unit])).toEqual([[5, 2022, 'Viện Khoa học hình sự']]);
  });

  it('a chair elected without a year chairs the year after the one reviewed', () => {
    const facts = run('Ngày 23/1, hội nghị tổng kết công tác thi đua năm 2025 của Cụm thi đua số 5 đã được tổ chức. Các đơn vị đã thống nhất bầu BHXH tỉnh Quảng Ninh giữ vai trò Cụm trưởng Cụm thi đua số 5.');
    expect(facts.handovers.map((h) => [h.cluster, h.year, h.to])).toEqual([[5, 2026, 'BHXH tỉnh Quảng Ninh']]);
    expect(facts.chairs.map((c) => [c.cluster, c.year, c.unit])).toEqual([[5, 2026, 'BHXH tỉnh Quảng Ninh']]);
  });
});

describe('clusters', () => {
  it('labels of one unnumbered bloc are one cluster, known by its fullest label', () => {
    const facts = run('Khối ANND tổng kết phong trào thi đua năm 2021\n\nNgày 19 tháng 11 năm 2021, hội nghị tổng kết phong trào thi đua năm 2021 của Khối An ninh nhân dân (ANND) đã được tổ chức.');
    expect(facts.events.map((e) => e.cluster)).toEqual(['Khối An ninh nhân dân']);
    expect(facts.clusters.map((c) => c.cluster)).toEqual(['Khối An ninh nhân dân']);
  });

  it('a fact belongs to the cluster its sentence names last before it', () => {
    const facts = run('Cụm thi đua số 2 thống nhất đề nghị tặng Cờ thi đua của Chính phủ cho Bộ Tư lệnh Cảnh vệ; Cụm thi đua số 3 đề nghị tặng Cờ thi đua của Bộ Công an cho Học viện Chính trị Công an nhân dân.');
    expect(facts.awards.map((a) => [a.cluster, a.units[0]])).toEqual([[2, 'Bộ Tư lệnh Cảnh vệ'], [3, 'Học viện Chính trị Công an nhân dân']]);
  });
});

describe('officials', () => {
  it('merges mentions of one person and keeps the fullest titles', () => {
    const facts = run('Thượng tướng Đặng Văn Hiếu, Thứ trưởng Thường trực Bộ Công an phát biểu. Thứ trưởng Thường trực Đặng Văn Hiếu biểu dương các đơn vị.');
    expect(facts.officials.map((o) => [o.name, o.rank, o.titles])).toEqual([['Đặng Văn Hiếu', 'Thượng tướng', ['Thứ trưởng Thường trực Bộ Công an']]]);
  });

  it('a title in abbreviation gives way to the same title written out', () => {
    const facts = run('Thiếu tướng Trần Đức Tài, Phó Giám đốc CATP, làm trưởng đoàn. Thiếu tướng Trần Đức Tài, Phó Giám đốc Công an TPHCM phát biểu.');
    expect(facts.officials[0]!.titles).toEqual(['Phó Giám đốc Công an TPHCM']);
  });
});
