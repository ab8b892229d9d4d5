import { GRADE_STRIDE } from '../aggregate';
import type { Dataset, School } from '../dataset';
import { computeProjection } from '../projection';
import { ZONE_LEVELS, type Rules, type ZoneLevel } from '../rules';
import type { ProjectionSettings, ScenarioRules } from '../scenarioRules';
import type { ZoneState } from '../zoneState';
import { cellUnitOf } from './cellUnit';
import type { PupilEntries } from './unitPupils';

/** A future year to balance: the pupils of `year` only, or of every year from the base year up to it. */
export interface FutureYears {
  year: number;
  everyYear: boolean;
  /** The scenario's rules and projection settings (openings, added rooms, private shares, phase-in). */
  scenario: ScenarioRules;
  projection: ProjectionSettings;
}

/** The pupils of projected years as the balancer needs them. */
export interface ProjectedPupils {
  /** Calendar years of the year slots. */
  years: number[];
  /** Per balanced level (in the order asked), the pupils that follow their unit's zone. */
  entries: PupilEntries[];
  /**
   * Per year slot, pupils by school and grade (computeGradeCounts layout), all levels, before
   * rounding: the projection's counts are these rounded (diversions included).
   */
  counts: Float64Array[];
  /** Per year slot, the schools as they are that year (openings, added rooms). */
  schools: School[][];
}

/**
 * The pupils of the years `future` asks for, projected (computeProjection) from the scenario's
 * state: per balanced level, whole pupils by unit, year slot, school and grade of those who follow
 * their unit's zone — not pupils at a fixed school (their `school_id` outside the zone system), not a
 * private school's share of an intake, not pupils who stay on their old zoning under a phase-in
 * rule; a place without a unit (a housing estate, a pupil without one) counts with the unit whose
 * cell holds it (cellUnitOf), as its cell carries it when the unit moves. Each (unit, slot, school,
 * grade) figure is the exact sum of the projection's placements (multiples of 2^-20 pupil), so that
 * any sum of them rounds as the projection's count of the same pupils does.
 * The year slots are `future.year` alone, or every year from the base year up to it.
 */
export function projectPupils(dataset: Dataset, state: ZoneState, rules: Rules, levels: ZoneLevel[], future: FutureYears): ProjectedPupils {
  const base = dataset.baseYear;
  const years = future.everyYear ? Array.from({ length: future.year - base + 1 }, (_, t) => base + t) : [future.year];
  const slotOf = new Map(years.map((y, k) => [y, k]));
  const p = dataset.pupils;
  const n = p.count;
  const U = dataset.unitIds.length;
  const estates = dataset.housing ?? [];
  const firstGrade = [1, rules.primaryLastGrade + 1];
  const levelSlot = ZONE_LEVELS.map((l) => levels.indexOf(l));
  const phaseFrom = future.scenario.phaseIn?.fromYear;
  // Per balanced level: (unit, slot, school + 1, grade) → fractional pupils.
  const sums = levels.map(() => new Map<number, number>());
  const S1 = dataset.schools.length + 1;
  // Per year slot, every placement by school and grade: the projection's counts before rounding.
  const placedIn = years.map(() => new Float64Array(dataset.schools.length * GRADE_STRIDE));
  // A place without a unit goes with the unit whose cell holds it (kept per level and place).
  const cellUnits = [new Map<number, number>(), new Map<number, number>()];
  const unitAt = (k: number, loc: number): number => {
    const own = loc < n ? p.unit[loc] : loc < n + U ? loc - n : estates[loc - n - U].unit;
    if (own >= 0) return own;
    let u = cellUnits[k].get(loc);
    if (u === undefined) {
      const [x, y] = loc < n ? [p.x[loc], p.y[loc]] : [estates[loc - n - U].x, estates[loc - n - U].y];
      cellUnits[k].set(loc, (u = cellUnitOf(dataset, ZONE_LEVELS[k], rules.overlapRule, x, y)));
    }
    return u;
  };
  const projection = computeProjection({
    dataset,
    state,
    scenario: future.scenario,
    settings: { ...future.projection, years: future.year - base },
    rules,
    sink: (year, loc, _baseRow, g, school, _fraction, _weight, _sign, placed) => {
      const slot = slotOf.get(year);
      if (slot === undefined || placed === 0) return;
      placedIn[slot][school * GRADE_STRIDE + g] += placed;
      const k = g <= rules.primaryLastGrade ? 0 : 1;
      if (levelSlot[k] < 0) return;
      if (loc < n && p.fixedSchool[loc] >= 0 && p.fixedSchool[loc] === school) return;
      if (dataset.schools[school].ownership !== 'public') return;
      if (phaseFrom !== undefined && year - (g - firstGrade[k]) < phaseFrom) return;
      const unit = unitAt(k, loc);
      if (unit < 0) return;
      const key = ((unit * years.length + slot) * S1 + school + 1) * GRADE_STRIDE + g;
      const m = sums[levelSlot[k]];
      m.set(key, (m.get(key) ?? 0) + placed);
    },
  });
  const entries = sums.map((m) => {
    const e: PupilEntries = { unit: [], slot: [], school: [], grade: [], count: [] };
    for (const key of [...m.keys()].sort((a, b) => a - b)) {
      const count = m.get(key)!;
      if (count === 0) continue;
      const g = key % GRADE_STRIDE;
      const rest = Math.floor(key / GRADE_STRIDE);
      e.grade.push(g);
      e.school.push((rest % S1) - 1);
      e.slot.push(Math.floor(rest / S1) % years.length);
      e.unit.push(Math.floor(rest / S1 / years.length));
      e.count.push(count);
    }
    return e;
  });
  const inSlot = years.map((y) => projection.years.find((py) => py.year === y)!);
  // The diversions move whole pupils after rounding: they stay as the projection made them.
  const counts = inSlot.map((y, slot) => Float64Array.from(placedIn[slot], (v, i) => v - Math.round(v) + y.counts[i]));
  return { years, entries, counts, schools: inSlot.map((y) => y.schools) };
}
