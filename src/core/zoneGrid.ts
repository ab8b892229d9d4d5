import type { ZoneSet } from './dataset';

/** Cell value: the point is outside every zone. */
export const OUTSIDE = -1;
/** Cell value: a zone boundary crosses the cell; points there get an exact test. */
export const BOUNDARY = -2;

/**
 * A raster index over the zones of one level. Cells that no zone edge crosses hold the zone that
 * covers them (or OUTSIDE); cells an edge crosses hold BOUNDARY, and a point there is tested
 * exactly by ray casting against the edges listed for its grid row.
 */
export interface ZoneGrid {
  minX: number;
  minY: number;
  /** Cells per degree along x and y. */
  scaleX: number;
  scaleY: number;
  nx: number;
  ny: number;
  /** nx × ny cells, row-major from minY: zone index, OUTSIDE or BOUNDARY. */
  cells: Int32Array;
  /** Edges listed per grid row (CSR): row r holds rowEdges[rowStart[r] .. rowStart[r+1]). */
  rowStart: Int32Array;
  rowEdges: Int32Array;
  /** Edge endpoints and owning zone. */
  ex1: Float64Array;
  ey1: Float64Array;
  ex2: Float64Array;
  ey2: Float64Array;
  ezone: Int32Array;
  /** Scratch parity per zone for the exact test. */
  parity: Uint8Array;
}

function countEdges(zones: ZoneSet): number {
  let n = 0;
  for (const rings of zones.rings) for (const ring of rings) n += ring.length / 2;
  return n;
}

/**
 * Builds the raster index of a level's zones on an `size` × `size` grid over their bounding box.
 * Cost is linear in edges and cells; 1024 suits a county of ~100 zones (PERF.md).
 */
export function buildZoneGrid(zones: ZoneSet, size = 1024): ZoneGrid {
  const edgeCount = countEdges(zones);
  const ex1 = new Float64Array(edgeCount);
  const ey1 = new Float64Array(edgeCount);
  const ex2 = new Float64Array(edgeCount);
  const ey2 = new Float64Array(edgeCount);
  const ezone = new Int32Array(edgeCount);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let e = 0;
  zones.rings.forEach((rings, z) => {
    for (const ring of rings) {
      const n = ring.length / 2;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        ex1[e] = ring[2 * i];
        ey1[e] = ring[2 * i + 1];
        ex2[e] = ring[2 * j];
        ey2[e] = ring[2 * j + 1];
        ezone[e] = z;
        if (ex1[e] < minX) minX = ex1[e];
        if (ex1[e] > maxX) maxX = ex1[e];
        if (ey1[e] < minY) minY = ey1[e];
        if (ey1[e] > maxY) maxY = ey1[e];
        e++;
      }
    }
  });
  if (edgeCount === 0) {
    minX = minY = 0;
    maxX = maxY = 1;
  }
  // A small margin keeps every vertex strictly inside the grid.
  const padX = (maxX - minX) * 1e-6 + 1e-9;
  const padY = (maxY - minY) * 1e-6 + 1e-9;
  minX -= padX;
  minY -= padY;
  const nx = size;
  const ny = size;
  const scaleX = nx / (maxX + padX - minX);
  const scaleY = ny / (maxY + padY - minY);

  const rowStart = new Int32Array(ny + 1);
  for (let i = 0; i < edgeCount; i++) {
    const r0 = Math.floor((Math.min(ey1[i], ey2[i]) - minY) * scaleY);
    const r1 = Math.floor((Math.max(ey1[i], ey2[i]) - minY) * scaleY);
    for (let r = r0; r <= r1; r++) rowStart[r + 1]++;
  }
  for (let r = 0; r < ny; r++) rowStart[r + 1] += rowStart[r];
  const rowEdges = new Int32Array(rowStart[ny]);
  const fill = rowStart.slice(0, ny);
  for (let i = 0; i < edgeCount; i++) {
    const r0 = Math.floor((Math.min(ey1[i], ey2[i]) - minY) * scaleY);
    const r1 = Math.floor((Math.max(ey1[i], ey2[i]) - minY) * scaleY);
    for (let r = r0; r <= r1; r++) rowEdges[fill[r]++] = i;
  }

  const zoneCount = zones.rings.length;
  const grid: ZoneGrid = {
    minX, minY, scaleX, scaleY, nx, ny,
    cells: new Int32Array(nx * ny).fill(OUTSIDE),
    rowStart, rowEdges, ex1, ey1, ex2, ey2, ezone,
    parity: new Uint8Array(zoneCount),
  };
  fillInteriors(grid);
  markBoundaryCells(grid);
  return grid;
}

/** Scanline fill: each cell gets the zone containing its centre. */
function fillInteriors(g: ZoneGrid): void {
  const { ex1, ey1, ex2, ey2, ezone, rowStart, rowEdges, parity, cells, nx } = g;
  let xs: Float64Array = new Float64Array(64);
  let zs: Int32Array = new Int32Array(64);
  for (let r = 0; r < g.ny; r++) {
    const yc = g.minY + (r + 0.5) / g.scaleY;
    let m = 0;
    for (let k = rowStart[r]; k < rowStart[r + 1]; k++) {
      const i = rowEdges[k];
      if (ey1[i] > yc === ey2[i] > yc) continue;
      if (m === xs.length) {
        xs = growF64(xs);
        zs = growI32(zs);
      }
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
    let inside = OUTSIDE;
    const rowBase = r * nx;
    for (let c = 0; c < m; c++) {
      const z = zs[c];
      parity[z] ^= 1;
      if (parity[z] === 1) inside = z;
      else if (inside === z) inside = OUTSIDE;
      if (inside === OUTSIDE || c + 1 === m) continue;
      // Cells whose centre lies in [xs[c], xs[c+1]).
      const from = Math.max(0, Math.ceil((xs[c] - g.minX) * g.scaleX - 0.5));
      const to = Math.min(nx, Math.ceil((xs[c + 1] - g.minX) * g.scaleX - 0.5));
      if (to > from) cells.fill(inside, rowBase + from, rowBase + to);
    }
    for (let c = 0; c < m; c++) parity[zs[c]] = 0;
  }
}

/** Marks every cell an edge passes through, row by row over the x-extent of the edge in the row. */
function markBoundaryCells(g: ZoneGrid): void {
  const { ex1, ey1, ex2, ey2, cells, nx } = g;
  for (let i = 0; i < ex1.length; i++) {
    const ax = (ex1[i] - g.minX) * g.scaleX;
    const ay = (ey1[i] - g.minY) * g.scaleY;
    const bx = (ex2[i] - g.minX) * g.scaleX;
    const by = (ey2[i] - g.minY) * g.scaleY;
    const r0 = Math.floor(Math.min(ay, by));
    const r1 = Math.floor(Math.max(ay, by));
    const dxdy = by === ay ? 0 : (bx - ax) / (by - ay);
    for (let r = r0; r <= r1; r++) {
      let xa: number;
      let xb: number;
      if (r0 === r1) {
        xa = ax;
        xb = bx;
      } else {
        const ylo = Math.max(r, Math.min(ay, by));
        const yhi = Math.min(r + 1, Math.max(ay, by));
        xa = ax + (ylo - ay) * dxdy;
        xb = ax + (yhi - ay) * dxdy;
      }
      const c0 = Math.max(0, Math.floor(Math.min(xa, xb)));
      const c1 = Math.min(nx - 1, Math.floor(Math.max(xa, xb)));
      cells.fill(BOUNDARY, r * nx + c0, r * nx + c1 + 1);
    }
  }
}

function growF64(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

function growI32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Exact even-odd test of the point against the edges of its grid row: the zone whose edges a ray
 * to +x crosses an odd number of times, or OUTSIDE.
 */
export function exactZoneAt(g: ZoneGrid, x: number, y: number, row: number): number {
  const { ex1, ey1, ex2, ey2, ezone, rowStart, rowEdges, parity } = g;
  const start = rowStart[row];
  const end = rowStart[row + 1];
  for (let k = start; k < end; k++) {
    const i = rowEdges[k];
    const y1 = ey1[i];
    const y2 = ey2[i];
    if (y1 > y === y2 > y) continue;
    if (x < ex1[i] + ((y - y1) * (ex2[i] - ex1[i])) / (y2 - y1)) parity[ezone[i]] ^= 1;
  }
  let found = OUTSIDE;
  for (let k = start; k < end; k++) {
    const z = ezone[rowEdges[k]];
    if (parity[z] === 1 && found === OUTSIDE) found = z;
    parity[z] = 0;
  }
  return found;
}

/** The zone index containing (x, y) in degrees, or OUTSIDE. */
export function zoneAt(g: ZoneGrid, x: number, y: number): number {
  const cx = Math.floor((x - g.minX) * g.scaleX);
  const cy = Math.floor((y - g.minY) * g.scaleY);
  if (cx < 0 || cy < 0 || cx >= g.nx || cy >= g.ny) return OUTSIDE;
  const c = g.cells[cy * g.nx + cx];
  return c === BOUNDARY ? exactZoneAt(g, x, y, cy) : c;
}
