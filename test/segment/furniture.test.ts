import { describe, expect, it } from 'vitest';
import { isFurnitureLine, relatedNewsLines } from '../../src/segment/furniture.js';

describe('isFurnitureLine', () => {
  it.each([
    'Thứ Sáu, 19/11/2021, 18:27',
    'Cập nhật: 14:01 | 31/01/2024',
    'Báo Đồng Nai điện tử',
    '(kontumtv.vn)',
    'Xem thêm tin Pháp luật - An ninh trật tự',
    'Chia sẻ: Facebook | Zalo',
    '© Báo Công an nhân dân điện tử',
    'Tìm kiếm',
    'Tin xem nhiều',
    'Lượt xem: 209',
    'A A',
    'En',
    '- Thời lượng: 0:03:29',
    '.',
  ])('%j is furniture', (line) => {
    expect(isFurnitureLine(line)).toBe(true);
  });

  it.each([
    'Cụm thi đua số 6 - Bộ Công an tổng kết phong trào thi đua năm 2019',
    'Chiều 21/11/2019, tại Hà Nội, Cụm thi đua số 6 tổ chức hội nghị.',
    'Báo cáo tại Hội nghị nêu rõ, các đơn vị đã hoàn thành nhiệm vụ.',
    'Toàn cảnh hội nghị',
    'Hiếu Quỳnh',
  ])('%j is not furniture', (line) => {
    expect(isFurnitureLine(line)).toBe(false);
  });
});

describe('related-news lists', () => {
  it('marks the heading and the headlines listed under it', () => {
    const lines = ['Tại hội nghị, Công an tỉnh Quảng Bình đã bàn giao nhiệm vụ.', 'Phan Phương', 'Tin liên quan:', '- Cụm thi đua số 6 tổng kết năm 2018', '- Công an Quảng Bình ra quân'];
    expect(relatedNewsLines(lines)).toEqual([2, 3, 4]);
    expect(relatedNewsLines(['Xem thêm', 'Một câu dài của bài viết khác đã kết thúc.'])).toEqual([0]);
  });
});
