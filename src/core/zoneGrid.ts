import type { ZoneSet } from './dataset';
import { cellOfPoint, type GridFrame } from './gridFrame';

/** Cell value: the point is outside every zone. */
export const OUTSIDE = -1;
/** Cell values ≤ FIRST_SLOT are boundary cells: slot = FIRST_SLOT − value. */
export const FIRST_SLOT = -2;

/**
 * A raster index over the zones of one level. Cells that no zone edge crosses hold the zone that
 * covers them (or OUTSIDE). A cell an edge crosses holds a slot listing those edges and the zone of
 * the cell's centre; a point there is placed exactly by counting, per zone, the edges that the
 * segment from the point to the centre crosses (a handful, not the whole row).
 */
export interface ZoneGrid extends GridFrame {
  /** nx × ny cells, row-major from minY: zone index, OUTSIDE, or FIRST_SLOT − slot. */
  cells: Int32Array;
  /** Edges crossing each boundary cell (CSR): slot s holds slotEdges[slotStart[s] .. slotStart[s+1]). */
  slotStart: Int32Array;
  slotEdges: Int32Array;
  /** Zone containing the centre of each boundary cell (or OUTSIDE), and that centre in degrees. */
  slotCenterZone: Int32Array;
  slotCenterX: Float64Array;
  slotCenterY: Float64Array;
  /** Scratch of the build, kept for the next one. */
  pairScratch: Int32Array;
  /** Number of edges; the edge arrays may be longer (reused capacity). */
  edgeCount: number;
  /** Edge endpoints and owning zone. */
  ex1: Float64Array;
  ey1: Float64Array;
  ex2: Float64Array;
  ey2: Float64Array;
  ezone: Int32Array;
  /** Scratch parity per zone for the exact test (all zero between calls). */
  parity: Uint8Array;
}

/** A typed array of at least `n` items: `old` when it is large enough, else a new one. */
function reuse<T extends Float64Array | Int32Array | Uint8Array>(old: T | undefined, n: number, make: (n: number) => T): T {
  return old && old.length >= n ? old : make(n);
}

/** Edges of all zones as flat arrays, reusing `prev`'s when large enough. */
function collectEdges(zones: ZoneSet, prev?: ZoneGrid) {
  let edgeCount = 0;
  for (const rings of zones.rings) for (const ring of rings) edgeCount += ring.length / 2;
  const f64 = (n: number) => new Float64Array(n);
  const ex1 = reuse(prev?.ex1, edgeCount, f64);
  const ey1 = reuse(prev?.ey1, edgeCount, f64);
  const ex2 = reuse(prev?.ex2, edgeCount, f64);
  const ey2 = reuse(prev?.ey2, edgeCount, f64);
  const ezone = reuse(prev?.ezone, edgeCount, (n) => new Int32Array(n));
  let e = 0;
  for (let z = 0; z < zones.rings.length; z++) {
    for (const ring of zones.rings[z]) {
      const n = ring.length / 2;
      for (let i = 0; i < n; i++) {
        const j = i + 1 === n ? 0 : i + 1;
        ex1[e] = ring[2 * i];
        ey1[e] = ring[2 * i + 1];
        ex2[e] = ring[2 * j];
        ey2[e] = ring[2 * j + 1];
        ezone[e] = z;
        e++;
      }
    }
  }
  return { edgeCount, ex1, ey1, ex2, ey2, ezone };
}

/**
 * Builds the raster index of a level's zones over `frame` (the pupils' frame: zones beyond it are
 * clipped, as no pupil lives there). Cost is linear in edges and cells. Passing the previous grid
 * reuses its arrays, so a rebuild allocates almost nothing; `previous` must not be used afterwards.
 */
export function buildZoneGrid(zones: ZoneSet, frame: GridFrame, previous?: ZoneGrid): ZoneGrid {
  const edges = collectEdges(zones, previous);
  const size = frame.nx * frame.ny;
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
    slotCenterZone: previous?.slotCenterZone ?? new Int32Array(1024),
    slotCenterX: previous?.slotCenterX ?? new Float64Array(1024),
    slotCenterY: previous?.slotCenterY ?? new Float64Array(1024),
    pairScratch: previous?.pairScratch ?? new Int32Array(8192),
    edgeCount: edges.edgeCount,
    ex1: edges.ex1,
    ey1: edges.ey1,
    ex2: edges.ex2,
    ey2: edges.ey2,
    ezone: edges.ezone,
    parity: reuse(previous?.parity, zones.rings.length, (n) => new Uint8Array(n)),
  };
  fillInteriors(grid);
  indexBoundaryCells(grid);
  return grid;
}

/** The first grid row edge i spans, clamped to the frame. */
function firstRow(g: ZoneGrid, i: number): number {
  return Math.max(0, Math.floor((Math.min(g.ey1[i], g.ey2[i]) - g.minY) * g.scaleY));
}

/** The last grid row edge i spans, clamped to the frame (below firstRow when outside it). */
function lastRow(g: ZoneGrid, i: number): number {
  return Math.min(g.ny - 1, Math.floor((Math.max(g.ey1[i], g.ey2[i]) - g.minY) * g.scaleY));
}

/** Scanline fill: each cell gets the zone containing its centre. */
function fillInteriors(g: ZoneGrid): void {
  const { ex1, ey1, ex2, ey2, ezone, parity, cells, nx, ny, edgeCount } = g;
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
  let zs: Int32Array = new Int32Array(64);
  for (let r = 0; r < ny; r++) {
    const yc = g.minY + (r + 0.5) / g.scaleY;
    if (rowStart[r + 1] - rowStart[r] > xs.length) {
      xs = new Float64Array(2 * (rowStart[r + 1] - rowStart[r]));
      zs = new Int32Array(xs.length);
    }
    let m = 0;
    for (let k = rowStart[r]; k < rowStart[r + 1]; k++) {
      const i = rowEdges[k];
      if (ey1[i] > yc === ey2[i] > yc) continue;
      const x = ex1[i] + ((yc - ey1[i]) * (ex2[i] - ex1[i])) / (ey2[i] - ey1[i]);
      // Insertion sort: a row crosses a few dozen edges.
      let p = m++;
      while (p > 0 && xs[p - 1] > x) {
        xs[p] = xs[p - 1];
        zs[p] = zs[p - 1];
        p--;
      }
      xs[p] = x;
      zs[p] = ezone[i];
    }
    // Every cell of the row is written once: OUTSIDE up to a span, the span's zone, and so on.
    let inside = OUTSIDE;
    let written = r * nx;
    const rowEnd = written + nx;
    for (let c = 0; c < m; c++) {
      const z = zs[c];
      parity[z] ^= 1;
      if (parity[z] === 1) inside = z;
      else if (inside === z) inside = OUTSIDE;
      if (inside === OUTSIDE || c + 1 === m) continue;
      // Cells whose centre lies in [xs[c], xs[c+1]).
      const from = r * nx + clamp(Math.ceil((xs[c] - g.minX) * g.scaleX - 0.5), 0, nx);
      const to = r * nx + clamp(Math.ceil((xs[c + 1] - g.minX) * g.scaleX - 0.5), 0, nx);
      while (written < from) cells[written++] = OUTSIDE;
      while (written < to) cells[written++] = inside;
    }
    while (written < rowEnd) cells[written++] = OUTSIDE;
    for (let c = 0; c < m; c++) parity[zs[c]] = 0;
  }
}

/**
 * Writes into `buf` the cells edge i passes through (row by row over the x-extent of the edge
 * within the row, so no cell is missed) and returns how many; `buf` grows as needed.
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
    if (r0 !== r1) {
      xa = ax + (Math.max(r, Math.min(ay, by)) - ay) * dxdy;
      xb = ax + (Math.min(r + 1, Math.max(ay, by)) - ay) * dxdy;
    }
    const c0 = Math.max(0, Math.floor(Math.min(xa, xb)));
    const c1 = Math.min(g.nx - 1, Math.floor(Math.max(xa, xb)));
    if (c1 < c0) continue;
    if (n + c1 - c0 + 1 > buf.cells.length) buf.cells = grow(buf.cells, n + c1 - c0 + 1);
    const out = buf.cells;
    for (let c = c0; c <= c1; c++) out[n++] = r * g.nx + c;
  }
  return n;
}

/**
 * Turns every cell an edge crosses into a slot holding its edges and its centre's zone. The slot
 * arrays grow geometrically and are kept for the next build.
 */
function indexBoundaryCells(g: ZoneGrid): void {
  const { cells, edgeCount } = g;
  const buf = { cells: new Int32Array(256) };
  let centerZone = g.slotCenterZone;
  let centerX = g.slotCenterX;
  let centerY = g.slotCenterY;
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
        if (slots + 1 > centerZone.length) {
          centerZone = grow(centerZone, slots + 1);
          centerX = growF64(centerX, centerZone.length);
          centerY = growF64(centerY, centerZone.length);
        }
        centerZone[slots] = v;
        // The centre at the same coordinates the scanline fill classified it.
        const row = Math.floor(cell / g.nx);
        centerX[slots] = g.minX + (cell - row * g.nx + 0.5) / g.scaleX;
        centerY[slots] = g.minY + (row + 0.5) / g.scaleY;
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
  g.slotCenterZone = centerZone;
  g.pairScratch = pairs;
  g.slotCenterX = centerX;
  g.slotCenterY = centerY;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

function growF64(a: Float64Array, atLeast: number): Float64Array {
  const b = new Float64Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}

function grow(a: Int32Array, atLeast: number): Int32Array {
  const b = new Int32Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Exact test of the pupils `list[0..count)` (indexes into x, y, cell), each in a boundary cell of
 * the grid; writes the containing zone (or OUTSIDE) of `list[k]` into `zonesOut[k]`. Starting from
 * the zone of the cell's centre, every edge the segment pupil–centre crosses toggles its zone; the
 * zone left odd contains the pupil. Vertices on the segment's line count on one side only, so a path
 * through a shared vertex is counted consistently. Batched so the grid's fields are read once.
 */
export function exactZones(
  g: ZoneGrid,
  x: Float64Array,
  y: Float64Array,
  cell: Int32Array,
  list: Int32Array,
  count: number,
  zonesOut: Int32Array,
): void {
  const { ex1, ey1, ex2, ey2, ezone, parity, slotEdges, slotStart, slotCenterZone, slotCenterX, slotCenterY, cells } = g;
  for (let k = 0; k < count; k++) {
    const p = list[k];
    const px = x[p];
    const py = y[p];
    const slot = FIRST_SLOT - cells[cell[p]];
    const qx = slotCenterX[slot];
    const qy = slotCenterY[slot];
    const dx = qx - px;
    const dy = qy - py;
    const start = slotStart[slot];
    const end = slotStart[slot + 1];
    const center = slotCenterZone[slot];
    if (center >= 0) parity[center] = 1;
    for (let j = start; j < end; j++) {
      const i = slotEdges[j];
      const ax = ex1[i];
      const ay = ey1[i];
      const bx = ex2[i];
      const by = ey2[i];
      // Does the edge cross the line through pupil and centre (half-open at its endpoints)?
      if (dx * (ay - py) - dy * (ax - px) > 0 === dx * (by - py) - dy * (bx - px) > 0) continue;
      // Do pupil and centre lie on opposite sides of the edge?
      const ux = bx - ax;
      const uy = by - ay;
      if (ux * (py - ay) - uy * (px - ax) > 0 === ux * (qy - ay) - uy * (qx - ax) > 0) continue;
      parity[ezone[i]] ^= 1;
    }
    let found = center >= 0 && parity[center] === 1 ? center : OUTSIDE;
    if (center >= 0) parity[center] = 0;
    for (let j = start; j < end; j++) {
      const z = ezone[slotEdges[j]];
      if (parity[z] === 1 && found === OUTSIDE) found = z;
      parity[z] = 0;
    }
    zonesOut[k] = found;
  }
}

/** The zone index containing (x, y) in degrees, or OUTSIDE (one point at a time, for tests). */
export function zoneAt(g: ZoneGrid, x: number, y: number): number {
  const c = cellOfPoint(g, x, y);
  if (c < 0) return OUTSIDE;
  if (g.cells[c] > FIRST_SLOT) return g.cells[c];
  const zone = new Int32Array(1);
  exactZones(g, Float64Array.of(x), Float64Array.of(y), Int32Array.of(c), Int32Array.of(0), 1, zone);
  return zone[0];
}
