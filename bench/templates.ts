/**
 * Words an ArticleSpec as a news article: headline, lead, members, speakers, results, awards, handover,
 * photo captions and byline, with plain filler paragraphs in between, about 2–3 KB of text like real news.
 * The sentences are written for this benchmark; several variants of each keep the corpus from repeating itself.
 */
import type { ArticleSpec, Award, Person } from './article-spec.js';
import type { Random } from './prng.js';
import type { Vocabulary } from './vocabulary.js';

export interface ArticleText {
  title: string;
  /** ISO date of publication (the day after the meeting). */
  published: string;
  /** A line under the headline some sites print ("27/11/2023"), or null. */
  dateLine: string | null;
  paragraphs: string[];
  /** A photo caption printed after paragraph `after`. */
  caption: { after: number; text: string };
  byline: string;
}

const MOVEMENT = { police: '“Vì an ninh Tổ quốc”', civil: '“Cả nước thi đua xây dựng xã hội học tập”' };
const BYLINES = ['Minh Khôi', 'Ngọc Hân', 'Hải Minh', 'Thu Trang', 'Quang Vinh', 'Bảo Anh', 'Phương Thảo', 'Đức Trí', 'Lan Chi', 'Hoàng Long'];
const CAPTIONS = [
  'Quang cảnh hội nghị.',
  'Các đại biểu tham dự hội nghị.',
  'Lãnh đạo các đơn vị trong {group} chụp ảnh lưu niệm.',
  'Đại diện các đơn vị ký kết giao ước thi đua.',
  'Trao Cờ thi đua cho các tập thể có thành tích xuất sắc.',
];
const FILLER_OPENERS = [
  'Trong năm qua,', 'Bên cạnh đó,', 'Cùng với đó,', 'Nhìn chung,', 'Đáng chú ý,', 'Thực hiện chỉ đạo của cấp trên,',
  'Với tinh thần đoàn kết,', 'Dù còn nhiều khó khăn,',
];
const FILLER_SUBJECTS = [
  'các đơn vị trong {group}', 'cấp ủy, lãnh đạo các đơn vị', 'các tổ chức Đoàn Thanh niên, Hội Phụ nữ',
  'đội ngũ cán bộ, đảng viên', 'các phòng, ban chuyên môn', 'tập thể lãnh đạo {group}',
];
const FILLER_VERBS = [
  'đã chủ động xây dựng kế hoạch', 'tập trung triển khai đồng bộ các giải pháp', 'quan tâm đổi mới nội dung, hình thức thi đua',
  'bám sát nhiệm vụ chính trị được giao', 'tăng cường công tác kiểm tra, giám sát', 'đẩy mạnh ứng dụng công nghệ thông tin',
  'chú trọng phát hiện, bồi dưỡng điển hình tiên tiến', 'phối hợp chặt chẽ trong trao đổi kinh nghiệm',
];
const FILLER_GOALS = [
  'nhằm hoàn thành xuất sắc các chỉ tiêu đã đăng ký đầu năm', 'góp phần thực hiện thắng lợi nhiệm vụ chính trị của địa phương',
  'tạo khí thế thi đua sôi nổi, rộng khắp', 'gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'bảo đảm thực chất, tránh hình thức, lãng phí', 'phục vụ tốt nhu cầu của người dân và doanh nghiệp',
  'xây dựng đơn vị trong sạch, vững mạnh', 'nâng cao chất lượng, hiệu quả công tác tham mưu',
];
const FILLER_TAILS = [
  'Nhiều mô hình, cách làm hay được nhân rộng.', 'Kết quả đó được lãnh đạo cấp trên ghi nhận, đánh giá cao.',
  'Công tác cải cách hành chính có nhiều chuyển biến tích cực.', 'Đời sống vật chất, tinh thần của cán bộ được quan tâm.',
  'Các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch.', 'Hoạt động văn hóa, văn nghệ, thể thao diễn ra sôi nổi.',
];

export function articleText(random: Random, words: Vocabulary, spec: ArticleSpec): ArticleText {
  const fill = (template: string): string => template.replaceAll('{group}', spec.groupWord);
  const paragraphs = [
    lead(random, spec),
    membersSentence(random, words, spec),
    speakers(random, spec),
    ...filler(random, fill, random.int(1, 2)),
    results(random, spec),
    ...filler(random, fill, random.int(1, 2)),
    awardsSentence(random, spec),
    closing(random, spec),
  ];
  const published = isoDate(spec.year + (spec.event === 'signing' ? 1 : 0), spec.month, spec.day + 1);
  return {
    title: headline(random, spec),
    published,
    dateLine: random.chance(0.4) ? `${spec.day + 1}/${spec.month}/${published.slice(0, 4)}` : null,
    paragraphs,
    caption: { after: random.int(2, 4), text: fill(random.pick(CAPTIONS)) },
    byline: random.pick(BYLINES),
  };
}

/** The article as a plain-text file: headline, optional date line, paragraphs with the caption, byline. */
export function renderText(article: ArticleText): string {
  const { title, dateLine, paragraphs, caption, byline } = article;
  const body = [...paragraphs.slice(0, caption.after + 1), caption.text, ...paragraphs.slice(caption.after + 1)];
  return [title, ...(dateLine ? [dateLine] : []), ...body, byline].join('\n\n') + '\n';
}

function headline(random: Random, s: ArticleSpec): string {
  const next = s.year + 1;
  const options = [
    `${s.cluster} tổng kết công tác thi đua, khen thưởng năm ${s.year}`,
    `Hội nghị tổng kết công tác thi đua, khen thưởng năm ${s.year} ${s.cluster}`,
    `${s.nextChair} được bầu làm ${s.groupWord} trưởng năm ${next}`,
    `${s.cluster}: ${s.awards[0]!.recipient} nhận ${s.awards[0]!.name}`,
  ];
  if (s.event === 'signing') return `${s.cluster} ký kết giao ước thi đua năm ${next}`;
  if (s.event === 'mid-year') return `${s.cluster} sơ kết phong trào thi đua 6 tháng đầu năm ${s.year}`;
  return random.pick(options);
}

function meetingDate(random: Random, s: ArticleSpec): string {
  const part = random.pick(['Sáng', 'Chiều', 'Ngày']);
  const year = s.year + (s.event === 'signing' ? 1 : 0);
  switch (random.int(0, 3)) {
    case 0:
      return `${part} ${s.day}.${s.month}`;
    case 1:
      return `${part} ${s.day}-${s.month}`;
    case 2:
      return `${part} ${s.day}/${s.month}/${year}`;
    default:
      return `Ngày ${s.day} tháng ${s.month} năm ${year}`;
  }
}

function eventPhrase(s: ArticleSpec): string {
  const movement = s.sector.endsWith('police') ? MOVEMENT.police : MOVEMENT.civil;
  switch (s.event) {
    case 'review':
      return `Hội nghị tổng kết phong trào thi đua ${movement} năm ${s.year} và ký kết giao ước thi đua năm ${s.year + 1}`;
    case 'signing':
      return `Hội nghị ký kết giao ước thi đua năm ${s.year + 1}`;
    case 'mid-year':
      return `Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm ${s.year}`;
  }
}

function lead(random: Random, s: ArticleSpec): string {
  return `${meetingDate(random, s)}, tại ${s.place}, ${s.cluster} tổ chức ${eventPhrase(s)}.`;
}

function membersSentence(random: Random, words: Vocabulary, s: ArticleSpec): string {
  const count = s.members.length;
  const counted = random.chance(0.5) ? (words.numberWords.get(count) ?? String(count)) : String(count).padStart(2, '0');
  const list = `${s.members.slice(0, -1).join(', ')} và ${s.members.at(-1)}`;
  switch (random.int(0, 2)) {
    case 0:
      return `${s.cluster} gồm ${counted} đơn vị: ${list}.`;
    case 1:
      return `Các đơn vị trong ${s.groupWord} gồm: ${s.members.join('; ')}.`;
    default:
      return `Tham gia ${s.groupWord} năm ${s.year} có ${counted} đơn vị là ${list}, trong đó ${s.chair} là đơn vị ${s.groupWord} trưởng.`;
  }
}

function personPhrase(p: Person): string {
  return p.rank ? `${p.rank} ${p.name}, ${p.title}` : `${p.honorific} ${p.name}, ${p.title}`;
}

function speakers(random: Random, s: ArticleSpec): string {
  const host = personPhrase(s.host);
  const guest = personPhrase(s.guest);
  return random.chance(0.5)
    ? `${capitalise(host)}, ${s.groupWord} trưởng ${s.cluster} chủ trì hội nghị. Dự hội nghị có ${guest}.`
    : `Dự và chỉ đạo hội nghị có ${guest}. ${capitalise(host)}, ${s.groupWord} trưởng năm ${s.year} trình bày báo cáo tổng kết.`;
}

function results(random: Random, s: ArticleSpec): string {
  const { collectives, individuals } = s.commended;
  return random.chance(0.5)
    ? `Năm ${s.year}, các đơn vị trong ${s.groupWord} có ${collectives} lượt tập thể, ${individuals} lượt cá nhân được các cấp khen thưởng.`
    : `Với những thành tích đạt được, ${s.cluster} đã có ${collectives} tập thể và ${individuals} cá nhân được khen thưởng trong năm ${s.year}.`;
}

function awardsSentence(random: Random, s: ArticleSpec): string {
  const given = s.awards.map((a: Award) => `${a.recipient} vinh dự đón nhận ${a.name}`).join('; ');
  const proposed = s.proposals.map((a: Award) => `${a.name} cho ${a.recipient}`).join(', ');
  const proposal = random.chance(0.5)
    ? `Qua bình xét, hội nghị thống nhất đề nghị tặng ${proposed}.`
    : `Các đơn vị đã bỏ phiếu suy tôn và đề nghị cấp trên tặng ${proposed}.`;
  return `Tại hội nghị, ${given}. ${proposal}`;
}

function closing(random: Random, s: ArticleSpec): string {
  const next = s.year + 1;
  const word = s.groupWord;
  switch (random.int(0, 2)) {
    case 0:
      return `Kết thúc hội nghị, ${s.chair} đã bàn giao nhiệm vụ ${word} trưởng năm ${next} cho ${s.nextChair}.`;
    case 1:
      return `Hội nghị đã bầu ${s.nextChair} làm ${word} trưởng, ${s.deputyChair} làm ${word} phó ${s.cluster} năm ${next}.`;
    default:
      return `${s.nextChair} được bầu làm ${word} trưởng năm ${next}. Đại diện lãnh đạo các đơn vị đã ký kết giao ước thi đua năm ${next}.`;
  }
}

function filler(random: Random, fill: (template: string) => string, count: number): string[] {
  return Array.from({ length: count }, () => {
    const openers = random.sample(FILLER_OPENERS, random.int(2, 3));
    const sentences = openers.map((opener) => {
      const subject = fill(random.pick(FILLER_SUBJECTS));
      return `${opener} ${subject} ${random.pick(FILLER_VERBS)}, ${random.pick(FILLER_GOALS)}.`;
    });
    return [...sentences, random.pick(FILLER_TAILS)].join(' ');
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
