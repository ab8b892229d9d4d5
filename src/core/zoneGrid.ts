import type { ZoneSet } from './dataset';
import type { GridFrame } from './gridFrame';

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

/** A copy of `a` at least `atLeast` long (double the length when that is more). */
export function grow(a: Int32Array, atLeast: number): Int32Array {
  const b = new Int32Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}
