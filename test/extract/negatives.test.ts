import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline/process.js';
import { shippedGrammar } from '../helpers/rules.js';

const g = shippedGrammar();
const facts = (text: string) => processDocument(g, { id: 'x', source: 'x', format: 'txt', url: null, text, meta: {} }).facts;

// Sentences that look like facts and are not.
describe('negative cases', () => {
  it('a sports medal count is not an award', () => {
    const f = facts('Cụm thi đua số 5 tổng kết năm 2019. Đội tuyển Công an tỉnh Nghệ An giành 5 huy chương vàng, 3 huy chương bạc tại Hội thao.');
    expect(f.awards).toEqual([]);
  });

  it('a crime statistic is not a member count or an award', () => {
    const f = facts('Cụm thi đua số 6 sơ kết 6 tháng đầu năm 2023. Trên địa bàn cụm có hơn 1.800 vụ phạm pháp hình sự; Công an các tỉnh đã triệt phá 120 vụ, bắt 230 đối tượng.');
    expect(f.members).toEqual([]);
    expect(f.awards).toEqual([]);
  });

  it('a percentage or a population is not a count of anything', () => {
    const f = facts('Cụm thi đua số 2 tổng kết năm 2020. 100% đơn vị trong cụm hoàn thành chỉ tiêu; tỉnh có 1,2 triệu dân.');
    expect(f.awards).toEqual([]);
    expect(f.members).toEqual([]);
  });

  it('an award named without a count or a recipient is not a fact', () => {
    const f = facts('Cụm thi đua số 1 tổng kết năm 2017. Hội nghị đã bình xét những đơn vị xứng đáng để nhận “Cờ thi đua của Chính phủ”.');
    expect(f.awards).toEqual([]);
  });

  it('a place named in a title is not a person', () => {
    const f = facts('Đại tá Lê Thanh Sơn, Giám đốc Công an tỉnh Hà Tĩnh đón nhận cờ. Chào mừng 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc.');
    expect(f.officials.map((o) => o.name)).toEqual(['Lê Thanh Sơn']);
  });

  it('the ministry launching its movement is not a cluster\'s pledge', () => {
    const f = facts('Cụm thi đua số 1 tổng kết năm 2024. Năm 2024, Bộ Công an phát động thi đua “Vì ANTQ” với khẩu hiệu hành động.');
    expect(f.events.map((e) => e.kind)).toEqual(['review']);
  });

  it('a deputy chair (Cụm phó) is not a chair', () => {
    const f = facts('Cụm thi đua số 4 tổng kết năm 2023. Đại tá Nguyễn Văn A, Giám đốc Công an tỉnh X, Cụm phó Cụm thi đua số 4 phát biểu.');
    expect(f.chairs).toEqual([]);
  });

  it('a bloc that clusters belong to is not a cluster of its own', () => {
    const f = facts('Chiều 22-11, Cụm thi đua số 2 và Cụm thi đua số 3 thuộc Khối các đơn vị thuộc Bộ trưởng tổ chức hội nghị liên cụm tổng kết phong trào thi đua năm 2022.');
    expect(f.events.map((e) => e.cluster)).toEqual([2, 3]);
  });
});
