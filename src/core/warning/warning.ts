import type { ProjectionInput } from '../projection';
import type { ZoneLevel } from '../rules';
import { computeDemandComponents, type DemandComponents } from './components';
import { computePlannedIntake, plannedPlaces, type IntakePlanRow, type PlannedIntake } from './intake';
import { tierOf, type Tier, type WarningSettings } from './settings';

/** Demand as a range from the seeded simulation: percentiles and the share of draws in each tier. */
export interface DemandRange {
  p10: number;
  p50: number;
  p90: number;
  /** Share (0..1) of draws whose ratio falls in each tier; undefined tiers when there are no places. */
  likelihood: Record<Tier, number>;
}

/** One school's entry grade in one year: demand, places, ratio and tier. */
export interface WarningRow {
  school: number;
  schoolId: string;
  level: ZoneLevel;
  grade: number;
  year: number;
  /** Projected entrants living in the zone (the scenario's projection). */
  demand: number;
  /** Undefined when the school's classrooms are unknown and no intake plan gives its places. */
  intake?: PlannedIntake;
  /** demand ÷ places (Infinity with demand and no places; 0 with neither). */
  ratio?: number;
  tier?: Tier;
  /** Filled by the ranges run. */
  range?: DemandRange;
}

/** The warning of a scenario before its ranges: the projection split into terms, and a row per cell. */
export interface WarningBase {
  components: DemandComponents;
  rows: WarningRow[];
  settings: WarningSettings;
}

/** demand ÷ places, with 0 / 0 = 0 and d / 0 = Infinity. */
export function ratioOf(demand: number, places: number): number {
  return places > 0 ? demand / places : demand > 0 ? Infinity : 0;
}

/**
 * 学位预警 of a scenario: for every public school with an entry grade and each year warned for its
 * level (settings.years), the projected entrants of its zone (computeDemandComponents), its planned
 * intake (computePlannedIntake: the intake plan, else its rooms), the ratio and the tier
 * (settings' thresholds). Rows in year, level, then school order.
 */
export function computeWarningBase(input: Omit<ProjectionInput, 'sink'>, settings: WarningSettings, plan: readonly IntakePlanRow[] = []): WarningBase {
  const components = computeDemandComponents(input, settings.years);
  const planned = new Map(plan.map((p) => [`${p.school}|${p.grade}|${p.year}`, plannedPlaces(p, input.rules)]));
  const { projection } = components;
  const byCell = new Map(components.cells.map((c) => [`${c.school}|${c.grade}|${c.t}`, c.demand]));
  const rows = components.cells.map((cell): WarningRow => {
    const y = projection.years[cell.t];
    const school = y.schools[cell.school];
    const intake = computePlannedIntake(school, cell.school, cell.grade, y.counts, (g) => byCell.get(`${cell.school}|${g}|${cell.t}`) ?? 0, input.rules, planned.get(`${cell.school}|${cell.grade}|${cell.year}`));
    const row: WarningRow = { school: cell.school, schoolId: school.id, level: cell.level, grade: cell.grade, year: cell.year, demand: cell.demand, intake };
    if (intake) {
      row.ratio = ratioOf(cell.demand, intake.places);
      row.tier = tierOf(row.ratio, settings);
    }
    return row;
  });
  return { components, rows, settings };
}
