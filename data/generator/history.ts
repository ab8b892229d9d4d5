/**
 * Five synthetic past years of enrollment by school and grade (history.csv), for the warning's
 * back-test, and a planner's intake plan for the schools that open after the base year
 * (intake_plan.csv). Both come from their own random streams, so the other files stay as they were.
 *
 * History, consistent with the base year's pupils (by their school_id): a cohort that is still in
 * its level in the base year was, j years earlier, the same school's grade g − j with ±3 % of
 * pupils moving in or out since; a cohort that has since left the level is drawn from the school's
 * base-year entry grade scaled by the national births of its birth year (the shape births.csv
 * follows) with ±6 % noise. A school has no history before it opens.
 */
import { NATIONAL_BIRTHS } from './demand.ts';
import type { Rng } from './random.ts';
import { BASE_YEAR } from './settings.ts';
import type { Pupil, SchoolPlan } from './types.ts';

/** Past years written, before the base year. */
export const HISTORY_YEARS = 5;

/** One row of history.csv. */
export interface HistoryRow {
  year: number;
  schoolId: string;
  grade: number;
  pupils: number;
}

const gradesOf = (level: SchoolPlan['level']): number[] => (level === 'primary' ? [1, 2, 3, 4, 5, 6] : level === 'junior' ? [7, 8, 9] : [1, 2, 3, 4, 5, 6, 7, 8, 9]);

/** Births index of a calendar year against the base year's grade 1 (born BASE_YEAR − 6); 1 outside the table. */
function birthsIndex(year: number): number {
  const b = NATIONAL_BIRTHS[year];
  return b === undefined ? 1 : b / NATIONAL_BIRTHS[BASE_YEAR - 6];
}

/** The history rows of every school open in each of the HISTORY_YEARS years before the base year. */
export function generateHistory(rng: Rng, schools: readonly SchoolPlan[], pupils: readonly Pupil[]): HistoryRow[] {
  const current = new Map<string, number[]>();
  for (const p of pupils) {
    if (!p.schoolId) continue;
    const counts = current.get(p.schoolId) ?? new Array<number>(10).fill(0);
    counts[p.grade]++;
    current.set(p.schoolId, counts);
  }
  const rows: HistoryRow[] = [];
  for (let j = HISTORY_YEARS; j >= 1; j--) {
    const year = BASE_YEAR - j;
    for (const s of schools) {
      if ((s.opens ?? 0) > year) continue;
      const now = current.get(s.id);
      if (!now) continue;
      for (const g of gradesOf(s.level)) {
        const last = g <= 6 ? 6 : 9;
        const first = g <= 6 ? 1 : 7;
        let pupilsThen: number;
        if (g + j <= last) pupilsThen = now[g + j] * rng.uniform(0.97, 1.03);
        else {
          // Entered the level in `entered`, born six (or twelve) years before.
          const entered = year - (g - first);
          pupilsThen = now[first] * (first === 1 ? birthsIndex(entered - 6) : 1) * rng.uniform(0.94, 1.06);
        }
        rows.push({ year, schoolId: s.id, grade: g, pupils: Math.round(pupilsThen) });
      }
    }
  }
  return rows;
}

/** history.csv as text. */
export function historyCsv(rows: readonly HistoryRow[]): string {
  return `year,school_id,grade,pupils\n${rows.map((r) => `${r.year},${r.schoolId},${r.grade},${r.pupils}`).join('\n')}\n`;
}

/** One row of intake_plan.csv. */
export interface IntakePlanRow {
  schoolId: string;
  year: number;
  grade: number;
  classes: number;
}

/**
 * The bureau's intake plan for each public school opening after the base year: its entry classes
 * in its first three years, a third of its classrooms per level's share of grades (invented, as a
 * new school's plan would be).
 */
export function planIntake(schools: readonly { plan: SchoolPlan; classrooms: number }[]): IntakePlanRow[] {
  const rows: IntakePlanRow[] = [];
  for (const { plan, classrooms } of schools) {
    if (plan.ownership !== 'public' || plan.opens === undefined || plan.opens <= BASE_YEAR) continue;
    const entries = plan.level === 'primary' ? [1] : plan.level === 'junior' ? [7] : [1, 7];
    const grades = gradesOf(plan.level).length;
    for (let y = plan.opens; y < plan.opens + 3; y++) {
      for (const g of entries) rows.push({ schoolId: plan.id, year: y, grade: g, classes: Math.max(1, Math.round(classrooms / grades)) });
    }
  }
  return rows;
}

/** intake_plan.csv as text. */
export function intakePlanCsv(rows: readonly IntakePlanRow[]): string {
  return `school_id,year,grade,classes\n${rows.map((r) => `${r.schoolId},${r.year},${r.grade},${r.classes}`).join('\n')}\n`;
}
