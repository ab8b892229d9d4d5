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
  const ux = b[0] - a[0];
  const uy = b[1] - a[1];
  const vx = c[0] - a[0];
  const vy = c[1] - a[1];
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
 * A sparse uniform grid of the segments: each is listed in every cell its bounding box covers. The
 * cell side is the extent of a segment at the 90th percentile (9 in 10 cover at most 4 cells), so a
 * cell holds a few neighbouring pieces whether the zone is a long straight edge cut into 100,000
 * pieces (where a sweep along one axis compares every piece of a north–south edge with every
 * other) or a finely drawn curve. The few segments
 * that would cover more than LONG cells are kept aside in `long` and compared with every segment.
 */
interface SegmentGrid {
  x0: number;
  y0: number;
  size: number;
  rows: number;
  /** Segment numbers per occupied cell, by cell key (column × rows + row). */
  cells: Map<number, number[]>;
  /** Per segment: its first column (at 4·i) and first row (at 4·i + 2). */
  span: Float64Array;
  /** Segments that cover more than LONG cells (not in `cells`). */
  long: number[];
}

/** Most cells a segment is listed in; a longer one is compared with every segment instead. */
const LONG = 64;

function segmentGrid(segments: Segment[]): SegmentGrid {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const extents = new Float64Array(segments.length);
  segments.forEach(({ a, b }, i) => {
    [x0, y0] = [Math.min(x0, a[0], b[0]), Math.min(y0, a[1], b[1])];
    [x1, y1] = [Math.max(x1, a[0], b[0]), Math.max(y1, a[1], b[1])];
    extents[i] = Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]));
  });
  // Repeated points (edges of no length) do not size the cells.
  const positive = extents.filter((e) => e > 0).sort();
  const typical = positive.length > 0 ? positive[Math.floor(positive.length * 0.9)] : 0;
  // At most 2^20 cells a side (keys stay exact integers), and never cells of no size.
  const size = Math.max(typical, Math.max(x1 - x0, y1 - y0) / 2 ** 20, Number.MIN_VALUE);
  const grid: SegmentGrid = { x0, y0, size, rows: Math.floor((y1 - y0) / size) + 1, cells: new Map(), span: new Float64Array(4 * segments.length), long: [] };
  segments.forEach(({ a, b }, i) => {
    const c0 = columnOf(grid, Math.min(a[0], b[0]));
    const c1 = columnOf(grid, Math.max(a[0], b[0]));
    const r0 = rowOf(grid, Math.min(a[1], b[1]));
    const r1 = rowOf(grid, Math.max(a[1], b[1]));
    grid.span[4 * i] = c0;
    grid.span[4 * i + 2] = r0;
    if ((c1 - c0 + 1) * (r1 - r0 + 1) > LONG) {
      grid.long.push(i);
      return;
    }
    for (let c = c0; c <= c1; c++) {
      for (let r = r0; r <= r1; r++) {
        const k = c * grid.rows + r;
        const cell = grid.cells.get(k);
        if (cell) cell.push(i);
        else grid.cells.set(k, [i]);
      }
    }
  });
  return grid;
}

/** The column of the cells holding longitude x (of the grid's box). */
const columnOf = (grid: SegmentGrid, x: number) => Math.max(0, Math.floor((x - grid.x0) / grid.size));
/** The row of the cells holding latitude y (of the grid's box). */
const rowOf = (grid: SegmentGrid, y: number) => Math.min(grid.rows - 1, Math.max(0, Math.floor((y - grid.y0) / grid.size)));

/** Most pairs per edge the sweep looks at before the grid takes over. */
const SWEEP_PAIRS_PER_EDGE = 32;

/**
 * The places where the rings of a feature (every ring of every part) cross one another or
 * themselves. A crossing is either two edges whose insides cross, or a point where two passes of
 * the boundary meet and cross over (their edges interleave around the point). Rings that only touch
 * — parts meeting at a corner, a hole touching its outer ring at a point, a vertex resting on an
 * edge, a shared stretch of edge — do not cross. Each point is listed once, west to east (south to
 * north at one longitude). Pairs of edges come from a sweep by west end, which is fast for zones as
 * drawn; when edges pile up along one longitude (a north–south edge cut into thousands of pieces)
 * it stops and a grid (segmentGrid) finds them instead: near-linear either way, 100,000 vertices
 * included. `sweepPairsPerEdge` (tests: 0 for the grid alone) is the sweep's budget per edge.
 */
export function ringCrossings(polygons: MultiPolygonCoords, sweepPairsPerEdge = SWEEP_PAIRS_PER_EDGE): Point[] {
  const rings = polygons.flat() as Point[][];
  const segments: Segment[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) segments.push({ ring: r, index: i, a: ring[i], b: ring[i + 1] });
  });
  if (segments.length === 0) return [];
  const found = new Map<string, Point>();
  const touches = new Map<string, Point>();
  let grid: SegmentGrid | undefined;
  if (!sweepPairs(segments, rings, found, touches, sweepPairsPerEdge * segments.length)) {
    found.clear();
    touches.clear();
    grid = segmentGrid(segments);
    gridPairs(segments, rings, grid, found, touches);
  }
  for (const [k, p] of touches) {
    grid ??= segmentGrid(segments);
    if (!found.has(k) && passesCross(p, rings, segments, grid)) found.set(k, p);
  }
  return [...found.values()].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** Compares the pairs of edges whose longitude ranges overlap, by west end; false (given up) after looking at `budget` pairs. */
function sweepPairs(segments: Segment[], rings: Point[][], found: Map<string, Point>, touches: Map<string, Point>, budget: number): boolean {
  const west = segments.map((s) => Math.min(s.a[0], s.b[0]));
  const order = segments.map((_, i) => i).sort((i, j) => west[i] - west[j]);
  let looked = 0;
  for (let u = 0; u < order.length; u++) {
    const s = segments[order[u]];
    const east = Math.max(s.a[0], s.b[0]);
    for (let v = u + 1; v < order.length && west[order[v]] <= east; v++) {
      if (++looked > budget) return false;
      comparePair(s, segments[order[v]], rings, found, touches);
    }
  }
  return true;
}

/** Compares every pair of edges that share a cell of the grid (each pair once), and each long edge with every other edge. */
function gridPairs(segments: Segment[], rings: Point[][], grid: SegmentGrid, found: Map<string, Point>, touches: Map<string, Point>): void {
  const { span } = grid;
  for (const [k, cell] of grid.cells) {
    const col = Math.floor(k / grid.rows);
    const row = k % grid.rows;
    for (let u = 0; u < cell.length; u++) {
      for (let v = u + 1; v < cell.length; v++) {
        const i = cell[u];
        const j = cell[v];
        // A pair is compared once: in the first cell (lowest column and row) both cover.
        if (Math.max(span[4 * i], span[4 * j]) !== col || Math.max(span[4 * i + 2], span[4 * j + 2]) !== row) continue;
        comparePair(segments[i], segments[j], rings, found, touches);
      }
    }
  }
  const isLong = new Set(grid.long);
  for (const i of grid.long) {
    for (let j = 0; j < segments.length; j++) if (j !== i && !(isLong.has(j) && j < i)) comparePair(segments[i], segments[j], rings, found, touches);
  }
}

/** Compares two edges: a proper crossing goes to `found`; a vertex of one on the other (or at its end) to `touches`, to be looked at closer. */
function comparePair(s: Segment, t: Segment, rings: Point[][], found: Map<string, Point>, touches: Map<string, Point>): void {
  if (Math.max(s.a[0], s.b[0]) < Math.min(t.a[0], t.b[0]) || Math.max(t.a[0], t.b[0]) < Math.min(s.a[0], s.b[0])) return;
  if (Math.max(s.a[1], s.b[1]) < Math.min(t.a[1], t.b[1]) || Math.max(t.a[1], t.b[1]) < Math.min(s.a[1], s.b[1])) return;
  if (adjacent(s, t, rings)) return;
  const o1 = orient(s.a, s.b, t.a);
  const o2 = orient(s.a, s.b, t.b);
  const o3 = orient(t.a, t.b, s.a);
  const o4 = orient(t.a, t.b, s.b);
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    const p = crossingPoint(s, t);
    found.set(key(p), p);
    return;
  }
  if (o1 === 0) touch(t.a, s, touches);
  if (o2 === 0) touch(t.b, s, touches);
  if (o3 === 0) touch(s.a, t, touches);
  if (o4 === 0) touch(s.b, t, touches);
}

/** Notes p, on the line of `seg`, as a touching point when it is an end of seg or lies inside it. */
function touch(p: Point, seg: Segment, touches: Map<string, Point>): void {
  if (same(p, seg.a) || same(p, seg.b) || strictlyInside(seg, p)) touches.set(key(p), p);
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
 * edges listed in the point's grid cell, and the long ones, can hold it or end there.
 */
function passesCross(p: Point, rings: Point[][], segments: Segment[], grid: SegmentGrid): boolean {
  const passes: [number, number][] = [];
  const angle = (q: Point) => Math.atan2(q[1] - p[1], q[0] - p[0]);
  for (const i of [...(grid.cells.get(columnOf(grid, p[0]) * grid.rows + rowOf(grid, p[1])) ?? []), ...grid.long]) {
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
