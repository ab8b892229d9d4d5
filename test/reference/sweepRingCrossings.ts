import type { MultiPolygonCoords } from '../../src/core/zoneState';

// The baseline of the ring-crossing check (src/core/validation/ringCrossings.ts as it was): a sweep
// by west end, comparing each edge with every later one whose longitude range overlaps it, and
// every edge again for each touching point. Quadratic on a long north–south edge cut fine.

type Point = [number, number];

/** One edge of a ring: ring number, index of its first vertex in the ring, and its end points. */
interface Segment {
  ring: number;
  index: number;
  a: Point;
  b: Point;
}

// Orientations within this share of the product of the lengths count as collinear: coordinates
// written with a fixed number of decimals put a vertex "on" an edge only up to rounding.
const COLLINEAR = 1e-12;

/** Sign of the turn a → b → c: 1 left, −1 right, 0 collinear (within COLLINEAR). */
function orient(a: Point, b: Point, c: Point): number {
  const [ux, uy, vx, vy] = [b[0] - a[0], b[1] - a[1], c[0] - a[0], c[1] - a[1]];
  const cross = ux * vy - uy * vx;
  return Math.abs(cross) <= COLLINEAR * Math.hypot(ux, uy) * Math.hypot(vx, vy) ? 0 : Math.sign(cross);
}

const same = (p: Point, q: Point) => p[0] === q[0] && p[1] === q[1];
const key = (p: Point) => `${p[0]},${p[1]}`;

/** Whether c, collinear with segment ab, lies strictly between a and b. */
function strictlyInside(s: Segment, c: Point): boolean {
  if (same(c, s.a) || same(c, s.b)) return false;
  return Math.min(s.a[0], s.b[0]) <= c[0] && c[0] <= Math.max(s.a[0], s.b[0]) && Math.min(s.a[1], s.b[1]) <= c[1] && c[1] <= Math.max(s.a[1], s.b[1]);
}

/**
 * The places where the rings of a feature (every ring of every part) cross one another or
 * themselves. A crossing is either two edges whose insides cross, or a point where two passes of
 * the boundary meet and cross over (their edges interleave around the point). Rings that only touch
 * — parts meeting at a corner, a hole touching its outer ring at a point, a vertex resting on an
 * edge, a shared stretch of edge — do not cross. Each point is listed once, in order of discovery.
 */
export function sweepRingCrossings(polygons: MultiPolygonCoords): Point[] {
  const rings = polygons.flat() as Point[][];
  const segments: Segment[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) segments.push({ ring: r, index: i, a: ring[i], b: ring[i + 1] });
  });
  const found = new Map<string, Point>();
  const touches = new Map<string, Point>();
  // Sweep by west end: only segments whose longitude ranges overlap are compared.
  const order = segments.map((_, i) => i).sort((i, j) => Math.min(segments[i].a[0], segments[i].b[0]) - Math.min(segments[j].a[0], segments[j].b[0]));
  for (let u = 0; u < order.length; u++) {
    const s = segments[order[u]];
    const east = Math.max(s.a[0], s.b[0]);
    for (let v = u + 1; v < order.length; v++) {
      const t = segments[order[v]];
      if (Math.min(t.a[0], t.b[0]) > east) break;
      if (Math.max(s.a[1], s.b[1]) < Math.min(t.a[1], t.b[1]) || Math.max(t.a[1], t.b[1]) < Math.min(s.a[1], s.b[1])) continue;
      if (adjacent(s, t, rings)) continue;
      const [o1, o2, o3, o4] = [orient(s.a, s.b, t.a), orient(s.a, s.b, t.b), orient(t.a, t.b, s.a), orient(t.a, t.b, s.b)];
      if (o1 * o2 < 0 && o3 * o4 < 0) {
        const p = crossingPoint(s, t);
        found.set(key(p), p);
        continue;
      }
      for (const [p, seg, o] of [[t.a, s, o1], [t.b, s, o2], [s.a, t, o3], [s.b, t, o4]] as const) {
        if (o === 0 && (same(p, seg.a) || same(p, seg.b) || strictlyInside(seg, p))) touches.set(key(p), p);
      }
    }
  }
  for (const [k, p] of touches) if (!found.has(k) && passesCross(p, rings, segments)) found.set(k, p);
  return [...found.values()];
}

/** Whether two edges follow one another in their ring (and so share a vertex by construction). */
function adjacent(s: Segment, t: Segment, rings: Point[][]): boolean {
  if (s.ring !== t.ring) return false;
  const last = rings[s.ring].length - 2;
  const d = Math.abs(s.index - t.index);
  return d === 1 || d === last;
}

/** Where the insides of two properly crossing segments meet. */
function crossingPoint(s: Segment, t: Segment): Point {
  const [dx, dy, ex, ey] = [s.b[0] - s.a[0], s.b[1] - s.a[1], t.b[0] - t.a[0], t.b[1] - t.a[1]];
  const k = ((t.a[0] - s.a[0]) * ey - (t.a[1] - s.a[1]) * ex) / (dx * ey - dy * ex);
  return [s.a[0] + k * dx, s.a[1] + k * dy];
}

/**
 * Whether, at a point where the boundary touches itself, two passes through it cross over. A pass
 * is a vertex of a ring at the point (its edges to the previous and next vertex) or an edge whose
 * inside holds the point (its two halves). Two passes cross when their directions alternate around
 * the point; passes sharing a direction (a shared stretch of edge) are taken as touching.
 */
function passesCross(p: Point, rings: Point[][], segments: Segment[]): boolean {
  const passes: [number, number][] = [];
  const angle = (q: Point) => Math.atan2(q[1] - p[1], q[0] - p[0]);
  rings.forEach((ring) => {
    const n = ring.length - 1;
    for (let i = 0; i < n; i++) if (same(ring[i], p)) passes.push([angle(ring[(i + n - 1) % n]), angle(ring[i + 1])]);
  });
  for (const s of segments) if (orient(s.a, s.b, p) === 0 && strictlyInside(s, p)) passes.push([angle(s.a), angle(s.b)]);
  for (let i = 0; i < passes.length; i++) {
    for (let j = i + 1; j < passes.length; j++) {
      const [a1, a2] = [Math.min(...passes[i]), Math.max(...passes[i])];
      const [b1, b2] = passes[j];
      if ([a1, a2].includes(b1) || [a1, a2].includes(b2)) continue;
      const inside = (x: number) => x > a1 && x < a2;
      if (inside(b1) !== inside(b2)) return true;
    }
  }
  return false;
}
