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
 * - `zeroArea`: a ring that encloses no area (its points on one line, or repeated).
 */
export type PolygonProblem =
  | { reason: 'noRings' | 'notPosition' | 'zeroArea'; polygon: number }
  | { reason: 'notLonLat'; polygon: number; position: LonLat; swapped: boolean }
  | { reason: 'tooShort'; polygon: number; positions: number }
  | { reason: 'notClosed'; polygon: number; first: LonLat; last: LonLat };

/** Twice a ring's area below this (degrees², about 0.01 m²) is no area: collinear points give rounding noise, not land. */
const MIN_DOUBLE_AREA = 1e-12;

const isLonLat = (x: number, y: number) => Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90;

/** Twice the signed area of a closed ring (shoelace, in degrees², relative to its first point to keep precision). */
function doubleArea(ring: LonLat[]): number {
  const [x0, y0] = ring[0];
  let sum = 0;
  for (let i = 1; i + 1 < ring.length; i++) sum += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
  return sum;
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
  if (Math.abs(doubleArea(positions)) < MIN_DOUBLE_AREA) return { reason: 'zeroArea', polygon };
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
