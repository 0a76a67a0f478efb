/**
 * The facts of one synthetic conference article, drawn at random: who meets (a cluster or bloc and its members),
 * when, who chairs it this year and the next, who speaks, which awards are given. templates.ts words them.
 */
import type { Random } from './prng.js';
import type { Vocabulary } from './vocabulary.js';

export type Sector = 'provincial-police' | 'ministry-police' | 'ministries' | 'provincial-departments';
export type EventKind = 'review' | 'signing' | 'mid-year';

export interface Person {
  /** Rank for officers ("Thiếu tướng"), an honorific for civilians ("ông", "bà"). */
  rank: string | null;
  honorific: string;
  name: string;
  title: string;
}

export interface Award {
  name: string;
  recipient: string;
}

export interface ArticleSpec {
  sector: Sector;
  /** "Cụm thi đua số 5", "Cụm thi đua số V", "Khối thi đua các Bộ, ngành Kinh tế tổng hợp". */
  cluster: string;
  /** "Cụm" or "Khối": what the text calls the group once it is named. */
  groupWord: string;
  /** The province of a provincial group, else null. */
  province: string | null;
  members: string[];
  chair: string;
  nextChair: string;
  deputyChair: string;
  year: number;
  event: EventKind;
  /** Day and month of the meeting. */
  day: number;
  month: number;
  place: string;
  host: Person;
  guest: Person;
  awards: Award[];
  proposals: Award[];
  /** Collectives and individuals commended in the year. */
  commended: { collectives: number; individuals: number };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Ngọc', 'Xuân', 'Công', 'Anh', 'Mạnh', 'Trọng', 'Hồng'];
const GIVEN_NAMES = [
  'Hùng', 'Dũng', 'Tuấn', 'Hải', 'Lâm', 'Sơn', 'Long', 'Thắng', 'Hạnh', 'Tiến', 'Hiếu', 'Nam', 'Bình', 'Phong',
  'Cường', 'Hà', 'Lan', 'Hương', 'Thủy', 'Khánh', 'Trung', 'Việt', 'Quân', 'Tâm', 'Kiên', 'Toàn', 'Định', 'Nghĩa',
];
const COMMON_SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương'];
const MINISTRY_POLICE_UNITS = [
  'Văn phòng Bộ Công an', 'Thanh tra Bộ', 'Cục Đối ngoại', 'Cục Tài chính', 'Cục Y tế', 'Cục Hậu cần',
  'Cục Tổ chức cán bộ', 'Cục Kỹ thuật nghiệp vụ', 'Cục Quản lý xuất nhập cảnh', 'Cục Cảnh sát giao thông',
  'Cục Cảnh sát hình sự', 'Cục Cảnh sát điều tra tội phạm về ma túy', 'Cục Công nghiệp an ninh',
  'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao', 'Viện Khoa học hình sự',
  'Bộ Tư lệnh Cảnh sát cơ động', 'Học viện An ninh nhân dân', 'Học viện Cảnh sát nhân dân',
  'Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ', 'Cục Quản lý hành chính về trật tự xã hội',
];
const MINISTRY_BLOCS = ['Kinh tế tổng hợp', 'Khoa học - Giáo dục', 'Văn hóa - Xã hội', 'Nội chính', 'Kinh tế ngành'];
const DEPARTMENT_BLOCS = ['các sở, ngành kinh tế', 'các cơ quan tổng hợp', 'các sở, ngành văn hóa - xã hội', 'các cơ quan nội chính'];
const POLICE_GUEST_TITLES = [
  'Phó Chánh Văn phòng Bộ Công an', 'Phó Cục trưởng Cục Công tác đảng và công tác chính trị',
  'Phó Cục trưởng Cục Tổ chức cán bộ', 'Trưởng phòng Thi đua - Khen thưởng, Bộ Công an',
];
const CIVIL_GUEST_TITLES = [
  'Phó Trưởng ban Ban Thi đua - Khen thưởng Trung ương', 'Vụ trưởng Vụ Thi đua - Khen thưởng',
  'Phó Chủ tịch UBND tỉnh', 'Trưởng ban Ban Thi đua - Khen thưởng tỉnh',
];
const PLACES = ['Hà Nội', 'TP Hồ Chí Minh', 'Đà Nẵng', 'Cần Thơ', 'Hải Phòng', 'Nghệ An', 'Thanh Hóa', 'Khánh Hòa', 'Lâm Đồng'];

export function randomSpec(random: Random, words: Vocabulary): ArticleSpec {
  const sector = random.pick<Sector>(['provincial-police', 'provincial-police', 'ministry-police', 'ministries', 'provincial-departments']);
  const year = random.int(2012, 2024);
  const event = random.pick<EventKind>(['review', 'review', 'review', 'signing', 'mid-year']);
  const month = event === 'review' ? random.int(11, 12) : event === 'signing' ? random.int(2, 4) : random.int(6, 7);
  const group = groupOf(random, words, sector);
  const [chair, nextChair, deputyChair] = random.sample(group.members, 3) as [string, string, string];
  const officers = sector === 'provincial-police' || sector === 'ministry-police';
  const person = (title: string): Person => ({
    rank: officers ? random.pick(words.officerRanks.slice(2, 6)) : null,
    honorific: random.pick(['ông', 'ông', 'bà', 'đồng chí']),
    name: personName(random, words),
    title,
  });
  const awardNames = awardsOf(words, sector, group.province);
  const recipients = random.sample(group.members, 4);
  return {
    sector,
    year,
    event,
    month,
    day: random.int(1, 28),
    place: group.province ?? random.pick(PLACES),
    ...group,
    chair,
    nextChair,
    deputyChair,
    host: person(headTitleOf(sector, chair)),
    guest: person(random.pick(officers ? POLICE_GUEST_TITLES : CIVIL_GUEST_TITLES)),
    awards: recipients.slice(0, random.int(1, 2)).map((recipient) => ({ name: random.pick(awardNames), recipient })),
    proposals: recipients.slice(2, 2 + random.int(1, 2)).map((recipient) => ({ name: random.pick(awardNames), recipient })),
    commended: { collectives: random.int(12, 240), individuals: random.int(40, 900) },
  };
}

type Group = Pick<ArticleSpec, 'cluster' | 'groupWord' | 'province' | 'members'>;

function groupOf(random: Random, words: Vocabulary, sector: Sector): Group {
  const numbered = (): string => {
    const n = random.int(1, 12);
    return `Cụm thi đua số ${random.chance(0.3) ? ROMAN[n - 1] : n}`;
  };
  switch (sector) {
    case 'provincial-police':
      return {
        cluster: numbered(),
        groupWord: 'Cụm',
        province: null,
        members: random.sample(words.provinces, random.int(4, 8)).map((p) => `Công an ${p.type} ${p.name}`),
      };
    case 'ministry-police':
      return { cluster: numbered(), groupWord: 'Cụm', province: null, members: random.sample(MINISTRY_POLICE_UNITS, random.int(4, 7)) };
    case 'ministries':
      return {
        cluster: `Khối thi đua các Bộ, ngành ${random.pick(MINISTRY_BLOCS)}`,
        groupWord: 'Khối',
        province: null,
        members: random.sample(words.ministries, random.int(4, 7)),
      };
    case 'provincial-departments': {
      const province = random.pick(words.provinces).name;
      return {
        cluster: `Khối thi đua ${random.pick(DEPARTMENT_BLOCS)} tỉnh ${province}`,
        groupWord: 'Khối',
        province,
        members: random.sample(words.departments, random.int(4, 7)),
      };
    }
  }
}

/** The title of the head of the unit that chairs the group ("Giám đốc Công an tỉnh Nghệ An"). */
function headTitleOf(sector: Sector, unit: string): string {
  if (sector === 'ministries') return `Thứ trưởng ${unit}`;
  if (unit.startsWith('Cục ')) return `Cục trưởng ${unit}`;
  if (unit.startsWith('Viện ')) return `Viện trưởng ${unit}`;
  if (unit.startsWith('Văn phòng ')) return `Chánh ${unit}`;
  if (unit.startsWith('Thanh tra ')) return `Chánh ${unit}`;
  if (unit.startsWith('Bộ Tư lệnh ')) return `Tư lệnh ${unit.slice('Bộ Tư lệnh '.length)}`;
  return `Giám đốc ${unit}`;
}

function awardsOf(words: Vocabulary, sector: Sector, province: string | null): string[] {
  const head = (name: string): string => {
    if (!words.awardHeads.includes(name)) throw new Error(`award head "${name}" is not in rules/lexicons/award-heads.yaml`);
    return name;
  };
  const [flag, merit, order] = [head('Cờ thi đua'), head('Bằng khen'), head('Huân chương')];
  const common = [`${flag} của Chính phủ`, `${merit} của Thủ tướng Chính phủ`];
  switch (sector) {
    case 'provincial-police':
    case 'ministry-police':
      return [...common, `${flag} của Bộ Công an`, `${merit} của Bộ trưởng Bộ Công an`, `${order} Bảo vệ Tổ quốc hạng Ba`];
    case 'ministries':
      return [...common, `${order} Lao động hạng Nhì`, `${order} Lao động hạng Ba`];
    case 'provincial-departments':
      return [...common, `${flag} của UBND tỉnh ${province}`, `${merit} của Chủ tịch UBND tỉnh ${province}`];
  }
}

function personName(random: Random, words: Vocabulary): string {
  const surname = random.chance(0.7) ? random.pick(COMMON_SURNAMES) : random.pick(words.surnames);
  return `${surname} ${random.pick(MIDDLE_NAMES)} ${random.pick(GIVEN_NAMES)}`;
}
