import { describe, expect, it } from 'vitest';
import { parseUnitList } from '../../../src/extract/parsers/unit-list.js';
import { shippedGrammar } from '../../helpers/rules.js';

const g = shippedGrammar();
const list = (text: string, lead?: string) =>
  parseUnitList(g, { text, start: 100, end: 100 + text.length }, lead ? { lead: { text: lead, start: 0, end: lead.length } } : {})?.map((u) => u.text);

describe('lists of units', () => {
  it('reads units written whole, split by commas, semicolons and "và" before a new unit', () => {
    expect(list('Văn phòng Bộ, Cục Đối ngoại, Cục Pháp chế và cải cách hành chính tư pháp; Viện chiến lược và khoa học Công an, Thanh tra Bộ và Cục xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc, nêu rõ: Quán triệt')).toEqual([
      'Văn phòng Bộ',
      'Cục Đối ngoại',
      'Cục Pháp chế và cải cách hành chính tư pháp',
      'Viện chiến lược và khoa học Công an',
      'Thanh tra Bộ',
      'Cục xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc',
    ]);
  });

  it('keeps commas and "và" inside a name', () => {
    expect(list('Cục Cảnh sát Phòng cháy, chữa cháy và cứu nạn, cứu hộ; Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng; Cục Cảnh sát quản lý tạm giữ, tạm giam và thi hành án hình sự tại cộng đồng.')).toEqual([
      'Cục Cảnh sát Phòng cháy, chữa cháy và cứu nạn, cứu hộ',
      'Cục Cảnh sát quản lý trại giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng',
      'Cục Cảnh sát quản lý tạm giữ, tạm giam và thi hành án hình sự tại cộng đồng',
    ]);
  });

  it('writes out place-only members under an organisation lead, the administrative word from the gazetteer', () => {
    expect(list('Sở Ngoại vụ các tỉnh, thành phố: Thanh Hóa, Thừa Thiên Huế, Đà Nẵng và Quảng Ngãi.')).toEqual([
      'Sở Ngoại vụ tỉnh Thanh Hóa',
      'Sở Ngoại vụ tỉnh Thừa Thiên Huế',
      'Sở Ngoại vụ thành phố Đà Nẵng',
      'Sở Ngoại vụ tỉnh Quảng Ngãi',
    ]);
    expect(list('Công an 5 thành phố Hà Nội, TPHCM, Hải Phòng, Đà Nẵng và Cần Thơ, tổ chức Hội nghị')).toEqual([
      'Công an thành phố Hà Nội',
      'Công an TPHCM',
      'Công an thành phố Hải Phòng',
      'Công an thành phố Đà Nẵng',
      'Công an thành phố Cần Thơ',
    ]);
  });

  it('takes the lead from elsewhere in the sentence', () => {
    expect(list('Bến Tre, Bình Dương và đơn vị Cụm trưởng là Công an tỉnh Bà Rịa - Vũng Tàu (BR-VT).', 'Công an các tỉnh trong cụm')).toEqual([
      'Công an tỉnh Bến Tre',
      'Công an tỉnh Bình Dương',
      'Công an tỉnh Bà Rịa - Vũng Tàu',
    ]);
  });

  it('leaves places as they are without an organisation lead', () => {
    expect(list('06 tỉnh: Phú Thọ, Quảng Ninh và Bắc Ninh.')).toEqual(['Phú Thọ', 'Quảng Ninh', 'Bắc Ninh']);
    expect(list('các huyện Văn Quan, Bình Gia và thành phố Lạng Sơn')).toEqual(['Văn Quan', 'Bình Gia', 'thành phố Lạng Sơn']);
  });

  it('reads numbered siblings and drops what is in brackets', () => {
    expect(list('04 đơn vị: Hải đoàn 18, 28, 38 và 48.')).toEqual(['Hải đoàn 18', 'Hải đoàn 28', 'Hải đoàn 38', 'Hải đoàn 48']);
    expect(list('Phòng Cảnh vệ miền Trung (tại TP Đà Nẵng) và Phòng Bảo vệ 180 (tại TP Hồ Chí Minh).')).toEqual(['Phòng Cảnh vệ miền Trung', 'Phòng Bảo vệ 180']);
  });

  it('gives offsets into the article text', () => {
    const text = 'Cục Đối ngoại; Cục Hồ sơ nghiệp vụ.';
    const items = parseUnitList(g, { text, start: 10, end: 10 + text.length })!;
    expect(items.map((u) => [u.start, u.end])).toEqual([[10, 23], [25, 44]]);
  });

  it('reads no list from a crime statistic', () => {
    expect(list('hơn 1.800 vụ phạm pháp hình sự, giảm 67 vụ.')).toEqual([]);
  });
});
