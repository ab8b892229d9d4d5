import { ringContains } from './ringContains';
import type { MultiPolygonCoords } from './zoneState';

type Ring = [number, number][];

/** Whether a point lies inside rings taken together (even–odd: a point inside a hole is outside). */
const insideRings = (rings: Ring[], x: number, y: number): boolean => rings.reduce((odd, r) => odd !== ringContains(r, x, y), false);

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
function pointSegment2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const [dx, dy] = [bx - ax, by - ay];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const [qx, qy] = [ax + t * dx - px, ay + t * dy - py];
  return qx * qx + qy * qy;
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/** Whether two segments come within `eps` of each other (crossing included). */
function segmentsNear(a: [number, number], b: [number, number], c: [number, number], d: [number, number], eps: number): boolean {
  const crosses = orient(a[0], a[1], b[0], b[1], c[0], c[1]) * orient(a[0], a[1], b[0], b[1], d[0], d[1]) < 0
    && orient(c[0], c[1], d[0], d[1], a[0], a[1]) * orient(c[0], c[1], d[0], d[1], b[0], b[1]) < 0;
  if (crosses) return true;
  const e2 = eps * eps;
  return pointSegment2(a[0], a[1], c[0], c[1], d[0], d[1]) <= e2 || pointSegment2(b[0], b[1], c[0], c[1], d[0], d[1]) <= e2
    || pointSegment2(c[0], c[1], a[0], a[1], b[0], b[1]) <= e2 || pointSegment2(d[0], d[1], a[0], a[1], b[0], b[1]) <= e2;
}

/** Bounding box of a ring: min x, min y, max x, max y. */
function ringBox(r: Ring): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of r) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

/**
 * Whether `inner` certainly lies inside `outer` (degrees) with every point of its boundary more than
 * `eps` from outer's boundary: then intersecting the two gives `inner` itself. Conservative — false
 * also when the boundaries come within `eps` (a zone along the county border), so that the exact
 * clip decides there. Reasoning: with the boundaries apart, each ring of either lies wholly on one
 * side of the other; one point per inner ring inside outer puts inner's boundary inside it, and no
 * outer ring (a hole, or another part's coast) inside inner leaves no outside ground within inner.
 * Cost: the pairs of edges whose boxes meet, and a point-in-polygon test per ring.
 */
export function clearlyWithin(inner: MultiPolygonCoords, outer: MultiPolygonCoords, eps: number): boolean {
  const innerRings = inner.flat();
  const outerRings = outer.flat();
  if (innerRings.length === 0) return false;
  const innerBoxes = innerRings.map(ringBox);
  const [x0, y0, x1, y1] = innerBoxes.reduce((b, r) => [Math.min(b[0], r[0]), Math.min(b[1], r[1]), Math.max(b[2], r[2]), Math.max(b[3], r[3])], [Infinity, Infinity, -Infinity, -Infinity]);
  for (const o of outerRings) {
    const ob = ringBox(o);
    if (ob[0] > x1 + eps || ob[2] < x0 - eps || ob[1] > y1 + eps || ob[3] < y0 - eps) continue;
    for (let i = 0; i + 1 < o.length; i++) {
      const [a, b] = [o[i], o[i + 1]];
      const [ex0, ex1, ey0, ey1] = [Math.min(a[0], b[0]) - eps, Math.max(a[0], b[0]) + eps, Math.min(a[1], b[1]) - eps, Math.max(a[1], b[1]) + eps];
      if (ex0 > x1 || ex1 < x0 || ey0 > y1 || ey1 < y0) continue;
      for (const [k, r] of innerRings.entries()) {
        const rb = innerBoxes[k];
        if (ex0 > rb[2] || ex1 < rb[0] || ey0 > rb[3] || ey1 < rb[1]) continue;
        for (let j = 0; j + 1 < r.length; j++) {
          const [c, d] = [r[j], r[j + 1]];
          if (Math.max(c[0], d[0]) < ex0 || Math.min(c[0], d[0]) > ex1 || Math.max(c[1], d[1]) < ey0 || Math.min(c[1], d[1]) > ey1) continue;
          if (segmentsNear(a, b, c, d, eps)) return false;
        }
      }
    }
    // Apart from inner's boundary, an outer ring lies wholly inside inner or wholly outside it.
    if (insideRings(innerRings, o[0][0], o[0][1])) return false;
  }
  return innerRings.every((r) => insideRings(outerRings, r[0][0], r[0][1]));
}
