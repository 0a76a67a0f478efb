import { describe, expect, it } from 'vitest';
import { parseByline } from '../../src/segment/byline.js';

describe('parseByline', () => {
  it.each<[string, string[]]>([
    ['Hiếu Quỳnh', ['Hiếu Quỳnh']],
    ['Đặng Thành Trung', ['Đặng Thành Trung']],
    ['C.N', ['C.N']],
    ['N.Hương', ['N.Hương']],
    ['THANH TIẾN', ['Thanh Tiến']],
    ['Tin, ảnh: THÀNH TRUNG', ['Thành Trung']],
    ['Bài và ảnh: Ngọc Hân', ['Ngọc Hân']],
    ['Văn Hải - Mạnh Khiêm', ['Văn Hải', 'Mạnh Khiêm']],
    ['Văn Hải – Mạnh Khiêm, Thu Quế', ['Văn Hải', 'Mạnh Khiêm', 'Thu Quế']],
    ['Minh Khuê và Hải Yến', ['Minh Khuê', 'Hải Yến']],
  ])('%j → %j', (line, authors) => {
    expect(parseByline(line)).toEqual(authors);
  });

  it.each([
    'Toàn cảnh hội nghị',
    'Tin tức - Sự kiện',
    'Xem thêm tin Pháp luật - An ninh trật tự',
    'Chia sẻ: Facebook | Zalo',
    'Thu Quế.',
    'PV',
    'CATP Hà Nội',
    'Tin xem nhiều',
    '',
  ])('%j is not a byline', (line) => {
    expect(parseByline(line)).toBeNull();
  });
});
