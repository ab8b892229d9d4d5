import { computeGridFrame } from '../gridFrame';
import type { OverlapRule } from '../rules';
import { buildZoneGrid } from '../zoneGrid';
import { locateInGrid } from '../zoneLocate';
import { type MultiPolygonCoords } from '../zoneState';
import { computeZoneSet } from '../zoneSet';

/**
 * For each point (degrees), the key of the region of `regions` that contains it, or −1 when none
 * does, exactly as the engine places pupils: each polygon read even-odd, a point in several regions
 * given to one by `rule` (the map's order is file order), a point on a boundary to the side just
 * east of it. `shared` hears each point in several regions with their keys, the chosen one first.
 * Uses the engine's zone raster over the points' box, so the cost is about linear.
 */
export function locatePoints(
  regions: ReadonlyMap<number, MultiPolygonCoords>,
  x: Float64Array,
  y: Float64Array,
  rule: OverlapRule = 'smallestZone',
  shared?: (point: number, keys: number[]) => void,
): Int32Array {
  const n = x.length;
  const out = new Int32Array(n).fill(-1);
  if (n === 0 || regions.size === 0) return out;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    if (x[i] < minX) minX = x[i];
    if (x[i] > maxX) maxX = x[i];
    if (y[i] < minY) minY = y[i];
    if (y[i] > maxY) maxY = y[i];
  }
  // The level is only a label of the set; the raster ignores it.
  const zoneSet = computeZoneSet('primary', regions, rule);
  const keyOf = zoneSet.zoneSchool;
  const zoneOf = new Int32Array(n);
  locateInGrid(buildZoneGrid(zoneSet, computeGridFrame(minX, minY, maxX, maxY)), x, y, zoneOf, shared && ((i, zones, count) => shared(i, Array.from(zones.subarray(0, count), (z) => keyOf[z]))));
  for (let i = 0; i < n; i++) if (zoneOf[i] >= 0) out[i] = keyOf[zoneOf[i]];
  return out;
}
