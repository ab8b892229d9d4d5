import { GRADE_STRIDE } from './aggregate';
import type { Dataset, School } from './dataset';
import { applyDiversions } from './diversions';
import { computePointSchools } from './pointSchools';
import { createPrivateShares } from './privateShares';
import { prepareSharedZoning } from './sharedProjection';
import { MAX_GRADE, ZONE_LEVELS, gradesTaught, teachesLevel, type Rules } from './rules';
import type { ProjectionSettings, ScenarioRules } from './scenarioRules';
import { computeSchoolResults, summarizeCounts, type SimulationResult } from './simulation';
import { computeEffectiveSchools, type ZoneState } from './zoneState';

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
 * that their school is known in every year.
 */
export type ProjectionSink = (year: number, loc: number, baseRow: number, grade: number, school: number, fraction: number, weight: number) => void;

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
 * classes by the same engine. Weights are fractional; counts are rounded per school and grade.
 */
export function computeProjection(input: ProjectionInput): Projection {
  const { dataset, state, scenario, settings, rules, sink } = input;
  const base = dataset.baseYear;
  const p = dataset.pupils;
  const schools = dataset.schools;
  const S = schools.length;
  const n = p.count;
  const U = dataset.unitIds.length;
  const estates = dataset.housing ?? [];
  const index = new Map(schools.map((s, i) => [s.id, i]));
  const firstGrade = [1, rules.primaryLastGrade + 1];
  const levelOf = (g: number) => (g <= rules.primaryLastGrade ? 0 : 1);
  const taught = schools.map((s) => new Set(gradesTaught(s.level, rules)));

  // Places: pupils' homes, then units (where births are placed), then housing estates.
  const lx = new Float64Array(n + U + estates.length);
  const ly = new Float64Array(lx.length);
  const lunit = new Int32Array(lx.length);
  lx.set(p.x);
  ly.set(p.y);
  lunit.set(p.unit);
  lx.set(dataset.unitX, n);
  ly.set(dataset.unitY, n);
  for (let u = 0; u < U; u++) lunit[n + u] = u;
  estates.forEach((e, h) => {
    lx[n + U + h] = e.x;
    ly[n + U + h] = e.y;
    lunit[n + U + h] = e.unit;
  });
  const zoning = ZONE_LEVELS.map((level) => {
    const old = computePointSchools(dataset.zoneState, level, lx, ly, lunit, rules.overlapRule, S);
    return { old, next: state === dataset.zoneState ? old : computePointSchools(state, level, lx, ly, lunit, rules.overlapRule, S) };
  });
  // Places in a shared zone (多校划片): values from S on, split by the zone's weights.
  const shared = prepareSharedZoning(dataset, state, rules, zoning);

  const openYear = Float64Array.from(schools, (s) => s.opens ?? -Infinity);
  for (const o of scenario.openings) if (index.has(o.schoolId)) openYear[index.get(o.schoolId)!] = o.year;
  // A shared zone applies once all its schools are open.
  const isOpen = (k: number, s: number, year: number) => (s < S ? openYear[s] <= year : shared[k][s - S].schools.every((m) => openYear[m] <= year));
  const phaseFrom = scenario.phaseIn?.fromYear;
  const zoneSchool = (k: number, loc: number, year: number): number => {
    if (phaseFrom === undefined || year >= phaseFrom) {
      const s = zoning[k].next[loc];
      if (s >= 0 && isOpen(k, s, year)) return s;
    }
    return zoning[k].old[loc];
  };
  const enrolledSchool = (row: number, k: number): number => {
    const s = p.currentSchool[row];
    const ok = s >= 0 && schools[s].ownership === 'public' && teachesLevel(schools[s].level, ZONE_LEVELS[k]);
    return ok ? s : zoning[k].old[row];
  };

  const shares = createPrivateShares(dataset, scenario, rules, openYear, index);
  const cumulative = progressionTable(settings);
  const gradeOneRows: number[] = [];
  for (let i = 0; i < n; i++) if (p.grade[i] === 1) gradeOneRows.push(i);
  const births = dataset.births;

  const years: ProjectionYear[] = [];
  const diverted = new Map<number, Map<number, number>>();
  let birthsWithoutPlace = 0;
  for (let t = 0; t <= settings.years; t++) {
    const Y = base + t;
    const counts = new Float64Array(S * GRADE_STRIDE);
    const unassigned = [0, 0];
    // `fresh`: an entrant of a projected year whose private choice is already in the data (the
    // base year's grade 1 repeated), so only a rule's share applies to it at primary level.
    const place = (loc: number, fixed: number, g: number, w: number, baseRow: number, fresh: boolean) => {
      if (fixed >= 0 && taught[fixed].has(g) && openYear[fixed] <= Y) {
        counts[fixed * GRADE_STRIDE + g] += w;
        sink?.(Y, loc, baseRow, g, fixed, 1, w);
        return;
      }
      const k = levelOf(g);
      const entered = Y - (g - firstGrade[k]);
      let zoned = w;
      // The zoned share of w, for the sink (zoned itself keeps the arithmetic the counts always had).
      let zonedShare = 1;
      if (entered > base) {
        for (const [r, share] of shares(k, entered, fresh && k === 0)) {
          counts[r * GRADE_STRIDE + g] += w * share;
          zoned -= w * share;
          zonedShare -= share;
          sink?.(Y, loc, baseRow, g, r, share, w);
        }
      }
      let s: number;
      if (phaseFrom === undefined) s = zoneSchool(k, loc, Y);
      else if (entered < phaseFrom && baseRow >= 0 && entered <= base) s = enrolledSchool(baseRow, k);
      else s = zoneSchool(k, loc, entered);
      if (s >= S) {
        const { schools: members, weights } = shared[k][s - S];
        const total = weights.reduce((a, x) => a + x, 0);
        members.forEach((m, j) => {
          counts[m * GRADE_STRIDE + g] += (zoned * weights[j]) / total;
          sink?.(Y, loc, baseRow, g, m, (zonedShare * weights[j]) / total, w);
        });
      } else if (s >= 0) {
        counts[s * GRADE_STRIDE + g] += zoned;
        sink?.(Y, loc, baseRow, g, s, zonedShare, w);
      } else unassigned[k] += zoned;
    };

    for (let i = 0; i < n; i++) {
      const g = p.grade[i] + t;
      if (g <= MAX_GRADE) place(i, p.fixedSchool[i], g, cumulative[p.grade[i]][g], i, false);
    }
    for (let entry = base + 1; entry <= Y; entry++) {
      const g = 1 + Y - entry;
      if (g > MAX_GRADE) continue;
      if (births) {
        for (const [u, byYear] of births) {
          const w = (byYear.get(entry - 6) ?? 0) * settings.entryRate * cumulative[1][g];
          if (w === 0) continue;
          if (Number.isFinite(lx[n + u])) place(n + u, -1, g, w, -1, false);
          else if (g === 1) birthsWithoutPlace += w;
        }
      } else {
        for (const i of gradeOneRows) place(i, p.fixedSchool[i], g, cumulative[1][g], -1, true);
      }
    }
    estates.forEach((e, h) => {
      if (Y < e.firstYear && !sink) return;
      const ramp = Math.max(0, Math.min(1, (Y - e.firstYear + 1) / e.rampYears));
      for (let g = 1; g <= MAX_GRADE; g++) {
        const k = levelOf(g);
        const grades = k === 0 ? rules.primaryLastGrade : MAX_GRADE - rules.primaryLastGrade;
        place(n + U + h, -1, g, (e.households * e.perHousehold[ZONE_LEVELS[k]] * ramp) / grades, -1, false);
      }
    });

    const whole = Int32Array.from(counts, Math.round);
    applyDiversions(whole, scenario, Y, index, taught, levelOf, diverted);
    const inEffect = schoolsInYear(schools, state, scenario, Y, openYear, index);
    const results = computeSchoolResults(inEffect, whole, Y, rules);
    const unassignedByLevel = { primary: Math.round(unassigned[0]), junior: Math.round(unassigned[1]) };
    const pupils = whole.reduce((a, b) => a + b, 0) + unassignedByLevel.primary + unassignedByLevel.junior;
    years.push({ year: Y, schools: inEffect, counts: whole, result: { schools: results, summary: summarizeCounts({ input: pupils, pupils, rejected: 0 }, unassignedByLevel, results) } });
  }

  const notes: ProjectionNote[] = [];
  if (!births) notes.push({ code: 'intakeRepeats' });
  else {
    const covered = gradeOneRows.filter((i) => p.unit[i] >= 0 && births.has(p.unit[i])).length;
    if (gradeOneRows.length > 0 && covered < gradeOneRows.length) notes.push({ code: 'birthsCoverage', share: covered / gradeOneRows.length });
    if (birthsWithoutPlace > 0) notes.push({ code: 'intakeWithoutPlace', births: Math.round(birthsWithoutPlace) });
  }
  return { baseYear: base, intake: births ? 'births' : 'repeat', years, notes };
}

/** cumulative[g0][g]: the share of pupils of grade g0 in the base year still there in grade g. */
function progressionTable(settings: ProjectionSettings): number[][] {
  return Array.from({ length: MAX_GRADE + 1 }, (_, g0) => {
    const row = new Array<number>(MAX_GRADE + 1).fill(0);
    let product = 1;
    for (let g = g0; g <= MAX_GRADE; g++) {
      if (g > g0) product *= settings.progression[g] ?? 1;
      row[g] = product;
    }
    return row;
  });
}

/** The schools as they are in `year`: facility changes in effect, openings and added classrooms. */
function schoolsInYear(schools: School[], state: ZoneState, scenario: ScenarioRules, year: number, openYear: Float64Array, index: Map<string, number>): School[] {
  const effective = computeEffectiveSchools(schools, state, year);
  if (scenario.openings.length === 0 && scenario.classroomAdditions.length === 0) return effective;
  const added = new Map<number, number>();
  for (const a of scenario.classroomAdditions) {
    const s = index.get(a.schoolId);
    if (s !== undefined && a.year <= year) added.set(s, (added.get(s) ?? 0) + a.rooms);
  }
  return effective.map((school, s) => {
    const opens = Number.isFinite(openYear[s]) ? openYear[s] : undefined;
    const rooms = added.get(s);
    if (opens === school.opens && rooms === undefined) return school;
    return { ...school, opens, classrooms: rooms === undefined || school.classrooms === undefined ? school.classrooms : school.classrooms + rooms };
  });
}
