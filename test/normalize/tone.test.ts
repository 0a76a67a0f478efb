import { describe, expect, it } from 'vitest';
import { foldKey, retone } from '../../src/normalize/tone.js';

describe('retone', () => {
  it.each([
    ['hoà', 'hòa'],
    ['hoá', 'hóa'],
    ['hoạ', 'họa'],
    ['khoẻ', 'khỏe'],
    ['loè', 'lòe'],
    ['thuỷ', 'thủy'],
    ['uỷ', 'ủy'],
    ['tuỳ', 'tùy'],
    ['Thuỵ', 'Thụy'],
    ['Uỷ ban', 'Ủy ban'],
    ['Đại uý', 'Đại úy'],
    ['Đảng uỷ', 'Đảng ủy'],
    ['Khánh Hoà, Thanh Hoá', 'Khánh Hòa, Thanh Hóa'],
    ['UỶ BAN', 'ỦY BAN'],
    ['HOÀ BÌNH', 'HÒA BÌNH'],
    ['KHOẺ', 'KHỎE'],
    ['Công an Hoà Bình.', 'Công an Hòa Bình.'],
  ])('moves the tone of %j to the first vowel', (input, expected) => {
    expect(retone(input)).toBe(expected);
    expect(retone(input)).toHaveLength(input.length);
  });

  it.each([
    'hòa', 'thủy', 'Ủy', 'Đại úy', // already in the stored style
    'quý', 'Quý', 'QUÝ', 'quỳnh', 'quả', 'giá', 'giỏi', // q and gi onsets
    'hoàn', 'thuyền', 'khoảng', 'Ngoài', 'hoạt', 'toàn', 'Hoàng', 'thuế', // closed syllables, other vowels
  ])('leaves %j alone', (word) => {
    expect(retone(word)).toBe(word);
  });
});

describe('foldKey', () => {
  it.each([
    ['Uỷ ban nhân dân', 'ủy ban nhân dân'],
    ['Ủy ban  Nhân-dân', 'ủy ban nhân dân'],
    ['Công an TP.HCM', 'công an tp hcm'],
    ['“Vì an ninh Tổ quốc”', 'vì an ninh tổ quốc'],
    ['Khánh Hoa\u0300', 'khánh hòa'],
    ['  Cục C06 (Bộ Công an) ', 'cục c06 bộ công an'],
  ])('%j → %j', (input, expected) => {
    expect(foldKey(input)).toBe(expected);
  });

  it('gives both tone styles one key', () => {
    expect(foldKey('Thủy sản, Khánh Hòa')).toBe(foldKey('THUỶ SẢN, KHÁNH HOÀ'));
  });
});
