import { GRADE_STRIDE } from './aggregate';
import { computeAssignment, UNASSIGNED, type AssignmentWorkspace } from './assignment';
import type { Dataset, School } from './dataset';
import { cellOfPoint, computeGridFrame } from './gridFrame';
import { ZONE_LEVELS, type Rules, type ZoneLevel } from './rules';
import { computeSchoolResult, computeSchoolResults, summarize, type SimulationResult } from './simulation';
import { buildZoneGrid, exactZones, FIRST_SLOT } from './zoneGrid';
import { computeEffectiveSchools, computeFacilityChanges, computeStateChanges, computeZoneSet, type StateChange, type ZoneState } from './zoneState';

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
  const zones = { primary: computeZoneSet('primary', state.zones.primary), junior: computeZoneSet('junior', state.zones.junior) };
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
  const effective = computeEffectiveSchools(dataset.schools, state, dataset.baseYear);
  const schools = computeSchoolResults(effective, counts, dataset.baseYear, rules);
  return { state, schools: effective, zoneSchoolOf, schoolOf, counts, unassignedByLevel, result: { schools, summary: summarize(dataset, unassignedByLevel, schools) } };
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
 * Moves a run to another zone state, recomputing only the pupils the change can touch: those in
 * zones that changed or in no zone, re-tested against the changed zones only (zones of a level that
 * partition the county stay a partition under every edit, so a pupil that left a changed zone and is
 * in none of the new ones is in a gap), and the pupils of units whose assignment changed. Works for
 * edits, undo and redo alike. Returns the pupils that changed school.
 */
export function applyZoneState(run: ScenarioRun, dataset: Dataset, next: ZoneState, rules: Rules): PupilMove[] {
  const moves: PupilMove[] = [];
  const affected = new Set<number>();
  for (const change of computeStateChanges(run.state, next)) {
    if (change.schools.size === 0 && change.units.size === 0) continue;
    moveLevel(run, dataset, next, change, moves, affected);
  }
  for (const s of computeFacilityChanges(run.state, next)) affected.add(s);
  run.state = next;
  run.schools = computeEffectiveSchools(dataset.schools, next, dataset.baseYear);
  const schools = run.result.schools.slice();
  for (const s of affected) schools[s] = computeSchoolResult(run.schools[s], s, run.counts, dataset.baseYear, rules);
  run.result = { schools, summary: summarize(dataset, run.unassignedByLevel, schools) };
  return moves;
}

function moveLevel(run: ScenarioRun, dataset: Dataset, next: ZoneState, change: StateChange, moves: PupilMove[], affected: Set<number>): void {
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

  // The pupils whose zone may differ: in a changed zone, or in none.
  const candidates: number[] = [];
  if (change.schools.size > 0) {
    for (let i = from; i < to; i++) {
      const z = run.zoneSchoolOf[i];
      if (z === UNASSIGNED || schoolChanged[z] === 1) candidates.push(i);
    }
    const zoneOf = zonesOfChanged(dataset, next, change, candidates);
    candidates.forEach((i, c) => (run.zoneSchoolOf[i] = zoneOf[c]));
  }
  const settle = (i: number) => {
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
  for (const i of candidates) settle(i);
  if (change.units.size > 0) {
    for (let i = from; i < to; i++) {
      const u = p.unit[i];
      if (u >= 0 && unitChanged[u] === 1) settle(i);
    }
  }
}

/** The school of the changed zone (in `next`) containing each candidate pupil, or UNASSIGNED. */
function zonesOfChanged(dataset: Dataset, next: ZoneState, change: StateChange, candidates: number[]): Int32Array {
  const out = new Int32Array(candidates.length).fill(UNASSIGNED);
  const changed = new Map([...change.schools].flatMap((s) => {
    const zone = next.zones[change.level].get(s);
    return zone ? [[s, zone] as const] : [];
  }));
  if (changed.size === 0 || candidates.length === 0) return out;
  const zones = computeZoneSet(change.level, changed);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of zones.rings) {
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
  const grid = buildZoneGrid(zones, computeGridFrame(minX, minY, maxX, maxY, 128));
  const { x, y } = dataset.pupils;
  const list = new Int32Array(candidates.length);
  const cell = new Int32Array(candidates.length);
  let boundary = 0;
  candidates.forEach((i, c) => {
    cell[c] = cellOfPoint(grid, x[i], y[i]);
    const z = cell[c] >= 0 ? grid.cells[cell[c]] : -1;
    if (z >= 0) out[c] = zones.zoneSchool[z];
    else if (z <= FIRST_SLOT) list[boundary++] = c;
  });
  // exactZones indexes pupils' arrays by list entries: give it the candidates' own coordinates.
  const cx = Float64Array.from(candidates, (i) => x[i]);
  const cy = Float64Array.from(candidates, (i) => y[i]);
  const found = new Int32Array(boundary);
  exactZones(grid, cx, cy, cell, list, boundary, found);
  for (let k = 0; k < boundary; k++) if (found[k] >= 0) out[list[k]] = zones.zoneSchool[found[k]];
  return out;
}
