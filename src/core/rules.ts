/** School levels as they appear in the data contract. */
export const SCHOOL_LEVELS = ['primary', 'junior', 'nine_year'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** Zone levels: a pupil is zoned by the level their grade belongs to. */
export const ZONE_LEVELS = ['primary', 'junior'] as const;
export type ZoneLevel = (typeof ZONE_LEVELS)[number];

/** Highest grade of compulsory education (grades are 1..MAX_GRADE). */
export const MAX_GRADE = 9;

/**
 * Which zone a pupil living in several zones of a level goes to: the smallest by area (a zone
 * drawn inside another is almost always an exception carved out of it), ties by file order; or
 * the first in file order. File order is the order of the zones file, zones created by edits last.
 */
export const OVERLAP_RULES = ['smallestZone', 'fileOrder'] as const;
export type OverlapRule = (typeof OVERLAP_RULES)[number];

/**
 * How the pupils of a zone shared by several schools (多校划片) that are not enrolled at one of them
 * are shared out by the lottery: in proportion to each school's free places for the level, or
 * equally (see sharedZones.ts).
 */
export const SHARED_ZONE_WEIGHTS = ['freePlaces', 'equal'] as const;
export type SharedZoneWeights = (typeof SHARED_ZONE_WEIGHTS)[number];

/**
 * The rules the engine applies. Every threshold is a setting because local rules differ
 * (DOMAIN.md); `DEFAULT_RULES` holds the national figures.
 */
export interface Rules {
  /** Last primary grade: 6 under 六三制, 5 under 五四制. */
  primaryLastGrade: number;
  /** Class cap per level (pupils per class). */
  classCap: Record<ZoneLevel, number>;
  /** A school with more pupils than this is oversized (primary and junior schools). */
  maxSchoolSize: number;
  /** The same for nine-year schools (compulsory part). */
  maxNineYearSchoolSize: number;
  /** Smallest class size counted as 大班额 (large class). */
  largeClassMin: number;
  /** Smallest class size counted as 超大班额 (extra-large class). */
  extraLargeClassMin: number;
  /** Where zones of a level overlap, which one a pupil goes to. */
  overlapRule: OverlapRule;
  /** How a shared zone's lottery weighs its schools. */
  sharedZoneWeights: SharedZoneWeights;
  /** Seed of the shared zones' lottery (an integer): the same seed gives the same draw. */
  sharedZoneSeed: number;
}

export const DEFAULT_RULES: Rules = {
  primaryLastGrade: 6,
  classCap: { primary: 45, junior: 50 },
  maxSchoolSize: 2000,
  maxNineYearSchoolSize: 2500,
  largeClassMin: 56,
  extraLargeClassMin: 66,
  overlapRule: 'smallestZone',
  sharedZoneWeights: 'freePlaces',
  sharedZoneSeed: 2024,
};

/** The zone level a grade (1..9) belongs to under the rules' grade split. */
export function levelOfGrade(grade: number, rules: Rules): ZoneLevel {
  return grade <= rules.primaryLastGrade ? 'primary' : 'junior';
}

/** The class cap (pupils per class) that applies to a grade. */
export function classCapOfGrade(grade: number, rules: Rules): number {
  return rules.classCap[levelOfGrade(grade, rules)];
}

/** The grades (ascending) a school of the given level teaches. */
export function gradesTaught(level: SchoolLevel, rules: Rules): number[] {
  const all = Array.from({ length: MAX_GRADE }, (_, i) => i + 1);
  if (level === 'nine_year') return all;
  return all.filter((g) => levelOfGrade(g, rules) === level);
}

/** Whether a school of `level` admits pupils of zone level `zoneLevel`. */
export function teachesLevel(level: SchoolLevel, zoneLevel: ZoneLevel): boolean {
  return level === 'nine_year' || level === zoneLevel;
}

/** The size above which a school of this level is oversized (大规模学校). */
export function maxSizeOfSchool(level: SchoolLevel, rules: Rules): number {
  return level === 'nine_year' ? rules.maxNineYearSchoolSize : rules.maxSchoolSize;
}
