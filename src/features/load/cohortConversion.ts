import { cohortGrade, gradesOfLevel, parseCohort } from '../../core/cohortGrade';
import type { ZoneLevel } from '../../core/rules';
import type { Locale, MessageKey } from '../../i18n/messages';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const CHINESE_GRADES = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A grade as the planner reads it: 二年级 in Chinese, "grade 2" in English (out-of-school numbers as digits). */
function gradeName(grade: number, locale: Locale): string {
  if (locale !== 'zh-CN') return `grade ${grade}`;
  return grade >= 1 && grade <= 9 ? `${CHINESE_GRADES[grade - 1]}年级` : `${grade} 年级`;
}

/** One level's conversion: the grade, or the grade with "outside grades min–max: rejected". */
function converted(cohort: NonNullable<ReturnType<typeof parseCohort>>, year: number, level: ZoneLevel, t: Translate, locale: Locale, primaryLastGrade: number): string {
  const grade = cohortGrade(cohort, year, level, primaryLastGrade);
  const [min, max] = gradesOfLevel(level, primaryLastGrade);
  const name = gradeName(grade, locale);
  return grade < min || grade > max ? t('importCohortOut', { grade: name, min, max }) : name;
}

/**
 * How the mapping step shows a cohort grade's conversion, e.g. "2023级 → 二年级（基准年 2024 秋）":
 * for the level the cell names, else the planner's `level`, else both a primary and a junior
 * school's reading (the pupil's school decides); junior grades count from the one after `primaryLastGrade`
 * (6 under 六三制, 5 under 五四制).
 */
export function cohortConversion(text: string, year: number, level: ZoneLevel | undefined, t: Translate, locale: Locale, primaryLastGrade = 6): string {
  const cohort = parseCohort(text);
  if (!cohort) return text;
  const at = cohort.level ?? level;
  const grade = at
    ? converted(cohort, year, at, t, locale, primaryLastGrade)
    : t('importCohortBoth', { primary: converted(cohort, year, 'primary', t, locale, primaryLastGrade), junior: converted(cohort, year, 'junior', t, locale, primaryLastGrade) });
  return t('importCohortRow', { cohort: text, grade, year });
}
