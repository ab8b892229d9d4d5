import type { MultiPolygonCoords } from '../zoneState';
import { locatePoints } from './locatePoints';

// How far inside its polygon a sample is taken from an edge, relative to the edge's length.
const NUDGE = 1e-6;

/**
 * Points just inside each polygon next to each of its edges (the edge's midpoint moved a millionth
 * of its length to the polygon's side: the left of an anticlockwise outer ring or of a clockwise
 * hole), as x, y columns with the polygon each belongs to.
 */
function innerSamples(polygons: MultiPolygonCoords[]): { x: Float64Array; y: Float64Array; of: Int32Array } {
  const xs: number[] = [];
  const ys: number[] = [];
  const of: number[] = [];
  polygons.forEach((m, z) => {
    for (const rings of m) {
      rings.forEach((ring, k) => {
        let twice = 0;
        for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
        const left = (k === 0) === twice > 0 ? 1 : -1;
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x1, y1] = ring[i];
          const [x2, y2] = ring[i + 1];
          if (x1 === x2 && y1 === y2) continue;
          xs.push((x1 + x2) / 2 - left * (y2 - y1) * NUDGE);
          ys.push((y1 + y2) / 2 + left * (x2 - x1) * NUDGE);
          of.push(z);
        }
      });
    }
  });
  return { x: Float64Array.from(xs), y: Float64Array.from(ys), of: Int32Array.from(of) };
}

/**
 * The pairs of polygons that overlap with positive area rather than only touch along edges or at
 * points, as a set of keys `i * n + j` (both orders). Tested on the points just inside each polygon
 * next to its edges: polygons that overlap have the boundary of one inside the other somewhere, and
 * a sample there. Slivers narrower than a millionth of the edge beside them read as touching.
 */
export function computeOverlappingPairs(polygons: MultiPolygonCoords[]): Set<number> {
  const n = polygons.length;
  const s = innerSamples(polygons);
  const at = new Int32Array(s.of.length);
  const pairs = new Set<number>();
  const add = (a: number, b: number) => {
    if (a === b || a < 0 || b < 0) return;
    pairs.add(a * n + b);
    pairs.add(b * n + a);
  };
  locatePoints(polygons, s.x, s.y, at, (i, zones, count, onBoundary) => {
    if (!onBoundary) for (let k = 0; k < count; k++) add(s.of[i], zones[k]);
  });
  for (let i = 0; i < at.length; i++) add(s.of[i], at[i]);
  return pairs;
}

/** Which polygons do not lie within `outer`: a sample just inside them next to an edge lies outside it. */
export function computeNotWithin(polygons: MultiPolygonCoords[], outer: MultiPolygonCoords): boolean[] {
  const s = innerSamples(polygons);
  const at = new Int32Array(s.of.length);
  locatePoints([outer], s.x, s.y, at);
  const out = polygons.map(() => false);
  for (let i = 0; i < at.length; i++) if (at[i] < 0) out[s.of[i]] = true;
  return out;
}
