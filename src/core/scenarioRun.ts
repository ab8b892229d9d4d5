import { GRADE_STRIDE } from './aggregate';
import { computeAssignment, UNASSIGNED, type AssignmentWorkspace, type BoundaryPupils, type OverlapPupils } from './assignment';
import { computeTouchingZones } from './boundaryTouch';
import type { Dataset, School } from './dataset';
import { cellOfPoint, computeGridFrame } from './gridFrame';
import { ZONE_LEVELS, type Rules, type ZoneLevel } from './rules';
import { computeSchoolResult, computeSchoolResults, summarize, type SimulationResult } from './simulation';
import { buildZoneGrid, locateInGrid, OUTSIDE } from './zoneGrid';
import { computeEffectiveSchools, computeFacilityChanges, computeStateChanges, computeZoneRanks, computeZoneSet, type MultiPolygonCoords, type StateChange, type ZoneState } from './zoneState';

/**
 * A dataset simulated under a zone state, kept so that the next state can be reached by
 * recomputing only what changed. The arrays are updated in place by `applyZoneState`.
 */
export interface ScenarioRun {
  state: ZoneState;
  /** The schools with the state's facility changes in effect in the base year. */
  schools: School[];
  /** School of the zone containing each pupil (ignoring unit assignments), or UNASSIGNED. */
  zoneSchoolOf: Int32Array;
  /** Pupils living in several zones of their level, with those zones' schools (best rank first). */
  overlaps: OverlapPupils;
  /** Pupils in no zone placed on a zone's boundary by the boundary rule. */
  onBoundary: BoundaryPupils;
  /** School each pupil attends: a unit assignment of their level, else the zone's school. */
  schoolOf: Int32Array;
  /** Pupils by school and grade (computeGradeCounts layout). */
  counts: Int32Array;
  unassignedByLevel: Record<ZoneLevel, number>;
  result: SimulationResult;
}

/** Per level, the school each unit is assigned to (−1: none), as a dense array. */
function unitTargets(dataset: Dataset, state: ZoneState, level: ZoneLevel): Int32Array {
  const t = new Int32Array(dataset.unitIds.length).fill(-1);
  for (const [u, s] of state.unitSchool[level]) t[u] = s;
  return t;
}

/**
 * Simulates a dataset under a zone state from scratch (the twin of `applyZoneState`): zone
 * assignment of every pupil, then unit assignments, counts, classes and county totals.
 */
export function computeScenarioRun(dataset: Dataset, state: ZoneState, rules: Rules, workspace?: AssignmentWorkspace): ScenarioRun {
  const zones = { primary: computeZoneSet('primary', state.zones.primary, rules.overlapRule), junior: computeZoneSet('junior', state.zones.junior, rules.overlapRule) };
  const assigned = computeAssignment(dataset.pupils, zones, dataset.schools.length, workspace);
  const zoneSchoolOf = assigned.schoolOf.slice();
  const schoolOf = assigned.schoolOf.slice();
  const counts = assigned.counts;
  const p = dataset.pupils;
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
  const effective = computeEffectiveSchools(dataset.schools, state, dataset.baseYear);
  const schools = computeSchoolResults(effective, counts, dataset.baseYear, rules);
  return { state, schools: effective, zoneSchoolOf, overlaps: assigned.overlaps, onBoundary: assigned.onBoundary, schoolOf, counts, unassignedByLevel, result: { schools, summary: summarize(dataset, unassignedByLevel, schools) } };
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
 * re-tested against the changed zones; their unchanged zones stay. Works for edits, undo and redo
 * alike. Returns the pupils that changed school.
 */
export function applyZoneState(run: ScenarioRun, dataset: Dataset, next: ZoneState, rules: Rules): PupilMove[] {
  const moves: PupilMove[] = [];
  const affected = new Set<number>();
  for (const change of computeStateChanges(run.state, next)) {
    if (change.schools.size === 0 && change.units.size === 0) continue;
    moveLevel(run, dataset, next, change, rules, moves, affected);
  }
  for (const s of computeFacilityChanges(run.state, next)) affected.add(s);
  run.state = next;
  run.schools = computeEffectiveSchools(dataset.schools, next, dataset.baseYear);
  const schools = run.result.schools.slice();
  for (const s of affected) schools[s] = computeSchoolResult(run.schools[s], s, run.counts, dataset.baseYear, rules);
  run.result = { schools, summary: summarize(dataset, run.unassignedByLevel, schools) };
  return moves;
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
function candidatesOf(run: ScenarioRun, from: number, to: number, schoolChanged: Uint8Array, inside?: (i: number) => boolean): number[] {
  const candidates: number[] = [];
  const zoneOf = run.zoneSchoolOf;
  const chosen = new Uint8Array(to - from);
  const add = (i: number) => {
    if (chosen[i - from] === 1) return;
    chosen[i - from] = 1;
    candidates.push(i);
  };
  for (let i = from; i < to; i++) if (zoneOf[i] === UNASSIGNED || schoolChanged[zoneOf[i]] === 1 || (inside && inside(i))) add(i);
  for (const [i, schools] of run.overlaps) if (i >= from && i < to && schools.some((s) => schoolChanged[s] === 1)) add(i);
  for (const i of run.onBoundary) if (i >= from && i < to) add(i);
  return candidates;
}

/** The changed zones (school → geometry in the next state) and a small zone grid over them. */
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

function moveLevel(run: ScenarioRun, dataset: Dataset, next: ZoneState, change: StateChange, rules: Rules, moves: PupilMove[], affected: Set<number>): void {
  const { level } = change;
  const k = ZONE_LEVELS.indexOf(level);
  const p = dataset.pupils;
  const from = p.segmentStart[k];
  const to = p.segmentStart[k + 1];
  const targets = unitTargets(dataset, next, level);
  const unitChanged = new Uint8Array(dataset.unitIds.length);
  for (const u of change.units) unitChanged[u] = 1;
  const schoolChanged = new Uint8Array(dataset.schools.length);
  for (const s of change.schools) schoolChanged[s] = 1;

  if (change.schools.size > 0) {
    const zones = next.zones[level];
    const changed = changedZoneGrid(new Map([...zones].filter(([s]) => schoolChanged[s] === 1)), rules);
    const { grid } = changed;
    const inside = (i: number) => {
      const c = cellOfPoint(grid, p.x[i], p.y[i]);
      return c >= 0 && grid.cells[c] !== OUTSIDE;
    };
    const candidates = candidatesOf(run, from, to, schoolChanged, ownZoningOverlaps(dataset, rules)[level] ? inside : undefined);
    const found = locateInChanged(dataset, changed, candidates);
    const ranks = computeZoneRanks(zones, rules.overlapRule);
    const byRank = (list: number[]) => list.sort((a, b) => ranks.get(a)! - ranks.get(b)!);
    for (let c = 0; c < candidates.length; c++) {
      const i = candidates[c];
      const old = run.zoneSchoolOf[i];
      const inChanged = old === UNASSIGNED || schoolChanged[old] === 1;
      // Most candidates lie in one zone only, before and after.
      if (found.single[c] !== UNASSIGNED && inChanged && !run.overlaps.has(i) && !run.onBoundary.has(i)) {
        run.zoneSchoolOf[i] = found.single[c];
        continue;
      }
      // The unchanged zones the pupil lies in stay: those of a pupil in several, or the one zone of
      // a pupil re-tested only for lying inside a changed zone.
      const overlapping = run.overlaps.get(i);
      const kept = overlapping ? Array.from(overlapping).filter((s) => schoolChanged[s] === 0) : !inChanged && !run.onBoundary.has(i) ? [old] : [];
      const insideZones = byRank([...kept, ...found.inside(c)]);
      const wasPlaced = old !== UNASSIGNED;
      run.overlaps.delete(i);
      run.onBoundary.delete(i);
      if (insideZones.length > 0) {
        run.zoneSchoolOf[i] = insideZones[0];
        if (insideZones.length > 1) run.overlaps.set(i, Int32Array.from(insideZones));
        continue;
      }
      // In no zone: the boundary rule. A pupil that was in no zone and on no boundary is on no
      // unchanged zone's boundary (they did not move): only the others need the scan.
      const unchanged = wasPlaced ? computeTouchingZones(zones, p.x[i], p.y[i], (s) => schoolChanged[s] === 1) : [];
      const touching = byRank([...found.touching(c), ...unchanged]);
      run.zoneSchoolOf[i] = touching.length > 0 ? touching[0] : UNASSIGNED;
      if (touching.length > 0) run.onBoundary.add(i);
    }
    for (const i of candidates) settle(i);
  }
  function settle(i: number) {
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
  }
  if (change.units.size > 0) {
    for (let i = from; i < to; i++) {
      const u = p.unit[i];
      if (u >= 0 && unitChanged[u] === 1) settle(i);
    }
  }
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
