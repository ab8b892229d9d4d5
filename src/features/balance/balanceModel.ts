import type { BalanceRequest } from '../../core/balance/buildInput';
import type { ProjectionSettings, ScenarioRules } from '../../core/scenarioRules';
import { DEFAULT_BALANCE_SETTINGS } from '../../core/balance/settings';
import type { BalanceMove, BalanceSettings, MoveReason } from '../../core/balance/types';
import type { ZoneLevel } from '../../core/rules';
import type { SimulationResult } from '../../core/simulation';
import type { ZoneEdit } from '../../core/zoneEdits';

/** Which schools may give or receive units: all, those over their limits and their neighbours, or those picked. */
export type BalanceScope = 'all' | 'nearOver' | 'picked';

/** What the planner sets in the 自动均衡 panel: the run's settings (distance limits, goal, seed) and its scope, locks and budget. */
export interface BalanceForm extends Pick<BalanceSettings, 'nearestSchools' | 'maxDistanceKm' | 'maxAddedKm' | 'entrantWeight' | 'phaseIn' | 'minOpeningUtilization' | 'iterations' | 'seed'> {
  level: ZoneLevel | 'both';
  scope: BalanceScope;
  /** Schools picked (in the table or on the map) when the scope is 'picked'. */
  picked: string[];
  /** Schools whose zones stay as they are (beyond the zones locked in the scenario), and units that stay. */
  lockedSchools: string[];
  lockedUnits: string[];
  /** Time budget, seconds (the search stops at it or at its iteration budget, whichever ends first). */
  timeLimitS: number;
  /** The year whose projected pupils are balanced (undefined: the base year's pupils). */
  year?: number;
  /** Balance every year from the base year to `year`, so that the plan holds in each. */
  everyYear: boolean;
}

/** The panel's settings before the planner changes them: both levels, every school, the balancer's defaults. */
export const DEFAULT_BALANCE_FORM: BalanceForm = {
  level: 'both',
  scope: 'all',
  picked: [],
  lockedSchools: [],
  lockedUnits: [],
  nearestSchools: DEFAULT_BALANCE_SETTINGS.nearestSchools,
  maxDistanceKm: DEFAULT_BALANCE_SETTINGS.maxDistanceKm,
  maxAddedKm: DEFAULT_BALANCE_SETTINGS.maxAddedKm,
  entrantWeight: DEFAULT_BALANCE_SETTINGS.entrantWeight,
  phaseIn: DEFAULT_BALANCE_SETTINGS.phaseIn,
  minOpeningUtilization: DEFAULT_BALANCE_SETTINGS.minOpeningUtilization,
  timeLimitS: (DEFAULT_BALANCE_SETTINGS.timeLimitMs ?? 3000) / 1000,
  iterations: DEFAULT_BALANCE_SETTINGS.iterations,
  seed: DEFAULT_BALANCE_SETTINGS.seed,
  everyYear: false,
};

/** Years a plan can be made for: the base year and this many after it (the projection's default span). */
export const BALANCE_YEARS_AHEAD = 10;

/** The scenario a plan is made from, as the balancing request needs it for projected years. */
export interface BalanceBase {
  baseYear: number;
  rules: ScenarioRules;
  projection: ProjectionSettings;
}

/**
 * The calendar years a plan holds in: the base year; the form's year; or, with every year, each
 * year from the base year to the form's.
 */
export function plannedYears(form: BalanceForm, baseYear: number): number[] {
  const last = form.year ?? baseYear;
  return form.everyYear ? Array.from({ length: last - baseYear + 1 }, (_, k) => baseYear + k) : [last];
}

/** Whether the form plans for projected pupils (a year after the base year, or every year up to one). */
export function plansAhead(form: BalanceForm, baseYear: number): boolean {
  const years = plannedYears(form, baseYear);
  return years.length > 1 || years[0] !== baseYear;
}

/**
 * The balancing request of the form: its levels and locks, and, for a year after the base year (or
 * every year up to one), the pupils the scenario's projection gives then, under its rules.
 */
export function balanceRequestOf(form: BalanceForm, base: BalanceBase): BalanceRequest {
  const future = plansAhead(form, base.baseYear);
  return {
    levels: form.level === 'both' ? ['primary', 'junior'] : [form.level],
    lockedSchoolIds: form.lockedSchools,
    lockedUnitIds: form.lockedUnits,
    ...(future && { future: { year: form.year ?? base.baseYear, everyYear: form.everyYear, scenario: base.rules, projection: base.projection } }),
  };
}

/** The balancer's settings of the form; `schoolIds` limits the schools that may change (undefined: all). Time in ms. */
export function balanceSettingsOf(form: BalanceForm, schoolIds?: string[]): BalanceSettings {
  return {
    seed: form.seed,
    iterations: form.iterations,
    timeLimitMs: form.timeLimitS * 1000,
    nearestSchools: form.nearestSchools,
    maxDistanceKm: form.maxDistanceKm,
    maxAddedKm: form.maxAddedKm,
    entrantWeight: form.entrantWeight,
    phaseIn: form.phaseIn,
    minOpeningUtilization: form.minOpeningUtilization,
    ...(schoolIds && { schoolIds }),
  };
}

/** One row of the moves table. */
export interface MoveRow {
  /** The move's index in the plan. */
  index: number;
  unitId: string;
  unit: string;
  level: ZoneLevel;
  from: string;
  to: string;
  /** Pupils who change school by grade (grades with none left out), and their total. */
  grades: { grade: number; n: number }[];
  pupils: number;
  /** Added home–school distance per pupil, km. */
  addedKm: number;
  reason: MoveReason;
  removed: boolean;
}

/**
 * The moves table of a plan: one row per move in plan order, unit and schools named by `unitName`
 * and `schoolName`, and marked `removed` when its index is in `removed`.
 */
export function computeMoveRows(moves: BalanceMove[], removed: readonly number[], unitName: (id: string) => string, schoolName: (id: string) => string): MoveRow[] {
  const gone = new Set(removed);
  return moves.map((m, index) => {
    const grades = m.pupilsByGrade.flatMap((n, grade) => (n > 0 ? [{ grade, n }] : []));
    return {
      index,
      unitId: m.unitId,
      unit: unitName(m.unitId),
      level: m.level,
      from: m.from === '' ? '' : schoolName(m.from),
      to: schoolName(m.to),
      grades,
      pupils: grades.reduce((a, g) => a + g.n, 0),
      addedKm: m.addedKm,
      reason: m.reason,
      removed: gone.has(index),
    };
  });
}

/** The moves the planner kept: the plan's moves without those whose index is in `removed`, in plan order. */
export function keptMoves(moves: BalanceMove[], removed: readonly number[]): BalanceMove[] {
  const gone = new Set(removed);
  return moves.filter((_, i) => !gone.has(i));
}

/** The edits of the scenario a plan becomes: the scenario's own edits it was made from, then one `assignUnits` per kept move. */
export function planScenarioEdits(baseEdits: ZoneEdit[], moves: BalanceMove[], removed: readonly number[]): ZoneEdit[] {
  return [...baseEdits, ...keptMoves(moves, removed).map((m) => m.edit)];
}

/** A school over its limits in a result: over its size limit, or with classes over the cap; `year` when the result is a projected year's. */
export interface LimitBreak {
  id: string;
  enrollment: number;
  oversize: boolean;
  classesOverCap: number;
  year?: number;
}

/**
 * The public schools of `result` over their limits (oversize or classes over the cap), in the
 * result's order: the limits a plan answers for (it never moves pupils to or from a private school).
 */
export function computeLimitBreaks(result: SimulationResult, year?: number): LimitBreak[] {
  return result.schools.filter((r) => r.ownership === 'public' && (r.oversize || r.classesOverCap > 0)).map((r) => ({ id: r.id, enrollment: r.enrollment, oversize: r.oversize, classesOverCap: r.classesOverCap, ...(year !== undefined && { year }) }));
}

/** Each school over its limits in some year of `years` (results by year), with the first such year. */
export function firstYearBreaks(years: { year: number; result: SimulationResult }[]): LimitBreak[] {
  const first = new Map<string, LimitBreak>();
  for (const { year, result } of years) for (const b of computeLimitBreaks(result, year)) if (!first.has(b.id)) first.set(b.id, b);
  return [...first.values()];
}

/** Ids of the public schools over their limits in `result`. */
export function overLimitIds(result: SimulationResult): Set<string> {
  return new Set(computeLimitBreaks(result).map((b) => b.id));
}

/** The name of the next auto-balanced scenario: `template` ("自动均衡 {n}") with the least n ≥ 1 no scenario has. */
export function nextBalanceName(names: readonly string[], template: (n: number) => string): string {
  const taken = new Set(names);
  let n = 1;
  while (taken.has(template(n))) n++;
  return template(n);
}
