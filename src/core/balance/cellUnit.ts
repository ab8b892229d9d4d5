import type { Dataset } from '../dataset';
import type { OverlapRule, ZoneLevel } from '../rules';
import { unitCellArea } from '../units/datasetCells';
import { locatePoints } from '../units/locatePoints';

/** Units whose cells are tested for a point: its nearest this many unit places. */
const NEAREST_UNITS = 8;

/**
 * The unit whose cell at `level` holds the point (x, y) (longitude/latitude degrees), among the
 * cells of the NEAREST_UNITS units whose places are nearest to it; −1 when none holds it. A point
 * without a unit (a housing estate, a pupil without one) changes school with that unit's cell when
 * the unit is reassigned (assignUnits moves the cell between zones).
 */
export function cellUnitOf(dataset: Dataset, level: ZoneLevel, rule: OverlapRule, x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return -1;
  const near: { u: number; d: number }[] = [];
  for (let u = 0; u < dataset.unitIds.length; u++) {
    const dx = dataset.unitX[u] - x;
    const dy = dataset.unitY[u] - y;
    const d = dx * dx + dy * dy;
    if (!Number.isFinite(d)) continue;
    if (near.length < NEAREST_UNITS || d < near[near.length - 1].d) {
      near.push({ u, d });
      near.sort((a, b) => a.d - b.d || a.u - b.u);
      if (near.length > NEAREST_UNITS) near.pop();
    }
  }
  const cells = near.map((n) => unitCellArea(dataset, level, n.u, rule));
  const out = new Int32Array(1);
  locatePoints(cells, Float64Array.of(x), Float64Array.of(y), out);
  return out[0] >= 0 ? near[out[0]].u : -1;
}
