import type { ZoneSet } from '../dataset';
import { computeGridFrame } from '../gridFrame';
import { buildZoneGrid } from '../zoneGrid';
import { locateInGrid, type OverlapSink } from '../zoneLocate';
import type { MultiPolygonCoords } from '../zoneState';

function flat(ring: [number, number][]): Float64Array {
  const out = new Float64Array(2 * ring.length);
  ring.forEach(([x, y], i) => {
    out[2 * i] = x;
    out[2 * i + 1] = y;
  });
  return out;
}

/**
 * Locates points in polygons (MultiPolygons read even-odd) with the engine's zone grid: writes
 * into `out` the index of the first polygon (lowest index) containing each point, −1 for none,
 * and tells `sink` of points in several (see OverlapSink).
 */
export function locatePoints(polygons: MultiPolygonCoords[], x: Float64Array, y: Float64Array, out: Int32Array, sink?: OverlapSink): void {
  const zones: ZoneSet = {
    level: 'primary',
    zoneSchool: Int32Array.from(polygons, (_, i) => i),
    polygons: polygons.map((m) => m.map((rings) => rings.map(flat))),
    rank: Int32Array.from(polygons, (_, i) => i),
  };
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (px: number, py: number) => {
    minX = Math.min(minX, px);
    maxX = Math.max(maxX, px);
    minY = Math.min(minY, py);
    maxY = Math.max(maxY, py);
  };
  for (let i = 0; i < x.length; i++) grow(x[i], y[i]);
  for (const m of polygons) for (const rings of m) for (const [px, py] of rings[0] ?? []) grow(px, py);
  // A grid about as fine as the points are many (a few per cell): building it costs per cell.
  const size = Math.max(16, Math.min(256, Math.round(Math.sqrt(x.length))));
  locateInGrid(buildZoneGrid(zones, computeGridFrame(minX, minY, maxX, maxY, size)), x, y, out, sink);
}
