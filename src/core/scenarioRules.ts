import type { ZoneLevel } from './rules';

/**
 * Phase-in (our term for the usual practice): the scenario's zoning applies from `fromYear` to new
 * entrants only (grade 1, and the first junior grade); pupils who entered their level earlier stay
 * at their school.
 */
export interface PhaseIn {
  fromYear: number;
}

/** A school that opens in `year` (overrides the dataset's `opens`). */
export interface SchoolOpening {
  schoolId: string;
  year: number;
}

/** Classrooms added to a school from `year` on. */
export interface ClassroomAddition {
  schoolId: string;
  year: number;
  rooms: number;
}

/**
 * The share (0..1) of each entering cohort of `level` (grade 1, or the first junior grade) that
 * goes to a private school, from `fromYear` on (default: the first projected year). It replaces the
 * share observed in the base year for that school.
 */
export interface PrivateShare {
  schoolId: string;
  level: ZoneLevel;
  share: number;
  fromYear?: number;
}

/**
 * 分流: in `year`, `count` pupils of the given grades move from one school to another (spread over
 * the grades in proportion to the first school's pupils); they stay there as they move up.
 */
export interface Diversion {
  fromSchoolId: string;
  toSchoolId: string;
  grades: number[];
  count: number;
  year: number;
}

/** A scenario's rules beyond its boundaries. */
export interface ScenarioRules {
  phaseIn?: PhaseIn;
  openings: SchoolOpening[];
  classroomAdditions: ClassroomAddition[];
  privateShares: PrivateShare[];
  diversions: Diversion[];
}

/** How a projection ages pupils and admits new ones. */
export interface ProjectionSettings {
  /** Years projected after the base year. */
  years: number;
  /** Grade-1 entrants per birth six years earlier (absorbs the 31 August cut-off). */
  entryRate: number;
  /** Pupils of grade g−1 who are in grade g a year later, per g (2..9); missing grades: 1. */
  progression: Record<number, number>;
}

/** No rules: the boundaries alone. */
export const NO_RULES: ScenarioRules = { openings: [], classroomAdditions: [], privateShares: [], diversions: [] };

/** Ten years, entry rate 1, every pupil moves up. */
export const DEFAULT_PROJECTION: ProjectionSettings = { years: 10, entryRate: 1, progression: {} };
