import { describe, expect, it } from 'vitest';
import { parseTitles } from '../../../src/extract/parsers/titles.js';
import { shippedGrammar } from '../../helpers/rules.js';

const g = shippedGrammar();
const titles = (text: string, leading = false) => parseTitles(g, { text, start: 0, end: text.length }, { leading }).map((t) => t.text);

describe('titles after a name', () => {
  it('splits at commas and stops at a verb', () => {
    expect(titles(', Ủy viên TW Đảng, Phó Bí thư Đảng ủy Công an Trung ương, Thứ trưởng Thường trực Bộ Công an phát biểu tại Hội nghị.')).toEqual([
      'Ủy viên TW Đảng',
      'Phó Bí thư Đảng ủy Công an Trung ương',
      'Thứ trưởng Thường trực Bộ Công an',
    ]);
  });

  it('passes over a scope and stops at "cùng"', () => {
    expect(titles(', Phó Cục trưởng Cục Công tác Đảng và Công tác chính trị, Bộ Công an, cùng lãnh đạo Công an các tỉnh')).toEqual(['Phó Cục trưởng Cục Công tác Đảng và Công tác chính trị']);
  });

  it('stops at "và" before the next person, and keeps "và" inside a title', () => {
    expect(titles(', Trưởng Công an quận Ninh Kiều, Khối trưởng Khối thi đua số 1 và Trung tá Lê Thị Mai Hương')).toEqual(['Trưởng Công an quận Ninh Kiều', 'Khối trưởng Khối thi đua số 1']);
  });

  it('reads a title after a dash and two heads over one organisation', () => {
    expect(titles(' – Phó Giám đốc Công an tỉnh.')).toEqual(['Phó Giám đốc Công an tỉnh']);
    expect(titles(', Giám đốc - Tổng Biên tập Nhà xuất bản Chính trị quốc gia Sự thật; Nguyễn Thanh Hải')).toEqual([
      'Giám đốc Nhà xuất bản Chính trị quốc gia Sự thật',
      'Tổng Biên tập Nhà xuất bản Chính trị quốc gia Sự thật',
    ]);
  });

  it('keeps the dash inside "Thi đua - Khen thưởng" and leaves out "năm 2023"', () => {
    expect(titles(', Phó Trưởng Ban Thi đua - Khen thưởng Trung ương, Cụm trưởng Cụm thi đua số 4 năm 2023 chủ trì')).toEqual([
      'Phó Trưởng Ban Thi đua - Khen thưởng Trung ương',
      'Cụm trưởng Cụm thi đua số 4',
    ]);
  });

  it('reads a title written before the name', () => {
    expect(titles('Tổng Kiểm toán nhà nước', true)).toEqual(['Tổng Kiểm toán nhà nước']);
  });
});
