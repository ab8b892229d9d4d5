/** A longitude/latitude position as two numbers. */
type LonLat = [number, number];

/**
 * The first thing that makes a zone's polygons unusable, with the 1-based number of the polygon
 * (a Polygon has one) where it was found:
 * - `noRings`: no polygon at all, or a polygon without rings;
 * - `notPosition`: a ring or position that is not a list of numbers;
 * - `notLonLat`: a position that is not finite longitude/latitude degrees (|lon| ≤ 180, |lat| ≤ 90);
 *   `swapped` when the position would be degrees with its two numbers swapped;
 * - `tooShort`: a ring of fewer than 4 positions (GeoJSON: 3 corners and the first again);
 * - `notClosed`: a ring whose last position is not its first;
 * - `zeroArea`: a ring that encloses no area (all its points on one line, or one point).
 */
export type PolygonProblem =
  | { reason: 'noRings' | 'notPosition' | 'zeroArea'; polygon: number }
  | { reason: 'notLonLat'; polygon: number; position: LonLat; swapped: boolean }
  | { reason: 'tooShort'; polygon: number; positions: number }
  | { reason: 'notClosed'; polygon: number; first: LonLat; last: LonLat };

/** Points nearer than this (degrees, about 0.1 mm) to the line through a ring's first two points lie on it. */
const ON_LINE_DEGREES = 1e-9;

const isLonLat = (x: number, y: number) => Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90;

/** Whether every point of a ring lies on one line (or is one point): it encloses no area. A bow-tie, whose signed area is 0, does not. */
function onOneLine(ring: LonLat[]): boolean {
  const [x0, y0] = ring[0];
  const other = ring.find(([x, y]) => x !== x0 || y !== y0);
  if (!other) return true;
  const dx = other[0] - x0;
  const dy = other[1] - y0;
  const length = Math.hypot(dx, dy);
  return ring.every(([x, y]) => Math.abs(dx * (y - y0) - dy * (x - x0)) / length <= ON_LINE_DEGREES);
}

/** The first problem of one ring, or undefined when it is a usable closed ring. */
function ringProblem(ring: unknown, polygon: number): PolygonProblem | undefined {
  if (!Array.isArray(ring)) return { reason: 'notPosition', polygon };
  for (const p of ring) {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return { reason: 'notPosition', polygon };
    if (!isLonLat(p[0], p[1])) return { reason: 'notLonLat', polygon, position: [p[0], p[1]], swapped: isLonLat(p[1], p[0]) };
  }
  const positions = ring as LonLat[];
  if (positions.length < 4) return { reason: 'tooShort', polygon, positions: positions.length };
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) return { reason: 'notClosed', polygon, first: [first[0], first[1]], last: [last[0], last[1]] };
  if (onOneLine(positions)) return { reason: 'zeroArea', polygon };
  return undefined;
}

/**
 * The first problem of a Polygon's or MultiPolygon's coordinates (`polygons`: a MultiPolygon's list
 * of polygons; a Polygon's coordinates wrapped in a list), or undefined when every ring is a
 * closed ring of at least 4 positions in longitude/latitude degrees enclosing some area. Iterative;
 * linear in the positions.
 */
export function findPolygonProblem(polygons: unknown): PolygonProblem | undefined {
  if (!Array.isArray(polygons) || polygons.length === 0) return { reason: 'noRings', polygon: 1 };
  for (let k = 0; k < polygons.length; k++) {
    const polygon = polygons[k];
    if (!Array.isArray(polygon) || polygon.length === 0) return { reason: 'noRings', polygon: k + 1 };
    for (const ring of polygon) {
      const problem = ringProblem(ring, k + 1);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Positions in a Polygon's or MultiPolygon's coordinates (`polygons` as for findPolygonProblem); what is not a list counts 0. */
export function countPositions(polygons: unknown): number {
  let n = 0;
  if (!Array.isArray(polygons)) return 0;
  for (const polygon of polygons) if (Array.isArray(polygon)) for (const ring of polygon) if (Array.isArray(ring)) n += ring.length;
  return n;
}
