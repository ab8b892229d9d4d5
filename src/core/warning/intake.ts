import { GRADE_STRIDE } from '../aggregate';
import type { School } from '../dataset';
import { classCapOfGrade, gradesTaught, type Rules } from '../rules';

/** A planner-set intake (`intake_plan.csv`): places of a school's entry grade in a year. */
export interface IntakePlanRow {
  school: number;
  year: number;
  grade: number;
  /** The planner's places, or undefined when the plan gives classes. */
  places?: number;
  /** Entry classes planned, read when no places are given: places are these × the grade's cap under the rules applied. */
  classes?: number;
}

/** The places an intake plan row gives under `rules`: its places, else its classes × the grade's class cap. */
export function plannedPlaces(row: IntakePlanRow, rules: Rules): number {
  return row.places ?? (row.classes ?? 0) * classCapOfGrade(row.grade, rules);
}

/** Planned intake of a school's entry grade in a year, and where it comes from. */
export interface PlannedIntake {
  /** Entry classes the school can open (undefined for a planner-set intake given in places). */
  classes?: number;
  /** Places: classes × class cap, or the planner's figure. */
  places: number;
  source: 'rooms' | 'plan';
}

/**
 * The places a public school can offer its entry grade `grade` in a projected year: the planner's
 * intake plan when it has one for that school, grade and year; otherwise the classrooms left once
 * the school's other grades (that year's projected pupils, `counts` in computeGradeCounts layout)
 * have the classes they need within the cap, ceil(n / cap) each (DOMAIN.md), × the entry grade's
 * class cap. A nine-year school shares the rooms left between its two entry grades in proportion
 * to their projected entrants (`entrants[g]`; half each when there are none), grade 1 taking the
 * odd room. Undefined when the school's classrooms are not known and no plan is given.
 */
export function computePlannedIntake(
  school: School,
  s: number,
  grade: number,
  counts: Int32Array,
  entrants: (g: number) => number,
  rules: Rules,
  plan?: number,
): PlannedIntake | undefined {
  if (plan !== undefined) return { places: plan, source: 'plan' };
  if (school.classrooms === undefined) return undefined;
  const entryGrades = [1, rules.primaryLastGrade + 1];
  const taught = gradesTaught(school.level, rules);
  const entries = entryGrades.filter((g) => taught.includes(g));
  let used = 0;
  for (const g of taught) {
    if (entries.includes(g)) continue;
    const n = counts[s * GRADE_STRIDE + g];
    if (n > 0) used += Math.ceil(n / classCapOfGrade(g, rules));
  }
  const free = Math.max(0, school.classrooms - used);
  let classes = free;
  if (entries.length === 2) {
    const [a, b] = entries.map(entrants);
    const firstShare = a + b === 0 ? 0.5 : a / (a + b);
    const forFirst = Math.round(free * firstShare);
    classes = grade === entries[0] ? forFirst : free - forFirst;
  }
  return { classes, places: classes * classCapOfGrade(grade, rules), source: 'rooms' };
}
