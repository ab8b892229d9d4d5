import { orient2d } from 'robust-predicates';
import type { ZoneSet } from './dataset';
import { cellOfPoint, type GridFrame } from './gridFrame';

/** Cell value: the point is outside every zone. */
export const OUTSIDE = -1;
/** Cell values ≤ FIRST_SLOT are boundary cells: slot = FIRST_SLOT − value. */
export const FIRST_SLOT = -2;

/**
 * A raster index over the zones of one level, exact on any zones: overlapping, nested, holed,
 * multi-part. Each polygon of a zone is read even-odd (its holes cut it; another polygon of the
 * same zone does not); a zone contains a point when one of its polygons does; a point in several
 * zones goes to the zone of lowest `rank` (ZoneSet.rank).
 *
 * Cells that no edge touches hold a *state*: the set of polygons covering the whole cell (states
 * 0 .. polygonCount−1 are the single polygons; larger ids are interned sets), or OUTSIDE. A cell
 * an edge touches holds a slot listing its edges. A point there is placed exactly: the horizontal
 * ray from the point eastward is followed through boundary cells to the first cell that holds a
 * state, and the edges it crosses on the way (robust orientation tests) toggle that state's
 * polygons. Edges are stored low end first, so the two copies of a shared edge give the same answer.
 *
 * The boundary rule follows: a point exactly on a boundary belongs to the side just east of it
 * (on an east–west edge, just north; at a corner, the zone just east-north-east), so a point on an
 * edge or vertex shared by zones of a partition is in exactly one of them. A point on a boundary
 * with no zone on that side (the county's edge, a gap's edge) belongs to the best-ranked zone whose
 * boundary it lies on: every point of a zone's closure is in some zone.
 */
export interface ZoneGrid extends GridFrame {
  /** nx × ny cells, row-major from minY: a state, OUTSIDE, or FIRST_SLOT − slot. */
  cells: Int32Array;
  /** Edges touching each boundary cell (CSR): slot s holds slotEdges[slotStart[s] .. slotStart[s+1]). */
  slotStart: Int32Array;
  slotEdges: Int32Array;
  /** Scratch of the build, kept for the next one. */
  pairScratch: Int32Array;
  /** Number of edges; the edge arrays may be longer (reused capacity). */
  edgeCount: number;
  /** Edge endpoints, low end first (y1 < y2, or y1 = y2 and x1 ≤ x2), and owning polygon. */
  ex1: Float64Array;
  ey1: Float64Array;
  ex2: Float64Array;
  ey2: Float64Array;
  epolygon: Int32Array;
  /** Zone of each polygon. */
  polygonZone: Int32Array;
  /** Polygons of each state (CSR over states). */
  stateStart: Int32Array;
  statePolygons: Int32Array;
  /** Distinct zones of each state, best rank first (CSR over states). */
  stateZoneStart: Int32Array;
  stateZones: Int32Array;
  /** The zone each state goes to (its best-ranked zone). */
  stateWinner: Int32Array;
  /** Rank of each zone (lower wins an overlap). */
  rank: Int32Array;
  /** Scratch of the exact test: parity per polygon (all zero between calls), a stamp per edge. */
  parity: Uint8Array;
  edgeStamp: Int32Array;
  stamp: number;
}

/** A typed array of at least `n` items: `old` when it is large enough, else a new one. */
function reuse<T extends Float64Array | Int32Array | Uint8Array>(old: T | undefined, n: number, make: (n: number) => T): T {
  return old && old.length >= n ? old : make(n);
}

/** Edges of all zones as flat arrays (low end first), reusing `prev`'s when large enough. */
function collectEdges(zones: ZoneSet, prev?: ZoneGrid) {
  let edgeCount = 0;
  let polygonCount = 0;
  for (const polygons of zones.polygons) {
    polygonCount += polygons.length;
    for (const rings of polygons) for (const ring of rings) edgeCount += ring.length / 2;
  }
  const f64 = (n: number) => new Float64Array(n);
  const i32 = (n: number) => new Int32Array(n);
  const ex1 = reuse(prev?.ex1, edgeCount, f64);
  const ey1 = reuse(prev?.ey1, edgeCount, f64);
  const ex2 = reuse(prev?.ex2, edgeCount, f64);
  const ey2 = reuse(prev?.ey2, edgeCount, f64);
  const epolygon = reuse(prev?.epolygon, edgeCount, i32);
  const polygonZone = new Int32Array(polygonCount);
  let e = 0;
  let p = 0;
  for (let z = 0; z < zones.polygons.length; z++) {
    for (const rings of zones.polygons[z]) {
      polygonZone[p] = z;
      for (const ring of rings) {
        const n = ring.length / 2;
        for (let i = 0; i < n; i++) {
          const j = i + 1 === n ? 0 : i + 1;
          const ax = ring[2 * i];
          const ay = ring[2 * i + 1];
          const bx = ring[2 * j];
          const by = ring[2 * j + 1];
          const flip = ay > by || (ay === by && ax > bx);
          ex1[e] = flip ? bx : ax;
          ey1[e] = flip ? by : ay;
          ex2[e] = flip ? ax : bx;
          ey2[e] = flip ? ay : by;
          epolygon[e] = p;
          e++;
        }
      }
      p++;
    }
  }
  return { edgeCount, ex1, ey1, ex2, ey2, epolygon, polygonZone };
}

/** Interned polygon sets: the single polygons first, then every larger set met by the fill. */
class StateTable {
  private readonly ids = new Map<string, number>();
  readonly sets: number[][] = [];
  constructor(polygonCount: number) {
    for (let p = 0; p < polygonCount; p++) this.sets.push([p]);
  }
  /** The state of the sorted polygons `polygons[0 .. count)` (at least two). */
  idOf(polygons: Int32Array, count: number): number {
    const members = Array.from(polygons.subarray(0, count));
    const key = members.join(',');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.ids.set(key, id);
      this.sets.push(members);
    }
    return id;
  }
}

/**
 * Builds the raster index of a level's zones over `frame` (the pupils' frame: zones beyond it are
 * clipped, as no pupil lives there). Cost is linear in edges and cells. Passing the previous grid
 * reuses its arrays, so a rebuild allocates little; `previous` must not be used afterwards.
 */
export function buildZoneGrid(zones: ZoneSet, frame: GridFrame, previous?: ZoneGrid): ZoneGrid {
  const edges = collectEdges(zones, previous);
  const size = frame.nx * frame.ny;
  const polygonCount = edges.polygonZone.length;
  // An object literal with every field in a fixed order keeps one hidden class (a spread made it
  // slow to read in the hot loops).
  const grid: ZoneGrid = {
    minX: frame.minX,
    minY: frame.minY,
    scaleX: frame.scaleX,
    scaleY: frame.scaleY,
    nx: frame.nx,
    ny: frame.ny,
    cells: previous?.cells.length === size ? previous.cells : new Int32Array(size),
    slotStart: previous?.slotStart ?? new Int32Array(1024),
    slotEdges: previous?.slotEdges ?? new Int32Array(4096),
    pairScratch: previous?.pairScratch ?? new Int32Array(8192),
    edgeCount: edges.edgeCount,
    ex1: edges.ex1,
    ey1: edges.ey1,
    ex2: edges.ex2,
    ey2: edges.ey2,
    epolygon: edges.epolygon,
    polygonZone: edges.polygonZone,
    stateStart: new Int32Array(0),
    statePolygons: new Int32Array(0),
    stateZoneStart: new Int32Array(0),
    stateZones: new Int32Array(0),
    stateWinner: new Int32Array(0),
    rank: zones.rank,
    parity: reuse(previous?.parity, polygonCount, (n) => new Uint8Array(n)),
    edgeStamp: reuse(previous?.edgeStamp, edges.edgeCount, (n) => new Int32Array(n)),
    stamp: previous?.stamp ?? 0,
  };
  const states = new StateTable(polygonCount);
  fillInteriors(grid, states);
  setStates(grid, states);
  indexBoundaryCells(grid);
  return grid;
}

/** Stores the interned states as CSR arrays with their zones ordered by rank. */
function setStates(g: ZoneGrid, states: StateTable): void {
  const n = states.sets.length;
  g.stateStart = new Int32Array(n + 1);
  g.stateZoneStart = new Int32Array(n + 1);
  g.stateWinner = new Int32Array(n);
  const polygons: number[] = [];
  const zones: number[] = [];
  states.sets.forEach((set, s) => {
    polygons.push(...set);
    const distinct = [...new Set(set.map((p) => g.polygonZone[p]))].sort((a, b) => g.rank[a] - g.rank[b]);
    zones.push(...distinct);
    g.stateStart[s + 1] = polygons.length;
    g.stateZoneStart[s + 1] = zones.length;
    g.stateWinner[s] = distinct[0];
  });
  g.statePolygons = Int32Array.from(polygons);
  g.stateZones = Int32Array.from(zones);
}

// Edges are indexed over the cells they touch, widened by this fraction of a cell, so that an edge
// running along a cell border, or rounded at one, still marks the cells on both sides.
const TOUCH = 1e-7;

/** The first grid row edge i may touch, clamped to the frame. */
function firstRow(g: ZoneGrid, i: number): number {
  return Math.max(0, Math.floor((g.ey1[i] - g.minY) * g.scaleY - TOUCH));
}

/** The last grid row edge i may touch, clamped to the frame (below firstRow when outside it). */
function lastRow(g: ZoneGrid, i: number): number {
  return Math.min(g.ny - 1, Math.floor((g.ey2[i] - g.minY) * g.scaleY + TOUCH));
}

/** Scanline fill: each cell gets the state (set of polygons) containing its centre. */
function fillInteriors(g: ZoneGrid, states: StateTable): void {
  const { ex1, ey1, ex2, ey2, epolygon, parity, cells, nx, ny, edgeCount } = g;
  // Edges listed per grid row (CSR), so each scanline visits only the edges that span it.
  const rowStart = new Int32Array(ny + 1);
  for (let i = 0; i < edgeCount; i++) {
    for (let r = firstRow(g, i), r1 = lastRow(g, i); r <= r1; r++) rowStart[r + 1]++;
  }
  for (let r = 0; r < ny; r++) rowStart[r + 1] += rowStart[r];
  const rowEdges = new Int32Array(rowStart[ny]);
  const next = rowStart.slice(0, ny);
  for (let i = 0; i < edgeCount; i++) {
    for (let r = firstRow(g, i), r1 = lastRow(g, i); r <= r1; r++) rowEdges[next[r]++] = i;
  }
  let xs: Float64Array = new Float64Array(64);
  let ps: Int32Array = new Int32Array(64);
  // The polygons the scanline is inside, sorted (usually none or one).
  let active: Int32Array = new Int32Array(16);
  let inside = 0;
  for (let r = 0; r < ny; r++) {
    const yc = g.minY + (r + 0.5) / g.scaleY;
    if (rowStart[r + 1] - rowStart[r] > xs.length) {
      xs = new Float64Array(2 * (rowStart[r + 1] - rowStart[r]));
      ps = new Int32Array(xs.length);
    }
    let m = 0;
    for (let k = rowStart[r]; k < rowStart[r + 1]; k++) {
      const i = rowEdges[k];
      if (!(ey1[i] <= yc && yc < ey2[i])) continue;
      const x = ex1[i] + ((yc - ey1[i]) * (ex2[i] - ex1[i])) / (ey2[i] - ey1[i]);
      // Insertion sort: a row crosses a few dozen edges.
      let p = m++;
      while (p > 0 && xs[p - 1] > x) {
        xs[p] = xs[p - 1];
        ps[p] = ps[p - 1];
        p--;
      }
      xs[p] = x;
      ps[p] = epolygon[i];
    }
    // Every cell of the row is written once: OUTSIDE up to a span, the span's state, and so on.
    let written = r * nx;
    const rowEnd = written + nx;
    for (let c = 0; c < m; c++) {
      const polygon = ps[c];
      parity[polygon] ^= 1;
      if (parity[polygon] === 1) {
        if (inside === active.length) active = grow(active, inside + 1);
        let at = inside++;
        while (at > 0 && active[at - 1] > polygon) {
          active[at] = active[at - 1];
          at--;
        }
        active[at] = polygon;
      } else {
        let at = 0;
        while (active[at] !== polygon) at++;
        inside--;
        for (; at < inside; at++) active[at] = active[at + 1];
      }
      if (inside === 0 || c + 1 === m) continue;
      // Cells whose centre lies in [xs[c], xs[c+1]).
      const from = r * nx + clamp(Math.ceil((xs[c] - g.minX) * g.scaleX - 0.5), 0, nx);
      const to = r * nx + clamp(Math.ceil((xs[c + 1] - g.minX) * g.scaleX - 0.5), 0, nx);
      if (to <= from) continue;
      const state = inside === 1 ? active[0] : states.idOf(active, inside);
      while (written < from) cells[written++] = OUTSIDE;
      while (written < to) cells[written++] = state;
    }
    while (written < rowEnd) cells[written++] = OUTSIDE;
    for (let c = 0; c < m; c++) parity[ps[c]] = 0;
    inside = 0;
  }
}

/**
 * Writes into `buf` the cells edge i touches (row by row over the x-extent of the edge within the
 * row, widened by TOUCH, so no cell is missed) and returns how many; `buf` grows as needed.
 */
function cellsOfEdge(g: ZoneGrid, i: number, buf: { cells: Int32Array }): number {
  const ax = (g.ex1[i] - g.minX) * g.scaleX;
  const ay = (g.ey1[i] - g.minY) * g.scaleY;
  const bx = (g.ex2[i] - g.minX) * g.scaleX;
  const by = (g.ey2[i] - g.minY) * g.scaleY;
  const r0 = firstRow(g, i);
  const r1 = lastRow(g, i);
  const dxdy = by === ay ? 0 : (bx - ax) / (by - ay);
  let n = 0;
  for (let r = r0; r <= r1; r++) {
    let xa = ax;
    let xb = bx;
    if (by !== ay) {
      xa = ax + (Math.min(Math.max(r, ay), by) - ay) * dxdy;
      xb = ax + (Math.min(Math.max(r + 1, ay), by) - ay) * dxdy;
    }
    const c0 = Math.max(0, Math.floor(Math.min(xa, xb) - TOUCH));
    const c1 = Math.min(g.nx - 1, Math.floor(Math.max(xa, xb) + TOUCH));
    if (c1 < c0) continue;
    if (n + c1 - c0 + 1 > buf.cells.length) buf.cells = grow(buf.cells, n + c1 - c0 + 1);
    const out = buf.cells;
    for (let c = c0; c <= c1; c++) out[n++] = r * g.nx + c;
  }
  return n;
}

/**
 * Turns every cell an edge touches into a slot holding its edges. The slot arrays grow
 * geometrically and are kept for the next build.
 */
function indexBoundaryCells(g: ZoneGrid): void {
  const { cells, edgeCount } = g;
  const buf = { cells: new Int32Array(256) };
  // Counts per slot are accumulated in slotStart[s + 1], then turned into offsets.
  let slotStart = g.slotStart;
  slotStart[0] = 0;
  let slots = 0;
  // (slot, edge) pairs in visiting order, so the edges are walked over the grid only once.
  let pairs = g.pairScratch;
  let pairCount = 0;
  for (let i = 0; i < edgeCount; i++) {
    const n = cellsOfEdge(g, i, buf);
    if (2 * (pairCount + n) > pairs.length) pairs = grow(pairs, 2 * (pairCount + n));
    for (let k = 0; k < n; k++) {
      const cell = buf.cells[k];
      let v = cells[cell];
      if (v > FIRST_SLOT) {
        if (slots + 2 > slotStart.length) slotStart = grow(slotStart, slots + 2);
        slotStart[slots + 1] = 0;
        v = FIRST_SLOT - slots++;
        cells[cell] = v;
      }
      slotStart[FIRST_SLOT - v + 1]++;
      pairs[2 * pairCount] = FIRST_SLOT - v;
      pairs[2 * pairCount + 1] = i;
      pairCount++;
    }
  }
  for (let s = 0; s < slots; s++) slotStart[s + 1] += slotStart[s];
  let slotEdges = g.slotEdges;
  if (slotStart[slots] > slotEdges.length) slotEdges = new Int32Array(Math.max(slotStart[slots], 2 * slotEdges.length));
  // Fill each slot from its end backwards, walking the pairs backwards: edges stay in order and
  // slotStart stays as it is.
  const next = new Int32Array(slots);
  for (let s = 0; s < slots; s++) next[s] = slotStart[s + 1];
  for (let p = pairCount - 1; p >= 0; p--) slotEdges[--next[pairs[2 * p]]] = pairs[2 * p + 1];
  g.slotStart = slotStart;
  g.slotEdges = slotEdges;
  g.pairScratch = pairs;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

function grow(a: Int32Array, atLeast: number): Int32Array {
  const b = new Int32Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Hears the points a zone does not simply contain: `zones[0 .. count)` are, best rank first, the
 * zones containing the point (two or more), or, when `onBoundary`, the zones on whose boundary a
 * point in no zone lies (one or more). The first is the zone the point goes to. `zones` is reused
 * after the call returns.
 */
export type OverlapSink = (point: number, zones: Int32Array, count: number, onBoundary: boolean) => void;

// Shewchuk's error bound for the plain determinant (robust-predicates' ccwerrboundA).
const ORIENT_BOUND = (3 + 16 * 2 ** -53) * 2 ** -53;

/**
 * robust-predicates' orient2d (negative when c lies left of a → b) with its fast path written out
 * here, where V8 inlines it into the hot loop: the plain determinant when its sign is certain, else
 * the exact predicate. Measured 5–10 % off a full recompute.
 */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const left = (ay - cy) * (bx - cx);
  const right = (ax - cx) * (by - cy);
  const det = left - right;
  return Math.abs(det) >= ORIENT_BOUND * Math.abs(left + right) ? det : orient2d(ax, ay, bx, by, cx, cy);
}

/** Scratch of the exact test: the polygons one point's ray touched, and the zones found. */
const scratch: { polygons: Int32Array; zones: Int32Array } = { polygons: new Int32Array(64), zones: new Int32Array(64) };

// Per polygon in ZoneGrid.parity: bit 0 is the parity, bit 1 marks it listed in scratch.polygons.
const LISTED = 2;

/** Toggles a polygon's parity, listing it the first time; returns the new list length. */
function toggle(parity: Uint8Array, polygon: number, listed: number): number {
  if ((parity[polygon] & LISTED) === 0) {
    if (listed === scratch.polygons.length) scratch.polygons = grow(scratch.polygons, listed + 1);
    scratch.polygons[listed++] = polygon;
  }
  parity[polygon] = (parity[polygon] ^ 1) | LISTED;
  return listed;
}

/** A fresh stamp (never 0) for the edges one point's ray meets; stamps restart before Int32 overflow. */
function nextStamp(g: ZoneGrid): number {
  if (g.stamp === 0x3fffffff) {
    g.edgeStamp.fill(0);
    g.stamp = 0;
  }
  return ++g.stamp;
}

/**
 * The distinct zones of the odd polygons among the listed ones, best rank first, into
 * scratch.zones; clears their parity. Returns how many.
 */
function collectZones(g: ZoneGrid, listed: number): number {
  let found = 0;
  for (let t = 0; t < listed; t++) {
    const polygon = scratch.polygons[t];
    const odd = (g.parity[polygon] & 1) === 1;
    g.parity[polygon] = 0;
    if (!odd) continue;
    const z = g.polygonZone[polygon];
    let seen = false;
    for (let f = 0; f < found && !seen; f++) seen = scratch.zones[f] === z;
    if (seen) continue;
    if (found === scratch.zones.length) scratch.zones = grow(scratch.zones, found + 1);
    let at = found++;
    while (at > 0 && g.rank[scratch.zones[at - 1]] > g.rank[z]) {
      scratch.zones[at] = scratch.zones[at - 1];
      at--;
    }
    scratch.zones[at] = z;
  }
  return found;
}

/**
 * Exact test of the points `list[0..count)` (indexes into x, y, cell), each in a boundary cell of
 * the grid; writes the zone (or OUTSIDE) of `list[k]` into `zonesOut[k]`, and reports points in
 * several zones to `sink` (by their index list[k]). Batched so the grid's fields are read once.
 */
export function exactZones(
  g: ZoneGrid,
  x: Float64Array,
  y: Float64Array,
  cell: Int32Array,
  list: Int32Array,
  count: number,
  zonesOut: Int32Array,
  sink?: OverlapSink,
): void {
  const { cells, nx, slotStart, slotEdges, edgeStamp, epolygon, parity, stateStart, statePolygons, ex1, ey1, ex2, ey2 } = g;
  for (let k = 0; k < count; k++) {
    const p = list[k];
    const px = x[p];
    const py = y[p];
    const rowStart = cell[p] - (cell[p] % nx);
    const c0 = cell[p] - rowStart;
    // The nearest cell east or west of the point that no edge touches: its state is known.
    let east = c0;
    while (east < nx && cells[rowStart + east] <= FIRST_SLOT) east++;
    let west = c0;
    while (west >= 0 && west > 2 * c0 - east && cells[rowStart + west] <= FIRST_SLOT) west--;
    const westward = west >= 0 && c0 - west < east - c0;
    let listed = 0;
    if (westward || east < nx) {
      const q = westward ? west : east;
      const qx = g.minX + (q + 0.5) / g.scaleX;
      const from = westward ? west + 1 : c0;
      const to = westward ? c0 + 1 : east;
      // An edge is listed once per cell: stamps are needed only when the ray crosses several.
      const stamp = to - from > 1 ? nextStamp(g) : 0;
      for (let c = from; c < to; c++) {
        const slot = FIRST_SLOT - cells[rowStart + c];
        for (let j = slotStart[slot], end = slotStart[slot + 1]; j < end; j++) {
          const i = slotEdges[j];
          const ay = ey1[i];
          const by = ey2[i];
          if (!(ay <= py && py < by)) continue;
          if (stamp !== 0) {
            if (edgeStamp[i] === stamp) continue;
            edgeStamp[i] = stamp;
          }
          // robust-predicates' orient2d is negative when the third point lies left of a → b. East:
          // the crossings strictly east of the point and west of qx flip qx's state. West: those
          // strictly west of the point and east of qx, and those through the point (a crossing
          // count along the whole line is even), flip it.
          const side = orient(ex1[i], ay, ex2[i], by, px, py);
          const flips = westward ? side === 0 || (side > 0 && orient(ex1[i], ay, ex2[i], by, qx, py) < 0) : side < 0 && orient(ex1[i], ay, ex2[i], by, qx, py) > 0;
          if (flips) listed = toggle(parity, epolygon[i], listed);
        }
      }
      const state = cells[rowStart + q];
      if (state >= 0) for (let j = stateStart[state]; j < stateStart[state + 1]; j++) listed = toggle(parity, statePolygons[j], listed);
    } else {
      // The ray leaves the frame through boundary cells: every edge is tested (rare).
      for (let i = 0; i < g.edgeCount; i++) {
        if (ey1[i] <= py && py < ey2[i] && orient2d(ex1[i], ey1[i], ex2[i], ey2[i], px, py) < 0) listed = toggle(parity, epolygon[i], listed);
      }
    }
    const found = collectZones(g, listed);
    if (found > 0) {
      zonesOut[k] = scratch.zones[0];
      if (found > 1 && sink) sink(p, scratch.zones, found, false);
      continue;
    }
    const touching = collectTouching(g, FIRST_SLOT - cells[cell[p]], px, py);
    zonesOut[k] = touching > 0 ? scratch.zones[0] : OUTSIDE;
    if (touching > 0 && sink) sink(p, scratch.zones, touching, true);
  }
}

/** Whether (px, py) lies exactly on edge i (ends included). */
function onEdge(g: ZoneGrid, i: number, px: number, py: number): boolean {
  const [ax, ay, bx, by] = [g.ex1[i], g.ey1[i], g.ex2[i], g.ey2[i]];
  if (py < ay || py > by || px < Math.min(ax, bx) || px > Math.max(ax, bx)) return false;
  return orient2d(ax, ay, bx, by, px, py) === 0;
}

/**
 * The distinct zones with an edge in `slot` through (px, py), best rank first, into scratch.zones
 * (every edge through a point is listed in the point's cell). Returns how many.
 */
function collectTouching(g: ZoneGrid, slot: number, px: number, py: number): number {
  let listed = 0;
  for (let j = g.slotStart[slot]; j < g.slotStart[slot + 1]; j++) {
    const i = g.slotEdges[j];
    if (!onEdge(g, i, px, py) || (g.parity[g.epolygon[i]] & LISTED) !== 0) continue;
    // Listed with an odd parity, so collectZones keeps it.
    listed = toggle(g.parity, g.epolygon[i], listed);
  }
  return collectZones(g, listed);
}

/**
 * The zone of every point i of `x`, `y` (degrees) written to `out[i]` (OUTSIDE when none), with
 * the points in several zones, or on a boundary only, reported to `sink`. Points outside the
 * grid's frame are OUTSIDE.
 */
export function locateInGrid(g: ZoneGrid, x: Float64Array, y: Float64Array, out: Int32Array, sink?: OverlapSink): void {
  const n = x.length;
  const cell = new Int32Array(n);
  const list = new Int32Array(n);
  let boundary = 0;
  for (let i = 0; i < n; i++) {
    const c = cellOfPoint(g, x[i], y[i]);
    cell[i] = c;
    const v = c >= 0 ? g.cells[c] : OUTSIDE;
    if (v <= FIRST_SLOT) {
      list[boundary++] = i;
      continue;
    }
    out[i] = v >= 0 ? g.stateWinner[v] : OUTSIDE;
    if (v >= 0 && sink && g.stateZoneStart[v + 1] - g.stateZoneStart[v] > 1) {
      sink(i, g.stateZones.subarray(g.stateZoneStart[v]), g.stateZoneStart[v + 1] - g.stateZoneStart[v], false);
    }
  }
  const found = new Int32Array(boundary);
  exactZones(g, x, y, cell, list, boundary, found, sink);
  for (let k = 0; k < boundary; k++) out[list[k]] = found[k];
}

/** The zone containing (x, y) in degrees by the overlap rule, or OUTSIDE (one point, for tests). */
export function zoneAt(g: ZoneGrid, x: number, y: number): number {
  const out = new Int32Array(1);
  locateInGrid(g, Float64Array.of(x), Float64Array.of(y), out);
  return out[0];
}
