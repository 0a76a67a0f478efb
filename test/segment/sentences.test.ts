import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/normalize/text.js';
import { lineSpans, paragraphs, sentenceAt, splitSentences, type Span } from '../../src/segment/sentences.js';

const DEV_TEXTS = new URL('../fixtures/dev/texts/', import.meta.url);
const slices = (text: string, spans: Span[]) => spans.map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each<[string, string[]]>([
    ['city abbreviations', ['Công an TP.HCM và Tp.HCM dự họp.', 'Hội nghị diễn ra tại TP. Châu Đốc, An Giang.', 'Cụm có 6 tỉnh.']],
    ['numbers', ['Toàn cụm có 2.079 lượt tập thể, 1.027 lượt cá nhân, đạt 96,19%.', 'Năm 2024 tăng 1,8 triệu.']],
    ['dotted dates', ['Sáng 6.8, hội nghị khai mạc.', 'Sáng 21.11, Cụm tổng kết; Ngày 13.7 sơ kết.', 'Cách mạng 19.8.1945 thành công.']],
    ['academic titles', ['Dự có TS. Nguyễn Văn A, PGS.TS Vũ Trọng Lâm và ThS. Trần Thị B.', 'Hội nghị bế mạc.']],
    ['PGS. TS. with spaces', ['Chủ trì là PGS. TS. Lê Văn C, Giám đốc Học viện.']],
    ['district and ward', ['Trụ sở ở Q.1, P.5 và Q. 3 của thành phố.', 'Đơn vị đóng tại St. Petersburg.']],
    ['v.v. before lower case', ['Các phong trào thi đua, v.v. được duy trì.']],
    ['ellipsis before lower case', ['Các hoạt động vì cộng đồng… góp phần thực hiện nhiệm vụ.', 'Tuy nhiên... vẫn còn hạn chế.']],
    ['ellipsis before a capital', ['Các mô hình tiên tiến…', 'Bên cạnh đó, cần đẩy mạnh.', 'Các phong trào...', 'Tuy nhiên, còn hạn chế.']],
    ['ellipsis straight into a capital', ['Nhân rộng điển hình tiên tiến…', 'Bên cạnh đó cần kiểm tra.']],
    ['closing quotes then a capital', ['Khẩu hiệu là “Vì nhân dân phục vụ.”', 'Hội nghị thống nhất.']],
    ['closing quotes then lower case', ['Khẩu hiệu “Vì nhân dân phục vụ.” được quán triệt.']],
    ['sentence ending in ”', ['Phong trào thi đua “Vì an ninh Tổ quốc”.', 'Năm 2024, Cụm đạt kết quả tốt.']],
    ['sentence ending in )', ['Cụm gồm 6 đơn vị (Văn phòng Bộ; Cục Đối ngoại).', 'Hội nghị thống nhất.']],
    ['outlet tag', ['(PLO)- Nhiều chuyên án lớn bị triệt phá.', 'Hội nghị được tổ chức tại Bình Thuận.']],
    ['question and exclamation', ['Vì sao cụm dẫn đầu?', 'Đó là nhờ đoàn kết!', 'Hội nghị kết thúc.']],
    ['semicolons do not split', ['Công an tỉnh A; Công an tỉnh B; Công an tỉnh C.']],
    ['list numbering stays with its item', ['1. Tổng kết phong trào thi đua năm 2024.', 'Cụm thống nhất.']],
    ['opening quote after the period', ['Hội nghị thống nhất.', '“Năm 2025 sẽ thi đua sôi nổi hơn”, Cụm trưởng nói.']],
  ])('%s', (_name, sentences) => {
    const text = sentences.join(' ');
    expect(slices(text, splitSentences(text))).toEqual(sentences);
  });

  it('ends a sentence at every line: title, caption, byline and "./." ending', () => {
    const text = [
      'Cụm thi đua số 6 tổng kết năm 2019',
      '',
      'Chiều 21/11/2019, tại Hà Nội, Cụm tổ chức hội nghị. Cụm trưởng chủ trì',
      'Toàn cảnh hội nghị',
      'Cụm đề xuất tặng Cờ thi đua của Chính phủ năm 2019./.',
      '',
      'Thu Quế',
    ].join('\n');
    expect(slices(text, splitSentences(text))).toEqual([
      'Cụm thi đua số 6 tổng kết năm 2019',
      'Chiều 21/11/2019, tại Hà Nội, Cụm tổ chức hội nghị.',
      'Cụm trưởng chủ trì',
      'Toàn cảnh hội nghị',
      'Cụm đề xuất tặng Cờ thi đua của Chính phủ năm 2019./.',
      'Thu Quế',
    ]);
  });

  it('returns nothing for an empty text', () => {
    expect(splitSentences('')).toEqual([]);
  });

  it.each(readdirSync(DEV_TEXTS))('covers %s with ordered, trimmed, single-line sentences', (file) => {
    const text = normalizeText(readFileSync(new URL(file, DEV_TEXTS), 'utf8'));
    const spans = splitSentences(text);
    spans.forEach((s, i) => {
      const sentence = text.slice(s.start, s.end);
      expect(sentence).toBe(sentence.trim());
      expect(sentence).not.toContain('\n');
      expect(sentence.length).toBeGreaterThan(0);
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    });
    expect(text.slice(spans.at(-1)!.end).trim()).toBe('');
  });
});

describe('paragraphs and lines', () => {
  const text = 'Tiêu đề\nDòng hai.\n\nĐoạn hai. Câu hai.\n\n\nĐoạn ba';

  it('splits paragraphs at blank lines only', () => {
    expect(slices(text, paragraphs(text))).toEqual(['Tiêu đề\nDòng hai.', 'Đoạn hai. Câu hai.', 'Đoạn ba']);
  });

  it('treats a line of spaces as blank', () => {
    const spaced = 'Một.\n  \nHai.';
    expect(slices(spaced, paragraphs(spaced))).toEqual(['Một.', 'Hai.']);
  });

  it('lists non-blank lines', () => {
    expect(slices(text, lineSpans(text))).toEqual(['Tiêu đề', 'Dòng hai.', 'Đoạn hai. Câu hai.', 'Đoạn ba']);
  });
});

describe('sentenceAt', () => {
  const text = 'Câu một. Câu hai.\n\nCâu ba';
  const at = (offset: number) => {
    const s = sentenceAt(text, offset);
    return text.slice(s.start, s.end);
  };

  it.each([
    [0, 'Câu một.'],
    [7, 'Câu một.'],
    [9, 'Câu hai.'],
    [text.indexOf('hai'), 'Câu hai.'],
    [text.indexOf('ba'), 'Câu ba'],
  ])('offset %i is in %j', (offset, expected) => {
    expect(at(offset)).toBe(expected);
  });

  it('gives the next sentence for an offset between sentences, the last past the end', () => {
    expect(at(8)).toBe('Câu hai.');
    expect(at(text.indexOf('\n'))).toBe('Câu ba');
    expect(at(text.length + 5)).toBe('Câu ba');
  });

  it('gives an empty span for an empty text', () => {
    expect(sentenceAt('', 0)).toEqual({ start: 0, end: 0 });
  });
});
