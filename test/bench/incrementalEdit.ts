import type { Dataset } from '../../src/core/dataset';
import { DEFAULT_RULES } from '../../src/core/rules';
import { applyZoneState, computeScenarioRun } from '../../src/core/scenarioRun';
import { applyZoneEdit, type EditContext } from '../../src/core/zoneEdits';
import { median } from './benchData';

/** Medians of an incremental edit: the zone geometry change and the engine's recompute. */
export interface IncrementalTiming {
  incrementalMs: number;
  geometryMs: number;
  pupilsMoved: number;
  runs: number;
}

/**
 * Times an assignArea that moves a block straddling the boundary of two neighbouring city zones
 * (圣城小学 P01 and 汇文学校 N02, the densest pair) back and forth: the geometry edit (polyclip)
 * and the engine's incremental recompute, each timed on its own, `runs` times.
 */
export function timeIncrementalEdit(dataset: Dataset, runs: number): IncrementalTiming {
  const ctx: EditContext = {
    schools: dataset.schools,
    schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])),
    unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])),
  };
  const a = dataset.schools[ctx.schoolIndex.get('P01')!];
  const b = dataset.schools[ctx.schoolIndex.get('N02')!];
  const [cx, cy, r] = [(a.lon + b.lon) / 2, (a.lat + b.lat) / 2, 0.004];
  const block = { type: 'Polygon' as const, coordinates: [[[cx - r, cy - r], [cx + r, cy - r], [cx + r, cy + r], [cx - r, cy + r], [cx - r, cy - r]]] };
  const geometryTimes: number[] = [];
  const edit = (state: typeof dataset.zoneState, schoolId: string) => {
    const t0 = performance.now();
    const next = applyZoneEdit(state, { op: 'assignArea', level: 'primary', schoolId, area: block }, ctx);
    geometryTimes.push(performance.now() - t0);
    return next;
  };
  const toB = edit(dataset.zoneState, 'N02');
  const toA = edit(toB, 'P01');
  const run = computeScenarioRun(dataset, toA, DEFAULT_RULES);
  const times: number[] = [];
  let moved = 0;
  for (let k = 0; k < runs + 4; k++) {
    const t0 = performance.now();
    moved = applyZoneState(run, dataset, k % 2 === 0 ? toB : toA, DEFAULT_RULES).length;
    if (k >= 4) times.push(performance.now() - t0);
  }
  for (let k = 0; k < 10; k++) edit(k % 2 ? toA : toB, k % 2 ? 'N02' : 'P01');
  return { incrementalMs: median(times), geometryMs: median(geometryTimes), pupilsMoved: moved, runs };
}
