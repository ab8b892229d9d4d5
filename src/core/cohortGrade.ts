import type { ZoneLevel } from './rules';

/**
 * A grade written as a cohort: `2023级` (the class that entered the level in autumn 2023) or
 * `2025届` (the class that finishes the level in summer 2025); `level` when the text says it
 * (`初中2023级`, `初2023级`, `小学2023级`).
 */
export interface Cohort {
  year: number;
  kind: '级' | '届';
  level?: ZoneLevel;
}

const COHORT = /^(小学|初中|初)?(\d{4}|\d{2})(级|届)(?:学生)?(?:\(?(?:\d+|[一二三四五六七八九十]+)\)?班)?$/;
// An entry year alone, as registry exports write the grade column (2024, 2024年, 2024年入学), or the
// month of an autumn entry (入学年月: 2023.09, 2023-09, 202309, 2023年9月, and 2023-09-01 as Excel turns
// a typed 2023-9 into a date; another day is a date of something else).
const ENTRY_YEAR = /^(小学|初中|初)?((?:19|20)\d{2})(?:年(?:入学)?|(?:[.\-/]|年)?(?:0?[7-9]|1[0-2])(?:月(?:入学)?|[.\-/]0?1日?)?)?$/;

/**
 * The cohort a grade cell names, or undefined when it names none. Read after NFKC and without
 * spaces: `2023级`, `23级` (= 2023), `2021届`, `初中2023级`, `初2023级`, `2023级3班` (also `2023级(3)班`, `2023级（3）班`, `2023级三班`), and an entry
 * year alone from 1900 to 2099 (`2023`, `2023年`, `2023年入学`: 2023级), or its autumn entry month (`2023.09`,
 * `2023-09`, `202309`, `2023年9月`, July to December: 2023级; a spring month is not read).
 */
export function parseCohort(text: string): Cohort | undefined {
  const compact = text.normalize('NFKC').replace(/\s+/g, '');
  const entry = ENTRY_YEAR.exec(compact);
  const m = entry ? [...entry.slice(0, 3), '级'] : COHORT.exec(compact);
  if (!m) return undefined;
  const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  const level: ZoneLevel | undefined = m[1] === undefined ? undefined : m[1] === '小学' ? 'primary' : 'junior';
  return { year, kind: m[3] as Cohort['kind'], ...(level && { level }) };
}

/**
 * The grade (1..9 when it is in school) of a cohort in the autumn term of `baseYear`, counting the
 * level's grades from 1 (primary) or primaryLastGrade + 1 (junior, default 7 under 六三制):
 * - 级 (entry year C): grade = first grade of the level + (baseYear − C). 2023级 in autumn 2024 is
 *   grade 2 at a primary school and grade 8 at a junior school.
 * - 届 (graduation year G, the summer the class finishes the level's last grade, 6 or 9):
 *   grade = last grade of the level − (G − baseYear − 1). 2025届 in autumn 2024 is grade 6 at a
 *   primary school and grade 9 at a junior school.
 * The result may fall outside the level (see gradesOfLevel); the caller rejects such rows.
 */
export function cohortGrade(cohort: Cohort, baseYear: number, level: ZoneLevel, primaryLastGrade = 6): number {
  const [first, last] = gradesOfLevel(level, primaryLastGrade);
  return cohort.kind === '级' ? first + (baseYear - cohort.year) : last - (cohort.year - baseYear - 1);
}

/** The first and last grade of a level: 1 and primaryLastGrade, or primaryLastGrade + 1 and 9. */
export function gradesOfLevel(level: ZoneLevel, primaryLastGrade = 6): [number, number] {
  return level === 'primary' ? [1, primaryLastGrade] : [primaryLastGrade + 1, 9];
}
