import { GRADE_STRIDE } from './aggregate';
import { computeClassFormation } from './classFormation';
import type { Dataset, School } from './dataset';
import { gradesTaught, maxSizeOfSchool, type Rules, type SchoolLevel, type ZoneLevel } from './rules';
import type { SharedZoneResult } from './sharedZones';

/** What the engine computes for one school. */
export interface SchoolResult {
  id: string;
  name: string;
  nameEn?: string;
  level: SchoolLevel;
  ownership: School['ownership'];
  /** Opens after the base year: no zone and no pupils yet. */
  planned: boolean;
  enrollment: number;
  /** Pupils and classes by grade for the grades the school teaches (index = grade). */
  grades: Record<number, number>;
  classes: Record<number, number>;
  /** Largest class of each grade taught (index = grade). */
  largestClass: Record<number, number>;
  totalClasses: number;
  maxClassSize: number;
  classesOverCap: number;
  largeClasses: number;
  extraLargeClasses: number;
  oversize: boolean;
  classrooms?: number;
  /** Classes needed to stay within the caps ÷ classrooms; undefined when rooms are not limited or 0. */
  utilization?: number;
  /** Rooms missing for one class per grade with pupils. */
  roomShortage: number;
}

/** County totals of a simulation. */
export interface CountySummary {
  /** Data rows read = assigned + unassigned + rejected. */
  input: number;
  assigned: number;
  unassigned: number;
  rejected: number;
  unassignedByLevel: Record<ZoneLevel, number>;
  schools: number;
  oversizeSchools: number;
  totalClasses: number;
  classesOverCap: number;
  largeClasses: number;
  extraLargeClasses: number;
}

/** Result of one simulation: per school (dataset order) and county totals. */
export interface SimulationResult {
  schools: SchoolResult[];
  summary: CountySummary;
  /** The zones shared by several schools (多校划片) with their pupils by school; absent when there are none. */
  shared?: SharedZoneResult[];
}

/**
 * Turns one school's grade counts into its result: class formation, flags and utilization.
 * `counts` is laid out as in `computeGradeCounts`; `s` is the school's index.
 */
export function computeSchoolResult(school: School, s: number, counts: Int32Array, baseYear: number, rules: Rules): SchoolResult {
  const byGrade = counts.subarray(s * GRADE_STRIDE, (s + 1) * GRADE_STRIDE);
  const formation = computeClassFormation(byGrade, school.classrooms, rules);
  const grades: Record<number, number> = {};
  const classes: Record<number, number> = {};
  const largestClass: Record<number, number> = {};
  let enrollment = 0;
  for (const g of gradesTaught(school.level, rules)) {
    grades[g] = byGrade[g];
    classes[g] = formation.classes[g];
    largestClass[g] = formation.largestClass[g];
    enrollment += byGrade[g];
  }
  const rooms = school.classrooms;
  return {
    id: school.id,
    name: school.name,
    nameEn: school.nameEn,
    level: school.level,
    ownership: school.ownership,
    planned: school.opens !== undefined && school.opens > baseYear,
    enrollment,
    grades,
    classes,
    largestClass,
    totalClasses: formation.totalClasses,
    maxClassSize: formation.maxClassSize,
    classesOverCap: formation.classesOverCap,
    largeClasses: formation.largeClasses,
    extraLargeClasses: formation.extraLargeClasses,
    oversize: enrollment > maxSizeOfSchool(school.level, rules),
    classrooms: rooms,
    utilization: rooms ? formation.classesNeededAtCap / rooms : undefined,
    roomShortage: formation.roomShortage,
  };
}

/** The results of every school, in dataset order (see computeSchoolResult). */
export function computeSchoolResults(schools: School[], counts: Int32Array, baseYear: number, rules: Rules): SchoolResult[] {
  return schools.map((school, s) => computeSchoolResult(school, s, counts, baseYear, rules));
}

/** County totals from school results and the unassigned pupils of each level. */
export function summarize(dataset: Dataset, unassignedByLevel: Record<ZoneLevel, number>, schools: SchoolResult[]): CountySummary {
  return summarizeCounts({ input: dataset.rowsRead, pupils: dataset.pupils.count, rejected: dataset.rejected.length }, unassignedByLevel, schools);
}

/**
 * County totals from school results: `pupils` placed (assigned or not), `input` rows read and
 * `rejected` rows (a projected year has no rows: input = pupils, rejected = 0).
 */
export function summarizeCounts(
  totals: { input: number; pupils: number; rejected: number },
  unassignedByLevel: Record<ZoneLevel, number>,
  schools: SchoolResult[],
): CountySummary {
  const unassigned = unassignedByLevel.primary + unassignedByLevel.junior;
  const sum = (f: (r: SchoolResult) => number) => schools.reduce((a, r) => a + f(r), 0);
  return {
    input: totals.input,
    assigned: totals.pupils - unassigned,
    unassigned,
    rejected: totals.rejected,
    unassignedByLevel: { ...unassignedByLevel },
    schools: schools.length,
    oversizeSchools: sum((r) => (r.oversize ? 1 : 0)),
    totalClasses: sum((r) => r.totalClasses),
    classesOverCap: sum((r) => r.classesOverCap),
    largeClasses: sum((r) => r.largeClasses),
    extraLargeClasses: sum((r) => r.extraLargeClasses),
  };
}
