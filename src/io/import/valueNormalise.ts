import { MAX_GRADE, type SchoolLevel, type ZoneLevel } from '../../core/rules';
import type { Ownership } from '../../core/dataset';
import { parseNumber } from '../../core/chineseNumber';

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const digit = (c: string) => CHINESE_DIGITS[c] ?? Number(c);

const compact = (value: string) => value.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * A grade written the usual ways as 1..9: "3", "03", "3年级", "G3", "grade 3", "三年级",
 * "小学三年级", "七年级", "初一" / "初1" / "初中一年级" / "初中1年级" (the first junior grade:
 * primaryLastGrade + 1, 7 under 六三制, 6 under 五四制, whose 初四 is 9), "初中七年级" (= 7), full-width
 * digits alike, a class after it dropped (六年级(3)班, 初一3班, 三(3)班, 初一.4班), a cohort before it dropped
 * (2024级一年级, 2023级初二); undefined for anything else ("高一", "十年级").
 */
export function normaliseGrade(value: string, primaryLastGrade = 6): number | undefined {
  const s = compact(value);
  // The cohort before a grade that names itself (2024级一年级, 2023级初二) says nothing more of it.
  const cohort = COHORT_BEFORE.exec(s);
  if (cohort) return normaliseGrade(cohort[1], primaryLastGrade);
  // A class after the grade (六年级(3)班, 初一3班, 三年级二班, 三(3)班, 初一.4班) says nothing more of the
  // grade; before a class, a numeral alone is the grade (三(3)班).
  if (!CLASS.test(s)) return gradeOf(s, primaryLastGrade);
  const grade = s.replace(CLASS, '');
  return gradeOf(grade, primaryLastGrade) ?? (/^[1-9一二三四五六七八九]$/.test(grade) ? digit(grade) : undefined);
}

const CLASS = /[.·\-_—]?\(?(?:[0-9]+|[一二三四五六七八九十]+)\)?班$/;
const COHORT_BEFORE = /^(?:19|20)\d{2}(?:级|届)((?:小学|初中)?[1-9一二三四五六七八九]年级.*|初.+)$/;

function gradeOf(s: string, primaryLastGrade: number): number | undefined {
  const juniorGrades = MAX_GRADE - primaryLastGrade;
  let m = /^(?:g|grade)?0*([1-9])(?:年级)?$/.exec(s);
  if (m) return Number(m[1]);
  m = /^(小学|初中)?([1-9一二三四五六七八九])年级$/.exec(s);
  // 初中一年级 counts within the junior section (= 7 under 六三制); 初中七年级 and 七年级 count from grade 1.
  if (m) return m[1] === '初中' && digit(m[2]) <= juniorGrades ? primaryLastGrade + digit(m[2]) : digit(m[2]);
  m = /^初(?:中)?([1-4一二三四])(?:年级)?$/.exec(s);
  if (m && digit(m[1]) <= juniorGrades) return primaryLastGrade + digit(m[1]);
  return undefined;
}

/**
 * 学段 or 办学类型 of a school as the compulsory years see it (English names kept):
 * - nine_year: 九年一贯制 (学校), 九年制, 十二年一贯制 (its grades 1–9), 一贯制学校;
 * - junior: 初中, 初中部, 初级中学, 完全中学 (its junior section; the senior one is not compulsory);
 * - primary: 小学, 小学部 and its kinds (完全小学, 中心小学, 小学教学点, 小学（教学点）, 教学点, 完小).
 * Undefined for anything else (高中, 中小学).
 */
export function normaliseSchoolLevel(value: string): SchoolLevel | undefined {
  const s = compact(value);
  if (s === 'primary') return 'primary';
  if (s === 'junior') return 'junior';
  if (s === 'nine_year' || /^(?:九年|十二年)?一贯制(?:学校)?$|^九年制(?:学校)?$/.test(s)) return 'nine_year';
  if (/^(?:初中|初级中学|完全中学|中学)(?:学校|部)?$/.test(s)) return 'junior';
  if (/^(?:完全|中心)?小学(?:教学点|部|\(教学点\))?$|^教学点$|^完小$/.test(s)) return 'primary';
  return undefined;
}

/** 学段 of a zone: 小学 → primary, 初中 → junior (English names kept); undefined otherwise. */
export function normaliseZoneLevel(value: string): ZoneLevel | undefined {
  const level = normaliseSchoolLevel(value);
  return level === 'nine_year' ? undefined : level;
}

/** 办学性质: 公办 / 公立 (学校) → public, 民办 / 私立 (学校, and 民办（营利性） …) → private (English names kept); undefined otherwise. */
export function normaliseOwnership(value: string): Ownership | undefined {
  const s = compact(value);
  if (s === 'public' || /^(?:公办|公立)(?:学校)?$/.test(s)) return 'public';
  if (s === 'private' || /^(?:民办|私立)(?:学校)?(?:[（(](?:非)?营利性?[)）])?$/.test(s)) return 'private';
  return undefined;
}

// E118.734602, 36.88N: decimal degrees with the hemisphere's letter before or after.
const HEMISPHERE_DECIMAL = /^([NSEW东西南北])?(\d+(?:\.\d+)?)([NSEW东西南北])?$/i;

// 118°44'4.57", E118°44′4.57″ (NFKC writes ″ as ′′), 118度44分4.57秒, 36°54.5'N.
const DMS = /^([NSEW东西南北])?(\d+(?:\.\d+)?)[°度](?:(\d+(?:\.\d+)?)(?:'|′|’|分))?(?:(\d+(?:\.\d+)?)(?:"|''|′′|’’|”|秒))?([NSEW东西南北])?$/i;

/**
 * A coordinate cell's text as a plain decimal-degree number's text: full-width digits and points
 * (１１８．７２５) as ASCII, degrees-minutes-seconds (118°44'4.57", 118度44分4.57秒, with E/N, 东/北 or 东经/北纬,
 * negative for S/W) as decimal degrees to 1e−7° (about a centimetre), decimal degrees with their
 * hemisphere's letter (E118.7346, 36.88N) as the number, the apostrophe Excel users type
 * to keep a number as text ('118.725) dropped; anything else as it was.
 */
export function coordinateText(cell: string): string {
  const text = cell.trim().replace(/^['‘’]/, '');
  if (text === '' || !Number.isNaN(Number(text))) return text;
  // 东经 118° and 北纬 36° name their hemisphere as E and N do.
  const s = text.normalize('NFKC').replace(/\s+/g, '').replace(/([东西])经|([南北])纬/g, '$1$2');
  if (!Number.isNaN(Number(s))) return s;
  const d = HEMISPHERE_DECIMAL.exec(s);
  if (d && (d[1] === undefined) !== (d[3] === undefined)) return String((/^[SW南西]$/i.test(d[1] ?? d[3] ?? '') ? -1 : 1) * Number(d[2]));
  const m = DMS.exec(s);
  // 60 is allowed: rounding writes 46′59.999″ as 46′60.00″.
  if (!m || (m[1] && m[5]) || Number(m[3] ?? 0) > 60 || Number(m[4] ?? 0) > 60) return s;
  const value = Number(m[2]) + Number(m[3] ?? 0) / 60 + Number(m[4] ?? 0) / 3600;
  const negative = /^[SW南西]$/i.test(m[1] ?? m[5] ?? '');
  return String((negative ? -1 : 1) * Math.round(value * 1e7) / 1e7);
}

/**
 * Longitude and latitude written in one cell ("118.7253,36.8821", "118.7253，36.8821", "118.7253 36.8821",
 * "N36.8821,E118.7253": latitude first when the letters say so), each as coordinateText reads it; a cell
 * that is not two such parts gives itself twice, for the reader to reject by its line.
 */
export function coordinatePair(cell: string): [string, string] {
  const parts = cell.normalize('NFKC').trim().split(/\s*[,;]\s*|\s+/).filter((p) => p !== '');
  if (parts.length !== 2) return [cell.trim(), cell.trim()];
  // Latitude first, as its letter says (N36.909,E118.722): the letters decide, not the numbers.
  const latitudeFirst = LATITUDE_MARK.test(parts[0]) && LONGITUDE_MARK.test(parts[1]);
  const [lon, lat] = latitudeFirst ? [parts[1], parts[0]] : parts;
  return [coordinateText(lon), coordinateText(lat)];
}

// A hemisphere's letter before or after the number (北纬 starts with 北).
const LATITUDE_MARK = /^[NS南北]|[NS南北]$/i;
const LONGITUDE_MARK = /^[EW东西]|[EW东西]$/i;

// Units a count or an area is written with in a school table (36间, 1,200人, 5000平方米, 3000㎡), and a remark in brackets after it (30（含功能室）).
const COUNT_UNIT = /^(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+)(?:间|个|人|名|台|册|本|套|班|平方米|平米|㎡|m²|m2)?(?:\([^()]*\))?$/i;

/**
 * A number cell of a school table as a number's text: full-width digits as ASCII, Chinese numerals (二十四) as digits, thousands
 * separators and spaces dropped, a unit after it (间, 人, 平方米 …) and a remark in brackets dropped; anything else as it was,
 * for the reader to refuse by name.
 */
export function countText(cell: string): string {
  const text = cell.trim();
  if (text === '' || !Number.isNaN(Number(text))) return text;
  const s = text.normalize('NFKC').replace(/\s+/g, '').replace(/(\d),(?=\d{3}\b)/g, '$1');
  const count = COUNT_UNIT.exec(s)?.[1];
  // Chinese numerals (二十四) as digits; a run that is not a number word (一二) is left for the reader to refuse.
  const n = count === undefined ? undefined : /^\d/.test(count) ? count : parseNumber(count)?.toString();
  return n ?? text;
}

const isDegrees = (lon: number, lat: number) => Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

/** Whether a position is not longitude/latitude degrees but would be with its two numbers swapped (36.9, 118.7: no latitude exceeds 90). */
export function looksSwapped(lon: number, lat: number): boolean {
  return !isDegrees(lon, lat) && isDegrees(lat, lon);
}

/** Other names of a unit or school from one cell (别名, 曾用名): separated by ；; 、 , ， / ／ or a line break (Alt+Enter in Excel). */
export function splitAliases(text: string): string[] {
  return text.split(/[；;、,，/／\r\n]/).map((s) => s.trim()).filter((s) => s !== '');
}

/** Other names given as a list or as one cell's text (splitAliases); none for anything else. */
export function aliasList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((a): a is string => typeof a === 'string').map((a) => a.trim()).filter((a) => a !== '');
  return typeof value === 'string' ? splitAliases(value) : [];
}
