import type { Dataset, School } from './dataset';
import { createProjectionRun } from './projectionRun';
import type { Rules } from './rules';
import type { ProjectionSettings, ScenarioRules } from './scenarioRules';
import type { SimulationResult } from './simulation';
import type { ZoneState } from './zoneState';

/** One projected school year. */
export interface ProjectionYear {
  year: number;
  /** The schools as they are that year: openings, added classrooms and facility changes applied. */
  schools: School[];
  /** Pupils by school and grade (computeGradeCounts layout), rounded to whole pupils. */
  counts: Int32Array;
  result: SimulationResult;
}

/** Something a planner must know to read a projection. */
export type ProjectionNote =
  | { code: 'intakeRepeats' }
  | { code: 'birthsCoverage'; share: number }
  | { code: 'intakeWithoutPlace'; births: number };

/** A scenario projected year by year from the base year (included) on. */
export interface Projection {
  baseYear: number;
  /** Where grade-1 intake comes from: births per unit, or the base year's grade 1 repeated. */
  intake: 'births' | 'repeat';
  years: ProjectionYear[];
  notes: ProjectionNote[];
}

/** What a projection needs: the dataset, the scenario's zoning and rules, and how to project. */
export interface ProjectionInput {
  dataset: Dataset;
  state: ZoneState;
  scenario: ScenarioRules;
  settings: ProjectionSettings;
  rules: Rules;
  /** Told of every placement before rounding (see ProjectionSink); for the warning's ranges. */
  sink?: ProjectionSink;
}

/**
 * A placement of pupils in a projected year, before rounding and diversions: `weight` pupils of the
 * source at `loc` (a pupil row below `dataset.pupils.count`, then a unit, then a housing estate),
 * `fraction` of whom go to `school` in `grade`. `baseRow` is the pupil row of a base-year pupil
 * moving up, −1 for an entrant. With a sink, estates are placed also before they fill (weight 0), so
 * that their school is known in every year. `sign` is 1 for a placement made; −1 when a run that
 * follows edits (ProjectionRun.moveTo) takes back a placement of a place whose school changes (it
 * then tells the new one with 1): a sink used with such a run must subtract it. `placed` is what the
 * placement adds to the school's count before rounding (sign included): weight × fraction as the
 * run computes it, rounded to a multiple of 2^-20 pupil, so that a sink's sums of it are exact and
 * round as the projection's counts do.
 */
export type ProjectionSink = (year: number, loc: number, baseRow: number, grade: number, school: number, fraction: number, weight: number, sign: 1 | -1, placed: number) => void;

/**
 * Projects enrollment for the base year and `settings.years` years after it (DOMAIN.md): pupils move
 * up a grade a year (× progression), grade 9 leaves, the first junior grade goes to the junior zone
 * of home; grade-1 intake is births six years earlier per unit × the entry rate placed at the unit
 * (or the base year's grade 1 again when there are no births); housing estates add pupils; a share
 * of each entering cohort goes to private schools (observed in the base year unless a rule sets
 * it). Zoning: without phase-in the scenario's zones apply to every pupil every year; with it, from
 * its year to new entrants only, the others staying where they entered (pupils enrolled in the base
 * year: their `school_id` school, else their zone's). A zone of a school not yet open falls back to
 * the dataset's zoning. Pupils of a zone shared by several schools (多校划片): those of the base
 * year keep the school its draw gave them; entrants (and pupils entering the junior level) living
 * in one are split among its schools by the base year's lottery weights, the same each year; the
 * shared zone applies once all its schools are open. Diversions move whole cohorts after counting. Every year is then formed into
 * classes by the same engine. Weights are fractional (each placement kept to 2^-20 of a pupil, so that
 * sums are exact); counts are rounded per school and grade. See createProjectionRun for a projection
 * that follows edits.
 */
export function computeProjection(input: ProjectionInput): Projection {
  return createProjectionRun(input).projection;
}
