import { GRADE_STRIDE } from './aggregate';
import { computeAssignment, UNASSIGNED, type AssignmentWorkspace, type BoundaryPupils, type OverlapPupils } from './assignment';
import { computeTouchingZones } from './boundaryTouch';
import type { Dataset, School } from './dataset';
import { cellOfPoint, computeGridFrame } from './gridFrame';
import { ZONE_LEVELS, type Rules, type ZoneLevel } from './rules';
import { createSharedZoneIds, registerSharedZones, resolveSharedZones, zonesById, type SharedZoneIds, type SharedZoneResult } from './sharedZones';
import { computeSchoolResult, computeSchoolResults, summarize, type SchoolResult, type SimulationResult } from './simulation';
import { buildZoneGrid, OUTSIDE } from './zoneGrid';
import { locateInGrid } from './zoneLocate';
import { computeEffectiveSchools, computeFacilityChanges, computeStateChanges, type MultiPolygonCoords, type StateChange, type ZoneState } from './zoneState';
import { computeZoneRanks, computeZoneSet } from './zoneSet';

/**
 * A dataset simulated under a zone state, kept so that the next state can be reached by
 * recomputing only what changed. The arrays are updated in place by `applyZoneState`.
 */
export interface ScenarioRun {
  state: ZoneState;
  /** The schools with the state's facility changes in effect in the base year. */
  schools: School[];
  /** Ids of the shared zones the run has met (zone ids from the school count on). */
  sharedIds: SharedZoneIds;
  /** Zone containing each pupil: a school index, a shared zone's id (see SharedZoneIds), or UNASSIGNED. */
  zoneOf: Int32Array;
  /** School each pupil's zone gives them (ignoring unit assignments): a shared zone's by its draw; or UNASSIGNED. */
  zoneSchoolOf: Int32Array;
  /** Pupils living in several zones of their level, with those zones' ids (best rank first). */
  overlaps: OverlapPupils;
  /** Pupils in no zone placed on a zone's boundary by the boundary rule. */
  onBoundary: BoundaryPupils;
  /** School each pupil attends: a unit assignment of their level, else the zone's school. */
  schoolOf: Int32Array;
  /** Pupils by school and grade (computeGradeCounts layout). */
  counts: Int32Array;
  unassignedByLevel: Record<ZoneLevel, number>;
  /** Per level, the shared zones with their pupils by school (resolveSharedZones). */
  shared: Record<ZoneLevel, SharedZoneResult[]>;
  result: SimulationResult;
}

/** Per level, the school each unit is assigned to (−1: none), as a dense array. */
function unitTargets(dataset: Dataset, state: ZoneState, level: ZoneLevel): Int32Array {
  const t = new Int32Array(dataset.unitIds.length).fill(-1);
  for (const [u, s] of state.unitSchool[level]) t[u] = s;
  return t;
}

/** A simulation result, with the shared zones of both levels when there are any. */
function resultOf(schools: SchoolResult[], summary: SimulationResult['summary'], shared: ScenarioRun['shared']): SimulationResult {
  const all = [...shared.primary, ...shared.junior];
  return all.length > 0 ? { schools, summary, shared: all } : { schools, summary };
}

/**
 * Simulates a dataset under a zone state from scratch (the twin of `applyZoneState`): zone
 * assignment of every pupil (a shared zone is one more zone), the draw of the shared zones' pupils,
 * then unit assignments, counts, classes and county totals.
 */
export function computeScenarioRun(dataset: Dataset, state: ZoneState, rules: Rules, workspace?: AssignmentWorkspace): ScenarioRun {
  const S = dataset.schools.length;
  const sharedIds = createSharedZoneIds(S);
  registerSharedZones(sharedIds, state);
  const zoneSet = (level: ZoneLevel) => computeZoneSet(level, zonesById(state, level, sharedIds), rules.overlapRule);
  const zones = { primary: zoneSet('primary'), junior: zoneSet('junior') };
  // Counts have a row per shared zone too; its pupils move to their drawn schools below.
  const assigned = computeAssignment(dataset.pupils, zones, S + sharedIds.groups.length, workspace);
  const zoneOf = assigned.schoolOf.slice();
  const zoneSchoolOf = assigned.schoolOf.slice();
  const all = assigned.counts;
  const p = dataset.pupils;
  const effective = computeEffectiveSchools(dataset.schools, state, dataset.baseYear);
  const shared = { primary: [] as SharedZoneResult[], junior: [] as SharedZoneResult[] };
  for (const level of ZONE_LEVELS) {
    const resolved = resolveSharedZones(level, state, sharedIds, p, zoneOf, effective, rules, zoneSchoolOf);
    shared[level] = resolved.zones;
    for (const i of resolved.rows) {
      all[zoneOf[i] * GRADE_STRIDE + p.grade[i]]--;
      all[zoneSchoolOf[i] * GRADE_STRIDE + p.grade[i]]++;
    }
  }
  const counts = all.length === S * GRADE_STRIDE ? all : all.slice(0, S * GRADE_STRIDE);
  const schoolOf = zoneSchoolOf.slice();
  const unassignedByLevel = { primary: 0, junior: 0 };
  ZONE_LEVELS.forEach((level, k) => {
    const targets = state.unitSchool[level].size > 0 ? unitTargets(dataset, state, level) : undefined;
    for (let i = p.segmentStart[k]; i < p.segmentStart[k + 1]; i++) {
      const u = p.unit[i];
      const target = targets && u >= 0 ? targets[u] : -1;
      if (target >= 0 && target !== schoolOf[i]) {
        if (schoolOf[i] >= 0) counts[schoolOf[i] * GRADE_STRIDE + p.grade[i]]--;
        counts[target * GRADE_STRIDE + p.grade[i]]++;
        schoolOf[i] = target;
      }
      if (schoolOf[i] === UNASSIGNED) unassignedByLevel[level]++;
    }
  });
  if (state === dataset.zoneState && !ownOverlaps.has(dataset)) ownOverlaps.set(dataset, overlapLevels(dataset, assigned.overlaps));
  const schools = computeSchoolResults(effective, counts, dataset.baseYear, rules);
  return {
    state,
    schools: effective,
    sharedIds,
    zoneOf,
    zoneSchoolOf,
    overlaps: assigned.overlaps,
    onBoundary: assigned.onBoundary,
    schoolOf,
    counts,
    unassignedByLevel,
    shared,
    result: resultOf(schools, summarize(dataset, unassignedByLevel, schools), shared),
  };
}

/** Simulates a dataset's own zoning from scratch: the results of computeScenarioRun alone. */
export function simulate(dataset: Dataset, rules: Rules): SimulationResult {
  return computeScenarioRun(dataset, dataset.zoneState, rules).result;
}

/** A pupil whose school changed in a transition. */
export interface PupilMove {
  pupil: number;
  from: number;
  to: number;
}

/**
 * Moves a run to another zone state, recomputing only the pupils the change can touch, and the
 * pupils of units whose assignment changed. A pupil's zones can change only where a changed zone
 * was or is. Every edit gives a zone only land of zones it changes, or land in no zone, so when the
 * dataset's own zoning of a level puts no pupil in two zones, no state reached by edits does, and
 * the pupils to re-test are those in no zone or placed by the boundary rule, and those whose zones
 * include a changed one. Where the dataset's zones overlap, a change back (undo) can give a zone
 * land an unchanged zone keeps, so the pupils inside the changed zones are re-tested too. Pupils are
 * re-tested against the changed zones; their unchanged zones stay. A shared zone is a zone like
 * any other here. A level's draw (resolveSharedZones) depends only on its shared zones, the pupils
 * living in them and, under free-place weights, on the pupils of their schools' own zones and on
 * those schools' facilities: when any of these changes, all of the level's shared-zone pupils are
 * drawn again (they are few), so the draw is the one from scratch. Works for edits, undo and redo
 * alike. Returns the pupils that changed school.
 */
export function applyZoneState(run: ScenarioRun, dataset: Dataset, next: ZoneState, rules: Rules): PupilMove[] {
  const moves: PupilMove[] = [];
  const affected = new Set<number>();
  registerSharedZones(run.sharedIds, next);
  const facilities = computeFacilityChanges(run.state, next);
  run.schools = computeEffectiveSchools(dataset.schools, next, dataset.baseYear);
  const S = dataset.schools.length;
  const weighed = rules.sharedZoneWeights === 'freePlaces';
  for (const change of computeStateChanges(run.state, next)) {
    const { level } = change;
    const zonesChanged = change.schools.size > 0 || change.shared.size > 0;
    const settle = settler(run, dataset, next, level, moves, affected);
    const { retested, touched } = zonesChanged ? moveLevel(run, dataset, next, change, rules) : { retested: [], touched: new Set<number>() };
    // A level's draw changes only with its shared zones, their pupils, or (by free places) the own
    // zones' pupils or the facilities of their schools. Drawn before anyone settles: each pupil moves once.
    const inGroups = new Set([...next.shared[level].values()].flatMap((z) => z.schools));
    const redraw = next.shared[level].size > 0 || run.state.shared[level].size > 0
      ? change.shared.size > 0 || [...touched].some((z) => z >= S || (weighed && inGroups.has(z))) || (weighed && [...facilities].some((s) => inGroups.has(s)))
      : false;
    let drawn: number[] = [];
    if (redraw) {
      const resolved = resolveSharedZones(level, next, run.sharedIds, dataset.pupils, run.zoneOf, run.schools, rules, run.zoneSchoolOf);
      run.shared[level] = resolved.zones;
      drawn = resolved.rows;
    }
    for (const i of retested) settle(i);
    for (const i of drawn) settle(i);
    if (change.units.size > 0) {
      const p = dataset.pupils;
      const k = ZONE_LEVELS.indexOf(level);
      const unitChanged = new Uint8Array(dataset.unitIds.length);
      for (const u of change.units) unitChanged[u] = 1;
      for (let i = p.segmentStart[k]; i < p.segmentStart[k + 1]; i++) {
        const u = p.unit[i];
        if (u >= 0 && unitChanged[u] === 1) settle(i);
      }
    }
  }
  for (const s of facilities) affected.add(s);
  run.state = next;
  const schools = run.result.schools.slice();
  for (const s of affected) schools[s] = computeSchoolResult(run.schools[s], s, run.counts, dataset.baseYear, rules);
  run.result = resultOf(schools, summarize(dataset, run.unassignedByLevel, schools), run.shared);
  return moves;
}

/**
 * Settles pupil i of `level` under `next`: its school becomes its unit's assigned school, else its
 * zone's (run.zoneSchoolOf); counts, unassigned totals, affected schools and moves follow.
 */
function settler(run: ScenarioRun, dataset: Dataset, next: ZoneState, level: ZoneLevel, moves: PupilMove[], affected: Set<number>): (i: number) => void {
  const p = dataset.pupils;
  let targets: Int32Array | undefined;
  return (i: number) => {
    targets ??= unitTargets(dataset, next, level);
    const u = p.unit[i];
    const target = u >= 0 && targets[u] >= 0 ? targets[u] : run.zoneSchoolOf[i];
    const old = run.schoolOf[i];
    if (target === old) return;
    const g = p.grade[i];
    if (old >= 0) {
      run.counts[old * GRADE_STRIDE + g]--;
      affected.add(old);
    } else run.unassignedByLevel[level]--;
    if (target >= 0) {
      run.counts[target * GRADE_STRIDE + g]++;
      affected.add(target);
    } else run.unassignedByLevel[level]++;
    run.schoolOf[i] = target;
    moves.push({ pupil: i, from: old, to: target });
  };
}

/** Per dataset, whether its own zoning puts some pupil of the level in two zones. */
const ownOverlaps = new WeakMap<Dataset, Record<ZoneLevel, boolean>>();

function overlapLevels(dataset: Dataset, overlaps: OverlapPupils): Record<ZoneLevel, boolean> {
  const s = dataset.pupils.segmentStart;
  const flags = { primary: false, junior: false };
  for (const i of overlaps.keys()) flags[i < s[1] ? 'primary' : 'junior'] = true;
  return flags;
}

function ownZoningOverlaps(dataset: Dataset, rules: Rules): Record<ZoneLevel, boolean> {
  let flags = ownOverlaps.get(dataset);
  if (!flags) {
    flags = overlapLevels(dataset, computeScenarioRun(dataset, dataset.zoneState, rules).overlaps);
    ownOverlaps.set(dataset, flags);
  }
  return flags;
}

/**
 * The pupils of segment [from, to) whose zones may change (see applyZoneState), each once; with
 * `inside`, also every pupil that `inside` says may lie in a changed zone.
 */
function candidatesOf(run: ScenarioRun, from: number, to: number, zoneChanged: Uint8Array, inside?: (i: number) => boolean): number[] {
  const candidates: number[] = [];
  const zoneOf = run.zoneOf;
  const chosen = new Uint8Array(to - from);
  const add = (i: number) => {
    if (chosen[i - from] === 1) return;
    chosen[i - from] = 1;
    candidates.push(i);
  };
  // Imported constants can compile to property reads (CommonJS interop in Node): hoisted.
  const unassigned = UNASSIGNED;
  for (let i = from; i < to; i++) if (zoneOf[i] === unassigned || zoneChanged[zoneOf[i]] === 1 || (inside && inside(i))) add(i);
  for (const [i, zones] of run.overlaps) if (i >= from && i < to && zones.some((z) => zoneChanged[z] === 1)) add(i);
  for (const i of run.onBoundary) if (i >= from && i < to) add(i);
  return candidates;
}

/** The changed zones (zone id → geometry in the next state) and a small zone grid over them. */
function changedZoneGrid(zones: ReadonlyMap<number, MultiPolygonCoords>, rules: Rules) {
  const zoneSet = computeZoneSet('primary', zones, rules.overlapRule);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of zoneSet.polygons.flat()) {
    for (const ring of rings) {
      for (let j = 0; j < ring.length; j += 2) {
        minX = Math.min(minX, ring[j]);
        maxX = Math.max(maxX, ring[j]);
        minY = Math.min(minY, ring[j + 1]);
        maxY = Math.max(maxY, ring[j + 1]);
      }
    }
  }
  // A small grid over the changed zones only: a few thousand edges, built in well under a ms.
  return { zoneSet, grid: buildZoneGrid(zoneSet, computeGridFrame(minX, minY, maxX, maxY, 128)) };
}

/**
 * Re-tests the pupils of a level whose zones may have changed (see applyZoneState) and updates
 * their zone (run.zoneOf) and, for those now in a single-school zone or none, run.zoneSchoolOf
 * (shared zones are drawn afterwards). Returns the pupils re-tested, and the zones (ids) some pupil
 * left or entered.
 */
function moveLevel(run: ScenarioRun, dataset: Dataset, next: ZoneState, change: StateChange, rules: Rules): { retested: number[]; touched: Set<number> } {
  const { level } = change;
  const k = ZONE_LEVELS.indexOf(level);
  const p = dataset.pupils;
  const S = dataset.schools.length;
  const zoneChanged = new Uint8Array(S + run.sharedIds.groups.length);
  for (const s of change.schools) zoneChanged[s] = 1;
  for (const key of change.shared) zoneChanged[run.sharedIds.byKey.get(`${level}|${key}`)!] = 1;
  const zones = zonesById(next, level, run.sharedIds);
  const changed = changedZoneGrid(new Map([...zones].filter(([z]) => zoneChanged[z] === 1)), rules);
  const { grid } = changed;
  const inside = (i: number) => {
    const c = cellOfPoint(grid, p.x[i], p.y[i]);
    return c >= 0 && grid.cells[c] !== OUTSIDE;
  };
  const candidates = candidatesOf(run, p.segmentStart[k], p.segmentStart[k + 1], zoneChanged, ownZoningOverlaps(dataset, rules)[level] ? inside : undefined);
  const found = locateInChanged(dataset, changed, candidates);
  const ranks = computeZoneRanks(zones, rules.overlapRule);
  const byRank = (list: number[]) => list.sort((a, b) => ranks.get(a)! - ranks.get(b)!);
  const touched = new Set<number>();
  const place = (i: number, zone: number) => {
    if (run.zoneOf[i] !== zone) touched.add(run.zoneOf[i]).add(zone);
    run.zoneOf[i] = zone;
    if (zone < S) run.zoneSchoolOf[i] = zone;
  };
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c];
    const old = run.zoneOf[i];
    const inChanged = old === UNASSIGNED || zoneChanged[old] === 1;
    // Most candidates lie in one zone only, before and after.
    if (found.single[c] !== UNASSIGNED && inChanged && !run.overlaps.has(i) && !run.onBoundary.has(i)) {
      place(i, found.single[c]);
      continue;
    }
    // The unchanged zones the pupil lies in stay: those of a pupil in several, or the one zone of
    // a pupil re-tested only for lying inside a changed zone.
    const overlapping = run.overlaps.get(i);
    const kept = overlapping ? Array.from(overlapping).filter((z) => zoneChanged[z] === 0) : !inChanged && !run.onBoundary.has(i) ? [old] : [];
    const insideZones = byRank([...kept, ...found.inside(c)]);
    const wasPlaced = old !== UNASSIGNED;
    run.overlaps.delete(i);
    run.onBoundary.delete(i);
    if (insideZones.length > 0) {
      place(i, insideZones[0]);
      if (insideZones.length > 1) run.overlaps.set(i, Int32Array.from(insideZones));
      continue;
    }
    // In no zone: the boundary rule. A pupil that was in no zone and on no boundary is on no
    // unchanged zone's boundary (they did not move): only the others need the scan.
    const unchanged = wasPlaced ? computeTouchingZones(zones, p.x[i], p.y[i], (z) => zoneChanged[z] === 1) : [];
    const touching = byRank([...found.touching(c), ...unchanged]);
    place(i, touching.length > 0 ? touching[0] : UNASSIGNED);
    if (touching.length > 0) run.onBoundary.add(i);
  }
  return { retested: candidates, touched };
}

/**
 * For each candidate pupil (by its place c in `candidates`), the schools of the changed zones
 * containing it, and, when it is in none, those on whose boundary it lies; `single[c]` is the one
 * school when exactly one changed zone contains it (UNASSIGNED otherwise).
 */
function locateInChanged(dataset: Dataset, changed: ReturnType<typeof changedZoneGrid>, candidates: number[]) {
  const { zoneSet, grid } = changed;
  const n = candidates.length;
  const zoneOf = new Int32Array(n);
  const shared = new Map<number, number[]>();
  const edge = new Set<number>();
  const cx = new Float64Array(n);
  const cy = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    cx[c] = dataset.pupils.x[candidates[c]];
    cy[c] = dataset.pupils.y[candidates[c]];
  }
  locateInGrid(grid, cx, cy, zoneOf, (c, zs, count, onBoundary) => {
    shared.set(c, Array.from(zs.subarray(0, count), (z) => zoneSet.zoneSchool[z]));
    if (onBoundary) edge.add(c);
  });
  const single = new Int32Array(n);
  for (let c = 0; c < n; c++) single[c] = zoneOf[c] >= 0 ? zoneSet.zoneSchool[zoneOf[c]] : UNASSIGNED;
  for (const c of shared.keys()) single[c] = UNASSIGNED;
  const all = (c: number) => shared.get(c) ?? (zoneOf[c] >= 0 ? [zoneSet.zoneSchool[zoneOf[c]]] : []);
  return {
    single,
    inside: (c: number): number[] => (edge.has(c) ? [] : all(c)),
    touching: (c: number): number[] => (edge.has(c) ? all(c) : []),
  };
}
