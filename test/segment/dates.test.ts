import { describe, expect, it } from 'vitest';
import { isoDate, parseDateLine } from '../../src/segment/dates.js';

describe('parseDateLine', () => {
  it.each([
    ['21/11/2019', '2019-11-21'],
    ['Thứ Sáu, 19/11/2021, 18:27', '2021-11-19'],
    ['25/11/2024 11:15', '2024-11-25'],
    ['Cập nhật: 14:01 | 31/01/2024', '2024-01-31'],
    ['09:03, 13/03/2019', '2019-03-13'],
    ['27/11/2020 - 10:33', '2020-11-27'],
    ['Thứ Năm, 2/10/2025', '2025-10-02'],
    ['Thứ hai,  05/06/2023', '2023-06-05'],
    ['Thứ bảy, 06/04/2024 07:20', '2024-04-06'],
    ['16:30 06/09/2018', '2018-09-06'],
    ['Chủ nhật, 12-05-2024 (GMT+7)', '2024-05-12'],
    ['Ngày đăng: 19.11.2021 | 18h27', '2021-11-19'],
    ['Thứ Sáu, ngày 19 tháng 11 năm 2021', '2021-11-19'],
  ])('%j → %s', (line, expected) => {
    expect(parseDateLine(line)).toBe(expected);
  });

  it.each([
    'Chiều 21/11/2019, tại Hà Nội, Cụm thi đua số 6 tổ chức hội nghị.',
    'Ngày 19 tháng 11 năm 2021, hội nghị tổng kết được tổ chức.',
    'Ngày 27/6/2024, Khối thi đua số 1 sơ kết.',
    '31/02/2024',
    '21/11/2019 - 22/11/2019',
    'Sáng 21/11',
    'Lượt xem: 209',
  ])('%j is not a date line', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe('isoDate', () => {
  it('pads and validates', () => {
    expect(isoDate(2, 10, 2025)).toBe('2025-10-02');
    expect(isoDate(29, 2, 2024)).toBe('2024-02-29');
    expect(isoDate(29, 2, 2023)).toBeNull();
    expect(isoDate(1, 13, 2023)).toBeNull();
  });
});
