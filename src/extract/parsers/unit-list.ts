import type { Capture } from '../engine/match.js';
import type { Grammar } from '../grammar.js';
import { foldWhitespace } from '../../ingest/whitespace.js';

/** One named organisation, as the article writes it (or written out whole from a place list), and where. */
export interface UnitItem {
  text: string;
  start: number;
  end: number;
}

/** What a list's lead says about the items after it: "Công an các tỉnh: …", "Sở Ngoại vụ 7 tỉnh, thành phố: …". */
interface ListContext {
  org: string | null;
  admin: string | null;
  /** For "Hải đoàn 18, 28 và 38": the words before the first item's number. */
  numberHead: string | null;
  /** After "6 binh chủng:", "các phòng:", the items are names that the lead's word heads ("Pháo binh" → "Binh chủng Pháo binh"). */
  names: boolean;
}

const LEAD_COUNT = String.raw`(?:các|{NUM})\s+(?<admin>{ADMIN}(?:\s*,\s*{ADMIN})?|{COUNT_NOUN}(?:\s*,\s*{COUNT_NOUN})?)(?:\s+thành\s+viên)?(?:\s+(?:trong|thuộc|của)\s+{CLUSTER_REF}(?:\s+(?:này|thi\s+đua))?)?`;
const ORG = String.raw`(?:[Cc]hi nhánh\s+)?(?:Công an|CA|{UNIT_HEAD})(?:\s+(?!các\b)(?!{NUM}\s)(?!{STOP}){WORD}){0,5}?`;
/** Words between a lead's count and its colon that describe the group, not a member ("5 thành phố trực thuộc Trung ương:", "5 tỉnh Tây Nguyên:"). */
const QUALIFIER = String.raw`(?:\s+(?!{PROVINCE}\s*:|(?:là|gồm|các)\s)(?:(?!\s(?:là|gồm|các)\s)[^.;:]){1,90}?(?=\s*:))?`;
/** Kinds of organisation a lead can name in lower case before a colon, each item then being a name of that kind. */
const KIND = String.raw`(?<kind>phòng|cục|sở|ban|đội|binh chủng|quân chủng|quân khu|quân đoàn|sư đoàn|trường|học viện|hải đoàn|chi cục|bệnh viện|[Đđ]ồn [Bb]iên phòng|đồn)`;
const LEAD = String.raw`(?:(?:(?<org>${ORG})(?:\s*\([^()]{1,20}\))?\s+)?${LEAD_COUNT}${QUALIFIER}|{NUM}\s+(?<org2>${ORG})(?=\s*:)|(?:các|{NUM})\s+${KIND}(?=\s*:))\s*(?:,\s*)?(?:là|gồm|bao\s+gồm)?\s*:?\s*\(?\s*`;
/** A name after such a lead: a capitalised word and what follows it up to the next item. */
const NAME_PHRASE = String.raw`\p{Lu}\p{L}*(?:\s+(?:[-–]\s+)?(?!(?!dự\s+khuyết){STOP_VERB}|và\s)[\p{L}\p{N}]+){0,6}`;
const SEPARATOR = String.raw`\s*(?:[,;]\s*(?:và\s+|cùng\s+)?|\s+(?:và|cùng)\s+)`;
const ITEM_PREFIX = String.raw`(?:(?:và\s+)?(?:là\s+)?đơn vị\s+(?:{CHAIR_ROLE}\s+(?:là\s+)?)?)`;
const LIST_UNIT_WORD = String.raw`(?:{NAME_PIECE}|\s+(?!(?!dự\s+khuyết){STOP_VERB}|năm\s+\d|trong\s+{CLUSTER_WORD}|và{END}){WORD}|\s+và\s+(?!{UNIT_START})(?!{STOP_VERB})(?!{RANK})(?!các\s+\p{Ll})(?=\p{Ll}){WORD}|\s+và\s+(?!{UNIT_START})(?!{RANK})(?!{ADMIN}\s)(?!{PROVINCE})(?=\p{Lu}){WORD}|,\s+(?=\p{Ll})(?!{STOP_VERB})(?!{ADMIN}\s)(?!cùng\b){WORD}|,\s+(?!{UNIT_START})(?!{PROVINCE})(?!{ADMIN})(?!{PLACE_NAME}(?:\s*[,;.]|\s+và\s))(?!{RANK})(?!{TITLE_START})(?=\p{Lu}){WORD})`;
const LIST_UNIT = String.raw`{UNIT_START}${LIST_UNIT_WORD}{0,18}`;
const PAREN = String.raw`\s*\([^()]{0,120}\)`;

/**
 * Reads a list of organisations from `region` (usually the rest of a sentence
 * after "gồm"): units written whole ("Cục Đối ngoại; Cục Pháp chế và cải cách
 * hành chính, tư pháp"), places under a distributive lead ("Công an các tỉnh
 * Phú Yên, Khánh Hòa và Bình Thuận" → "Công an tỉnh Phú Yên", …), numbered
 * siblings ("Hải đoàn 18, 28") — separated by commas, semicolons and "và".
 * The list ends at the first thing that is none of these. With `whole`, the
 * list must fill the region (else null): used where the region was cut by
 * the rule's own pattern.
 */
export function parseUnitList(g: Grammar, region: Capture, opts: { lead?: Capture; whole?: boolean } = {}): UnitItem[] | null {
  const ctx: ListContext = { org: null, admin: null, numberHead: null, names: false };
  if (opts.lead) readLead(g, opts.lead.text, 0, ctx);
  const text = region.text;
  let pos = readLeads(g, text, 0, ctx);
  const items: UnitItem[] = [];
  for (;;) {
    pos = skip(g, ITEM_PREFIX, text, pos);
    const item = readItem(g, text, pos, ctx);
    if (!item) break;
    items.push({ text: item.text, start: region.start + pos, end: region.start + item.end });
    pos = skip(g, PAREN, text, item.end);
    const sep = g.at(SEPARATOR, text, pos);
    if (!sep) break;
    pos = readLeads(g, text, sep.index + sep[0].length, ctx);
  }
  if (opts.whole && !/^[\s.…)”"']*$/.test(text.slice(pos))) return null;
  return items;
}

function skip(g: Grammar, pattern: string, text: string, pos: number): number {
  const m = g.at(pattern, text, pos);
  return m ? pos + m[0].length : pos;
}

/** Reads the leads at `pos` ("05 đơn vị là Công an các tỉnh …") into `ctx`; returns where the items begin. */
function readLeads(g: Grammar, text: string, pos: number, ctx: ListContext): number {
  for (let next = readLead(g, text, pos, ctx); next > pos; next = readLead(g, text, pos, ctx)) pos = next;
  return pos;
}

function readLead(g: Grammar, text: string, pos: number, ctx: ListContext): number {
  const m = g.at(LEAD, text, pos);
  if (!m) return pos;
  const admin = m.groups?.admin ?? '';
  if (m.groups?.kind) {
    ctx.org = m.groups.kind[0]!.toUpperCase() + m.groups.kind.slice(1);
    ctx.admin = null;
    ctx.names = true;
  } else if (m.groups?.org2) {
    ctx.org = m.groups.org2.trim();
    ctx.admin = null;
  } else if (g.at('{ADMIN}', admin, 0)) {
    ctx.admin = admin.split(/\s*,\s*/)[0]!.trim();
    // "Hội Nông dân sáu địa phương: thành phố Đà Nẵng và các tỉnh Quảng Nam, …": the organisation carries on.
    ctx.org = m.groups?.org?.trim() || ctx.org;
  } else if (m.groups?.org) {
    return pos; // "Công an 5 đơn vị" is not a distributive lead
  }
  return pos + m[0].length;
}

function readItem(g: Grammar, text: string, pos: number, ctx: ListContext): { text: string; end: number } | null {
  if (ctx.names) {
    const unit = g.at(LIST_UNIT, text, pos);
    if (unit) return { text: tidy(unit[0]), end: pos + unit[0].length };
    const name = g.at(NAME_PHRASE, text, pos);
    return name ? { text: `${ctx.org} ${tidy(name[0])}`, end: pos + name[0].length } : null;
  }
  // Under a lead, a place from the gazetteer is a member even where it reads like a unit ("TP.HCM").
  const known = ctx.org || ctx.admin ? g.at(String.raw`{PROVINCE}{END}(?!\s*\d)`, text, pos) : null;
  if (known) return { text: placeMember(g, tidy(known[0]), ctx), end: pos + known[0].length };
  const underLead = ctx.org ? g.at('{ADMIN_PLACE}', text, pos) : null;
  if (underLead) return { text: `${ctx.org} ${tidy(underLead[0])}`, end: pos + underLead[0].length };
  const unit = g.at(LIST_UNIT, text, pos);
  if (unit) {
    const written = tidy(unit[0]);
    const numbered = /^(.*\S)\s+(?:\d{1,4}|[IVX]{1,5})$/u.exec(written);
    ctx.numberHead = numbered ? numbered[1]! : null;
    return { text: written, end: pos + unit[0].length };
  }
  const adminPlace = g.at('{ADMIN_PLACE}', text, pos);
  if (adminPlace) {
    const written = tidy(adminPlace[0]);
    return { text: ctx.org ? `${ctx.org} ${written}` : written, end: pos + adminPlace[0].length };
  }
  const place = g.at('{PLACE_NAME}', text, pos);
  if (place && (ctx.admin || ctx.org || g.at('{PROVINCE}{END}', text, pos))) {
    return { text: placeMember(g, tidy(place[0]), ctx), end: pos + place[0].length };
  }
  const number = g.at(String.raw`(?:\d{1,4}{END}|{ROMAN})`, text, pos);
  if (number && ctx.numberHead) return { text: `${ctx.numberHead} ${number[0]}`, end: pos + number[0].length };
  return null;
}

/**
 * A member named by its place only. Under an organisation lead it is written
 * out whole ("Công an" + "thành phố" + "Hà Nội"), the administrative word
 * taken from the gazetteer where the lead says "tỉnh, thành phố"; without a
 * lead the place is the member ("các tỉnh Tuyên Quang, Yên Bái": Tuyên Quang).
 */
function placeMember(g: Grammar, place: string, ctx: ListContext): string {
  if (!ctx.org) return place;
  if (/^(?:TP|Tp)\.?\s?/.test(place)) return `${ctx.org} ${place}`;
  const entry = g.lookup('PROVINCE', place);
  const provincial = ctx.admin === 'tỉnh' || ctx.admin === 'thành phố' || ctx.admin == null;
  const admin = entry && provincial ? String(entry.attrs.type ?? ctx.admin) : ctx.admin;
  return [ctx.org, admin, place].filter(Boolean).join(' ');
}

// "Bộ Chỉ huy Quân sự (CHQS) tỉnh X": the bracket introduces an abbreviation.
const ABBREVIATION_IN_BRACKETS = /\s*\(\p{Lu}[\p{Lu}&-]{1,10}\)(?=\s+\p{L})/gu;
const EDGES = /^[\s“"'(]+|[\s,;:.…”"')]+$/g;

/** A unit's name without the punctuation and spaces that surround it in the sentence. */
export function tidy(s: string): string {
  const unbracketed = s.includes('(') ? s.replace(ABBREVIATION_IN_BRACKETS, '') : s;
  return foldWhitespace(unbracketed).replace(EDGES, '').trim();
}
