import { UNASSIGNED } from './assignment';
import { computeGridFrame, DEFAULT_GRID_SIZE } from './gridFrame';
import type { OverlapRule, ZoneLevel } from './rules';
import { buildZoneGrid } from './zoneGrid';
import { locateInGrid } from './zoneLocate';
import { createSharedZoneIds, zonesById } from './sharedZones';
import { type ZoneState } from './zoneState';
import { computeZoneSet } from './zoneSet';

/**
 * For every point (longitude/latitude degrees; `unit[i]` its unit or −1), the school it is zoned to
 * at `level` under `state`: the school its unit is assigned to, else the school of the zone
 * containing it (by `rule` where zones overlap), or `schoolCount + k` when that zone is the k-th
 * shared zone of the level (in the state's order), else UNASSIGNED. Points are tested against a
 * zone grid of `gridSize`² cells over their own extent (a few points close together need few).
 * `onRanked` is told of each point whose zone the overlap rule chose: in several zones, or on a
 * boundary only.
 */
export function computePointSchools(state: ZoneState, level: ZoneLevel, x: Float64Array, y: Float64Array, unit: Int32Array, rule: OverlapRule, schoolCount: number, gridSize = DEFAULT_GRID_SIZE, onRanked?: (i: number) => void): Int32Array {
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
  const zones = computeZoneSet(level, zonesById(state, level, createSharedZoneIds(schoolCount)), rule);
  const zoneOf = new Int32Array(n);
  locateInGrid(buildZoneGrid(zones, computeGridFrame(minX, minY, maxX, maxY, gridSize)), x, y, zoneOf, onRanked && ((i) => onRanked(i)));
  for (let i = 0; i < n; i++) if (zoneOf[i] >= 0) out[i] = zones.zoneSchool[zoneOf[i]];
  const assigned = state.unitSchool[level];
  if (assigned.size > 0) {
    for (let i = 0; i < n; i++) {
      const s = unit[i] >= 0 ? assigned.get(unit[i]) : undefined;
      if (s !== undefined) out[i] = s;
    }
  }
  return out;
}
