import { computeDistanceState, DEFAULT_DISTANCE_SETTINGS, updateDistanceState, type PreparedDistances } from '../../src/core/distance';
import type { Dataset } from '../../src/core/dataset';
import { DEFAULT_RULES } from '../../src/core/rules';
import { applyZoneState, computeScenarioRun } from '../../src/core/scenarioRun';
import { applyZoneEdit, type EditContext } from '../../src/core/zoneEdits';
import { median } from './benchData';

/** Medians of updating every distance metric after an edit: incremental (touched schools only) and from scratch. */
export interface DistanceEditTiming {
  incrementalMs: number;
  /** The fastest run: on a loaded machine, the closest to the work itself. */
  incrementalMinMs: number;
  fromScratchMs: number;
  pupilsMoved: number;
  runs: number;
  equal: boolean;
}

/**
 * The edit of timeIncrementalEdit (a block between 圣城小学 and 汇文学校 given back and forth): after
 * the engine has moved the pupils, times updateDistanceState against computeDistanceState on the
 * same assignment, and checks they agree.
 */
export function timeDistanceEdit(dataset: Dataset, prepared: PreparedDistances, runs: number): DistanceEditTiming {
  const ctx: EditContext = {
    schools: dataset.schools,
    schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])),
    unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])),
  };
  const a = dataset.schools[ctx.schoolIndex.get('P01')!];
  const b = dataset.schools[ctx.schoolIndex.get('N02')!];
  const [cx, cy, r] = [(a.lon + b.lon) / 2, (a.lat + b.lat) / 2, 0.004];
  const block = { type: 'Polygon' as const, coordinates: [[[cx - r, cy - r], [cx + r, cy - r], [cx + r, cy + r], [cx - r, cy + r], [cx - r, cy - r]]] };
  const toB = applyZoneEdit(dataset.zoneState, { op: 'assignArea', level: 'primary', schoolId: 'N02', area: block }, ctx);
  const toA = applyZoneEdit(toB, { op: 'assignArea', level: 'primary', schoolId: 'P01', area: block }, ctx);
  const run = computeScenarioRun(dataset, toA, DEFAULT_RULES);
  let state = computeDistanceState(prepared, run.schoolOf, DEFAULT_DISTANCE_SETTINGS);
  const times: number[] = [];
  const scratch: number[] = [];
  let moved = 0;
  let equal = true;
  for (let k = 0; k < runs + 4; k++) {
    const moves = applyZoneState(run, dataset, k % 2 === 0 ? toB : toA, DEFAULT_RULES);
    moved = moves.length;
    const t0 = performance.now();
    state = updateDistanceState(prepared, state, run.schoolOf, moves, DEFAULT_DISTANCE_SETTINGS);
    const t1 = performance.now();
    if (k >= 4) times.push(t1 - t0);
    if (k >= 4 && k < 7) {
      const t2 = performance.now();
      const fresh = computeDistanceState(prepared, run.schoolOf, DEFAULT_DISTANCE_SETTINGS);
      scratch.push(performance.now() - t2);
      equal &&= JSON.stringify(fresh.metrics) === JSON.stringify(state.metrics);
    }
  }
  return { incrementalMs: median(times), incrementalMinMs: Math.min(...times), fromScratchMs: median(scratch), pupilsMoved: moved, runs, equal };
}
