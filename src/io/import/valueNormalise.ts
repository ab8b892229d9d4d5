import type { SchoolLevel, ZoneLevel } from '../../core/rules';
import type { Ownership } from '../../core/dataset';

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const digit = (c: string) => CHINESE_DIGITS[c] ?? Number(c);

const compact = (value: string) => value.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * A grade written the usual ways as 1..9: "3", "03", "3年级", "G3", "grade 3", "三年级",
 * "小学三年级", "七年级", "初一" / "初1" / "初中一年级" / "初中1年级" / "初中七年级" (= 7), full-width
 * digits alike; undefined for anything else ("高一", "十年级").
 */
export function normaliseGrade(value: string): number | undefined {
  const s = compact(value);
  let m = /^(?:g|grade)?0*([1-9])(?:年级)?$/.exec(s);
  if (m) return Number(m[1]);
  m = /^(小学|初中)?([1-9一二三四五六七八九])年级$/.exec(s);
  // 初中一年级 counts within the junior section (= 7); 初中七年级 and 七年级 count from grade 1.
  if (m) return m[1] === '初中' && digit(m[2]) <= 3 ? 6 + digit(m[2]) : digit(m[2]);
  m = /^初(?:中)?([1-3一二三])(?:年级)?$/.exec(s);
  if (m) return 6 + digit(m[1]);
  return undefined;
}

/** 学段 of a school: 小学 → primary, 初中 / 初级中学 → junior, 九年一贯制 → nine_year (English names kept); undefined otherwise. */
export function normaliseSchoolLevel(value: string): SchoolLevel | undefined {
  const s = compact(value);
  if (s === 'primary' || s === '小学') return 'primary';
  if (s === 'junior' || s === '初中' || s === '初级中学') return 'junior';
  if (s === 'nine_year' || s === '九年一贯制' || s === '九年一贯制学校' || s === '九年制') return 'nine_year';
  return undefined;
}

/** 学段 of a zone: 小学 → primary, 初中 → junior (English names kept); undefined otherwise. */
export function normaliseZoneLevel(value: string): ZoneLevel | undefined {
  const level = normaliseSchoolLevel(value);
  return level === 'nine_year' ? undefined : level;
}

/** 办学性质: 公办 / 公立 → public, 民办 / 私立 → private (English names kept); undefined otherwise. */
export function normaliseOwnership(value: string): Ownership | undefined {
  const s = compact(value);
  if (s === 'public' || s === '公办' || s === '公立') return 'public';
  if (s === 'private' || s === '民办' || s === '私立') return 'private';
  return undefined;
}
