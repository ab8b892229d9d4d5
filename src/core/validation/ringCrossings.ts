import type { MultiPolygonCoords } from '../zoneState';

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
 * A uniform grid over the segments' bounding box: each segment is listed in every cell its own
 * bounding box covers. The cell side is about the segments' mean extent (at most 4 cells per
 * segment in all), so a segment meets only its neighbours' cells: a long straight edge cut into
 * 100,000 pieces costs what its pieces near one another cost, where a sweep along one axis compares
 * every piece of a north–south edge with every other.
 */
interface SegmentGrid {
  x0: number;
  y0: number;
  size: number;
  cols: number;
  rows: number;
  /** Segment numbers per cell, row by row. */
  cells: number[][];
  /** Per segment: its first and last column and row. */
  span: Int32Array;
}

function segmentGrid(segments: Segment[]): SegmentGrid {
  let [x0, y0, x1, y1, extent] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  for (const { a, b } of segments) {
    [x0, y0] = [Math.min(x0, a[0], b[0]), Math.min(y0, a[1], b[1])];
    [x1, y1] = [Math.max(x1, a[0], b[0]), Math.max(y1, a[1], b[1])];
    extent += Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]);
  }
  const [w, h] = [x1 - x0, y1 - y0];
  const mean = extent / (2 * segments.length);
  // Not more than about 4 cells per segment, and never cells of no size.
  const floor = Math.sqrt((w * h) / (4 * segments.length + 1));
  const size = Math.max(mean, floor, Math.max(w, h) / 4096, Number.MIN_VALUE);
  const cols = Math.min(4096, Math.floor(w / size) + 1);
  const rows = Math.min(4096, Math.floor(h / size) + 1);
  const grid: SegmentGrid = { x0, y0, size, cols, rows, cells: Array.from({ length: cols * rows }, () => []), span: new Int32Array(4 * segments.length) };
  segments.forEach(({ a, b }, i) => {
    const [c0, r0] = cellOf(grid, Math.min(a[0], b[0]), Math.min(a[1], b[1]));
    const [c1, r1] = cellOf(grid, Math.max(a[0], b[0]), Math.max(a[1], b[1]));
    grid.span.set([c0, c1, r0, r1], 4 * i);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) grid.cells[r * cols + c].push(i);
  });
  return grid;
}

/** The column and row of the cell holding a point of the grid's box. */
function cellOf(grid: SegmentGrid, x: number, y: number): [number, number] {
  const col = Math.min(grid.cols - 1, Math.max(0, Math.floor((x - grid.x0) / grid.size)));
  const row = Math.min(grid.rows - 1, Math.max(0, Math.floor((y - grid.y0) / grid.size)));
  return [col, row];
}

/**
 * The places where the rings of a feature (every ring of every part) cross one another or
 * themselves. A crossing is either two edges whose insides cross, or a point where two passes of
 * the boundary meet and cross over (their edges interleave around the point). Rings that only touch
 * — parts meeting at a corner, a hole touching its outer ring at a point, a vertex resting on an
 * edge, a shared stretch of edge — do not cross. Each point is listed once, west to east (south to
 * north at one longitude). Pairs of edges are found through a grid (segmentGrid): near-linear in
 * the vertices for zones as drawn, 100,000 vertices included.
 */
export function ringCrossings(polygons: MultiPolygonCoords): Point[] {
  const rings = polygons.flat() as Point[][];
  const segments: Segment[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) segments.push({ ring: r, index: i, a: ring[i], b: ring[i + 1] });
  });
  if (segments.length === 0) return [];
  const found = new Map<string, Point>();
  const touches = new Map<string, Point>();
  const grid = segmentGrid(segments);
  const { span } = grid;
  grid.cells.forEach((cell, at) => {
    const [col, row] = [at % grid.cols, Math.floor(at / grid.cols)];
    for (let u = 0; u < cell.length; u++) {
      for (let v = u + 1; v < cell.length; v++) {
        const [i, j] = [cell[u], cell[v]];
        // A pair is compared once: in the first cell (lowest column and row) both cover.
        if (Math.max(span[4 * i], span[4 * j]) !== col || Math.max(span[4 * i + 2], span[4 * j + 2]) !== row) continue;
        comparePair(segments[i], segments[j], rings, found, touches);
      }
    }
  });
  for (const [k, p] of touches) if (!found.has(k) && passesCross(p, rings, segments, grid)) found.set(k, p);
  return [...found.values()].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** Compares two edges: a proper crossing goes to `found`; a vertex of one on the other (or at its end) to `touches`, to be looked at closer. */
function comparePair(s: Segment, t: Segment, rings: Point[][], found: Map<string, Point>, touches: Map<string, Point>): void {
  if (Math.max(s.a[0], s.b[0]) < Math.min(t.a[0], t.b[0]) || Math.max(t.a[0], t.b[0]) < Math.min(s.a[0], s.b[0])) return;
  if (Math.max(s.a[1], s.b[1]) < Math.min(t.a[1], t.b[1]) || Math.max(t.a[1], t.b[1]) < Math.min(s.a[1], s.b[1])) return;
  if (adjacent(s, t, rings)) return;
  const [o1, o2, o3, o4] = [orient(s.a, s.b, t.a), orient(s.a, s.b, t.b), orient(t.a, t.b, s.a), orient(t.a, t.b, s.b)];
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const p = crossingPoint(s, t);
    found.set(key(p), p);
    return;
  }
  for (const [p, seg, o] of [[t.a, s, o1], [t.b, s, o2], [s.a, t, o3], [s.b, t, o4]] as const) {
    if (o === 0 && (same(p, seg.a) || same(p, seg.b) || strictlyInside(seg, p))) touches.set(key(p), p);
  }
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
 * the point; passes sharing a direction (a shared stretch of edge) are taken as touching. Only the
 * edges listed in the point's grid cell can hold it or end there.
 */
function passesCross(p: Point, rings: Point[][], segments: Segment[], grid: SegmentGrid): boolean {
  const passes: [number, number][] = [];
  const angle = (q: Point) => Math.atan2(q[1] - p[1], q[0] - p[0]);
  const [col, row] = cellOf(grid, p[0], p[1]);
  for (const i of grid.cells[row * grid.cols + col]) {
    const s = segments[i];
    // A vertex at p is the start of one of its ring's edges (the closing position is not a vertex of its own).
    if (same(s.a, p)) {
      const ring = rings[s.ring];
      const n = ring.length - 1;
      passes.push([angle(ring[(s.index + n - 1) % n]), angle(s.b)]);
    } else if (orient(s.a, s.b, p) === 0 && strictlyInside(s, p)) passes.push([angle(s.a), angle(s.b)]);
  }
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
