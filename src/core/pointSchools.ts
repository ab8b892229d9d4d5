import { UNASSIGNED } from './assignment';
import { cellOfPoint, computeGridFrame } from './gridFrame';
import type { ZoneLevel } from './rules';
import { buildZoneGrid, exactZones, FIRST_SLOT } from './zoneGrid';
import { computeZoneSet, type ZoneState } from './zoneState';

/**
 * For every point (longitude/latitude degrees; `unit[i]` its unit or −1), the school it is zoned to
 * at `level` under `state`: the school its unit is assigned to, else the school of the zone
 * containing it, else UNASSIGNED. Points are tested against a zone grid over their own extent.
 */
export function computePointSchools(state: ZoneState, level: ZoneLevel, x: Float64Array, y: Float64Array, unit: Int32Array): Int32Array {
  const n = x.length;
  const out = new Int32Array(n).fill(UNASSIGNED);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i]);
  }
  const zones = computeZoneSet(level, state.zones[level]);
  const grid = buildZoneGrid(zones, computeGridFrame(minX, minY, maxX, maxY));
  const cell = new Int32Array(n);
  const list = new Int32Array(n);
  let boundary = 0;
  for (let i = 0; i < n; i++) {
    cell[i] = cellOfPoint(grid, x[i], y[i]);
    const z = cell[i] >= 0 ? grid.cells[cell[i]] : -1;
    if (z >= 0) out[i] = zones.zoneSchool[z];
    else if (z <= FIRST_SLOT) list[boundary++] = i;
  }
  const found = new Int32Array(boundary);
  exactZones(grid, x, y, cell, list, boundary, found);
  for (let k = 0; k < boundary; k++) if (found[k] >= 0) out[list[k]] = zones.zoneSchool[found[k]];
  const assigned = state.unitSchool[level];
  if (assigned.size > 0) {
    for (let i = 0; i < n; i++) {
      const s = unit[i] >= 0 ? assigned.get(unit[i]) : undefined;
      if (s !== undefined) out[i] = s;
    }
  }
  return out;
}
