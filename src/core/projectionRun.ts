import { GRADE_STRIDE } from './aggregate';
import type { School } from './dataset';
import { applyDiversions } from './diversions';
import { computePointSchools } from './pointSchools';
import { createPrivateShares } from './privateShares';
import type { ProjectionInput, ProjectionNote, ProjectionYear, Projection } from './projection';
import { prepareSharedZoning, type SharedSplit } from './sharedProjection';
import { MAX_GRADE, ZONE_LEVELS, gradesTaught, teachesLevel } from './rules';
import type { ProjectionSettings, ScenarioRules } from './scenarioRules';
import { computeSchoolResult, summarizeCounts, type SchoolResult } from './simulation';
import { candidatePlaces, nearState, ranksChanged } from './projectionChanges';
import { computeEffectiveSchools, type ZoneState } from './zoneState';

// Every placement is rounded to a multiple of 2^-20 pupil before it is added: sums of such
// numbers below 2^32 are exact in a double, so they do not depend on the order of the additions,
// and taking a placement back out is exact too. That is what lets an edit re-place only the
// places whose school changed and still give, to the last bit, the from-scratch counts.
const QUANTUM = 2 ** 20;
const quantized = (x: number): number => Math.round(x * QUANTUM) / QUANTUM;

// The zone grid (cells a side) for the few places near an edit: they lie in a small box.
const LOCATE_GRID = 128;

/**
 * A projection kept so that the next zone state can be reached by re-placing only the places
 * (pupils' homes, units, housing estates) whose school changes; see createProjectionRun.
 */
export interface ProjectionRun {
  /** The projection under the run's current state (every year computed). */
  readonly projection: Projection;
  /** The zone state projected. */
  readonly state: ZoneState;
  /** Computes year `t` (0 = the base year) from scratch; years are computed in order. */
  projectYear(t: number): void;
  /** Years computed so far. */
  readonly yearsDone: number;
  /**
   * Moves the run to another zone state (same dataset, rules and settings), re-placing only the
   * places whose school changes and forming classes again only in schools whose pupils or
   * facilities change. A sink is told of the placements taken back (sign −1) and made again
   * (sign +1). Returns false, changing nothing, when the run cannot move incrementally (shared
   * zones, 多校划片, in either state): then a new run is needed.
   */
  moveTo(next: ZoneState): boolean;
}

/**
 * Prepares a projection (see computeProjection for what is projected): places, their zoning under
 * the dataset's and the scenario's zones, private shares; `projectYear` then computes the years one
 * at a time (so that a worker can answer other calls in between), `moveTo` follows later edits.
 */
export function createProjectionRun(input: ProjectionInput): ProjectionRun {
  const { dataset, scenario, settings, rules, sink } = input;
  let state = input.state;
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
  // Per level, the places whose zone the overlap rule chose under the current state (in several
  // zones, or on a boundary only): only their zone can change when the zones' ranks change.
  const ranked = ZONE_LEVELS.map(() => new Uint8Array(lx.length));
  const zoning = ZONE_LEVELS.map((level, k) => {
    const mark = (i: number) => (ranked[k][i] = 1);
    const old = computePointSchools(dataset.zoneState, level, lx, ly, lunit, rules.overlapRule, S, undefined, state === dataset.zoneState ? mark : undefined);
    return { old, next: state === dataset.zoneState ? old : computePointSchools(state, level, lx, ly, lunit, rules.overlapRule, S, undefined, mark) };
  });
  // Places in a shared zone (多校划片): values from S on, split by the zone's weights.
  const shared: SharedSplit[][] = prepareSharedZoning(dataset, state, rules, zoning);

  const openYear = Float64Array.from(schools, (s) => s.opens ?? -Infinity);
  for (const o of scenario.openings) if (index.has(o.schoolId)) openYear[index.get(o.schoolId)!] = o.year;
  // A shared zone applies once all its schools are open.
  const isOpen = (k: number, s: number, year: number) => (s < S ? openYear[s] <= year : shared[k][s - S].schools.every((m) => openYear[m] <= year));
  const phaseFrom = scenario.phaseIn?.fromYear;
  const zoneSchool = (next: Int32Array, k: number, loc: number, year: number): number => {
    if (phaseFrom === undefined || year >= phaseFrom) {
      const s = next[loc];
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
  const years = settings.years;

  // Per year: pupils by school and grade before rounding, and those in no zone by level.
  const counts: Float64Array[] = [];
  const unassigned: Float64Array[] = [];
  const done: ProjectionYear[] = [];
  let birthsWithoutPlace = 0;
  // Diversions carry their pupils from year to year (see applyDiversions).
  let diverting = new Map<number, Map<number, number>>();

  /**
   * Places w pupils of `loc` in grade g in year index t (see ProjectionSink). With `zonedOnly`,
   * only the part that depends on the zoning is placed, × `sign`, read from `next` (how a place
   * whose school changed is taken out and put back): the rest cancels out.
   */
  const place = (t: number, loc: number, fixed: number, g: number, w: number, baseRow: number, fresh: boolean, zonedOnly = false, sign: 1 | -1 = 1, next = zoning[levelOf(g)].next) => {
    const Y = base + t;
    const c = counts[t];
    if (fixed >= 0 && taught[fixed].has(g) && openYear[fixed] <= Y) {
      if (zonedOnly) return;
      const placed = quantized(w);
      c[fixed * GRADE_STRIDE + g] += placed;
      sink?.(Y, loc, baseRow, g, fixed, 1, w, 1, placed);
      return;
    }
    const k = levelOf(g);
    const entered = Y - (g - firstGrade[k]);
    let zoned = w;
    // The zoned share of w, for the sink (zoned itself keeps the arithmetic the counts always had).
    let zonedShare = 1;
    if (entered > base) {
      for (const [r, share] of shares(k, entered, fresh && k === 0)) {
        zoned -= w * share;
        zonedShare -= share;
        if (zonedOnly) continue;
        const placed = quantized(w * share);
        c[r * GRADE_STRIDE + g] += placed;
        sink?.(Y, loc, baseRow, g, r, share, w, 1, placed);
      }
    }
    let s: number;
    if (phaseFrom === undefined) s = zoneSchool(next, k, loc, Y);
    else if (entered < phaseFrom && baseRow >= 0 && entered <= base) s = enrolledSchool(baseRow, k);
    else s = zoneSchool(next, k, loc, entered);
    if (s >= S) {
      const { schools: members, weights } = shared[k][s - S];
      const total = weights.reduce((a, x) => a + x, 0);
      members.forEach((m, j) => {
        const placed = sign * quantized((zoned * weights[j]) / total);
        c[m * GRADE_STRIDE + g] += placed;
        sink?.(Y, loc, baseRow, g, m, (zonedShare * weights[j]) / total, w, sign, placed);
      });
    } else if (s >= 0) {
      const placed = sign * quantized(zoned);
      c[s * GRADE_STRIDE + g] += placed;
      sink?.(Y, loc, baseRow, g, s, zonedShare, w, sign, placed);
    } else unassigned[t][k] += sign * quantized(zoned);
  };

  const birthWeight = (byYear: ReadonlyMap<number, number>, entry: number, g: number) => (byYear.get(entry - 6) ?? 0) * settings.entryRate * cumulative[1][g];
  const estateWeight = (h: number, Y: number, g: number) => {
    const e = estates[h];
    const ramp = Math.max(0, Math.min(1, (Y - e.firstYear + 1) / e.rampYears));
    const k = levelOf(g);
    const grades = k === 0 ? rules.primaryLastGrade : MAX_GRADE - rules.primaryLastGrade;
    return (e.households * e.perHousehold[ZONE_LEVELS[k]] * ramp) / grades;
  };

  /** Every placement of one place in year index t that depends on its zoning, × sign, under `next` zoning. */
  const replace = (t: number, loc: number, sign: 1 | -1, next: Int32Array[]) => {
    const Y = base + t;
    const zoned = (fixed: number, g: number, w: number, baseRow: number, fresh: boolean) => place(t, loc, fixed, g, w, baseRow, fresh, true, sign, next[levelOf(g)]);
    if (loc < n) {
      const g = p.grade[loc] + t;
      if (g <= MAX_GRADE) zoned(p.fixedSchool[loc], g, cumulative[p.grade[loc]][g], loc, false);
      if (!births && p.grade[loc] === 1) {
        for (let entry = base + 1; entry <= Y; entry++) {
          const ge = 1 + Y - entry;
          if (ge <= MAX_GRADE) zoned(p.fixedSchool[loc], ge, cumulative[1][ge], -1, true);
        }
      }
    } else if (loc < n + U) {
      const byYear = births?.get(loc - n);
      if (!byYear || !Number.isFinite(lx[loc])) return;
      for (let entry = base + 1; entry <= Y; entry++) {
        const g = 1 + Y - entry;
        if (g > MAX_GRADE) continue;
        const w = birthWeight(byYear, entry, g);
        if (w !== 0) zoned(-1, g, w, -1, false);
      }
    } else {
      const h = loc - n - U;
      if (Y < estates[h].firstYear) return;
      for (let g = 1; g <= MAX_GRADE; g++) zoned(-1, g, estateWeight(h, Y, g), -1, false);
    }
  };

  /** Rounds, diverts, and forms classes of year index t; schools whose pupils and facilities are as in `previous` keep its result. */
  const finishYear = (t: number, diverted: Map<number, Map<number, number>>, previous?: ProjectionYear): ProjectionYear => {
    const Y = base + t;
    const whole = Int32Array.from(counts[t], Math.round);
    applyDiversions(whole, scenario, Y, index, taught, levelOf, diverted);
    const inEffect = schoolsInYear(schools, state, scenario, Y, openYear, index);
    const results: SchoolResult[] = inEffect.map((school, s) => {
      if (previous && previous.schools[s] === school && sameSlice(previous.counts, whole, s)) return previous.result.schools[s];
      return computeSchoolResult(school, s, whole, Y, rules);
    });
    const unassignedByLevel = { primary: Math.round(unassigned[t][0]), junior: Math.round(unassigned[t][1]) };
    let pupils = unassignedByLevel.primary + unassignedByLevel.junior;
    for (let i = 0; i < whole.length; i++) pupils += whole[i];
    return { year: Y, schools: inEffect, counts: whole, result: { schools: results, summary: summarizeCounts({ input: pupils, pupils, rejected: 0 }, unassignedByLevel, results) } };
  };

  const run: ProjectionRun = {
    get state() {
      return state;
    },
    get yearsDone() {
      return done.length;
    },
    get projection(): Projection {
      while (done.length <= years) run.projectYear(done.length);
      const notes: ProjectionNote[] = [];
      if (!births) notes.push({ code: 'intakeRepeats' });
      else {
        const covered = gradeOneRows.filter((i) => p.unit[i] >= 0 && births.has(p.unit[i])).length;
        if (gradeOneRows.length > 0 && covered < gradeOneRows.length) notes.push({ code: 'birthsCoverage', share: covered / gradeOneRows.length });
        if (birthsWithoutPlace > 0) notes.push({ code: 'intakeWithoutPlace', births: Math.round(birthsWithoutPlace) });
      }
      return { baseYear: base, intake: births ? 'births' : 'repeat', years: done.slice(), notes };
    },
    projectYear(t: number): void {
      if (t !== done.length) throw new Error(`projection years are computed in order: ${done.length} next, not ${t}`);
      const Y = base + t;
      counts[t] = new Float64Array(S * GRADE_STRIDE);
      unassigned[t] = new Float64Array(2);
      // `fresh`: an entrant of a projected year whose private choice is already in the data (the
      // base year's grade 1 repeated), so only a rule's share applies to it at primary level.
      for (let i = 0; i < n; i++) {
        const g = p.grade[i] + t;
        if (g <= MAX_GRADE) place(t, i, p.fixedSchool[i], g, cumulative[p.grade[i]][g], i, false);
      }
      for (let entry = base + 1; entry <= Y; entry++) {
        const g = 1 + Y - entry;
        if (g > MAX_GRADE) continue;
        if (births) {
          for (const [u, byYear] of births) {
            const w = birthWeight(byYear, entry, g);
            if (w === 0) continue;
            if (Number.isFinite(lx[n + u])) place(t, n + u, -1, g, w, -1, false);
            else if (g === 1) birthsWithoutPlace += w;
          }
        } else {
          for (const i of gradeOneRows) place(t, i, p.fixedSchool[i], g, cumulative[1][g], -1, true);
        }
      }
      estates.forEach((e, h) => {
        if (Y < e.firstYear && !sink) return;
        for (let g = 1; g <= MAX_GRADE; g++) place(t, n + U + h, -1, g, estateWeight(h, Y, g), -1, false);
      });
      diverting = t === 0 ? new Map() : diverting;
      done.push(finishYear(t, diverting));
    },
    moveTo(next: ZoneState): boolean {
      if (hasShared(dataset.zoneState) || hasShared(state) || hasShared(next)) return false;
      if (next === state) return true;
      while (done.length <= years) run.projectYear(done.length);
      const changedPlaces: number[] = [];
      const nextZoning = ZONE_LEVELS.map((level, k) => {
        const current = zoning[k].next;
        const candidates = candidatePlaces(state, next, level, lx, ly, lunit, U);
        if (ranksChanged(state, next, level, rules.overlapRule)) {
          const listed = new Set(candidates);
          for (let i = 0; i < lx.length; i++) if (ranked[k][i] === 1 && !listed.has(i)) candidates.push(i);
        }
        if (candidates.length === 0) return current;
        const cx = Float64Array.from(candidates, (i) => lx[i]);
        const cy = Float64Array.from(candidates, (i) => ly[i]);
        const cu = Int32Array.from(candidates, (i) => lunit[i]);
        for (const i of candidates) ranked[k][i] = 0;
        const found = computePointSchools(nearState(next, level, cx, cy), level, cx, cy, cu, rules.overlapRule, S, LOCATE_GRID, (c) => (ranked[k][candidates[c]] = 1));
        let moved: Int32Array | undefined;
        candidates.forEach((loc, c) => {
          if (found[c] === current[loc]) return;
          // A copy: the current zoning is read again below to take the old placements out.
          moved ??= current.slice();
          moved[loc] = found[c];
          changedPlaces.push(loc);
        });
        return moved ?? current;
      });
      const before = zoning.map((z) => z.next);
      const places = [...new Set(changedPlaces)];
      for (let t = 0; t <= years; t++) {
        for (const loc of places) {
          replace(t, loc, -1, before);
          replace(t, loc, 1, nextZoning);
        }
      }
      zoning.forEach((z, k) => (z.next = nextZoning[k]));
      state = next;
      const diverted = new Map<number, Map<number, number>>();
      for (let t = 0; t <= years; t++) done[t] = finishYear(t, diverted, done[t]);
      return true;
    },
  };
  return run;
}

const hasShared = (state: ZoneState): boolean => state.shared.primary.size > 0 || state.shared.junior.size > 0;

function sameSlice(a: Int32Array, b: Int32Array, s: number): boolean {
  for (let i = s * GRADE_STRIDE; i < (s + 1) * GRADE_STRIDE; i++) if (a[i] !== b[i]) return false;
  return true;
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
