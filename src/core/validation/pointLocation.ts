import { cellOfPoint, computeGridFrame } from '../gridFrame';
import { buildZoneGrid, exactZones, FIRST_SLOT } from '../zoneGrid';
import { computeZoneSet, type MultiPolygonCoords } from '../zoneState';

/**
 * For each point (degrees), the key of the region of `regions` that contains it, or −1 when none
 * does; each region is read even-odd, as the engine reads zones. Where regions overlap, one of them
 * is returned. Uses the engine's zone raster over the points' box, so the cost is about linear.
 */
export function locatePoints(regions: ReadonlyMap<number, MultiPolygonCoords>, x: Float64Array, y: Float64Array): Int32Array {
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
  const zoneSet = computeZoneSet('primary', regions);
  const grid = buildZoneGrid(zoneSet, computeGridFrame(minX, minY, maxX, maxY));
  const cell = new Int32Array(n);
  const boundary = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const c = cellOfPoint(grid, x[i], y[i]);
    cell[i] = c;
    if (c < 0) continue;
    const v = grid.cells[c];
    if (v > FIRST_SLOT) out[i] = v < 0 ? -1 : zoneSet.zoneSchool[v];
    else boundary[m++] = i;
  }
  const found = new Int32Array(m);
  exactZones(grid, x, y, cell, boundary, m, found);
  for (let k = 0; k < m; k++) out[boundary[k]] = found[k] < 0 ? -1 : zoneSet.zoneSchool[found[k]];
  return out;
}
