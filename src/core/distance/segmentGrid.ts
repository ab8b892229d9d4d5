import { metresPerDegree } from './haversine';

/**
 * A uniform grid over line segments in a local plane (metres east and north, equirectangular at
 * the segments' middle latitude): cell c lists the segments whose box meets it,
 * cellSeg[cellStart[c] .. cellStart[c+1]].
 */
export interface SegmentGrid {
  /** Metres per degree of longitude and latitude of the plane. */
  mx: number;
  my: number;
  /** Segment ends in the plane, metres. */
  ax: Float64Array;
  ay: Float64Array;
  bx: Float64Array;
  by: Float64Array;
  x0: number;
  y0: number;
  cellM: number;
  cols: number;
  rows: number;
  cellStart: Int32Array;
  cellSeg: Int32Array;
  /** Per segment, the last query that looked at it (so a query sees each segment once). */
  stamp: Int32Array;
  query: number;
}

const MAX_CELLS = 1 << 22;

/**
 * Builds the grid over segments given by their ends in longitude/latitude degrees. `lat0` fixes the
 * plane's scale (default: the middle of the segments' latitudes).
 */
export function buildSegmentGrid(ax: Float64Array, ay: Float64Array, bx: Float64Array, by: Float64Array, lat0?: number): SegmentGrid {
  const n = ax.length;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minY = Math.min(minY, ay[i], by[i]);
    maxY = Math.max(maxY, ay[i], by[i]);
  }
  const { x: mx, y: my } = metresPerDegree(lat0 ?? (n > 0 ? (minY + maxY) / 2 : 0));
  const pax = new Float64Array(n);
  const pay = new Float64Array(n);
  const pbx = new Float64Array(n);
  const pby = new Float64Array(n);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let totalLength = 0;
  for (let i = 0; i < n; i++) {
    pax[i] = ax[i] * mx;
    pay[i] = ay[i] * my;
    pbx[i] = bx[i] * mx;
    pby[i] = by[i] * my;
    x0 = Math.min(x0, pax[i], pbx[i]);
    y0 = Math.min(y0, pay[i], pby[i]);
    x1 = Math.max(x1, pax[i], pbx[i]);
    y1 = Math.max(y1, pay[i], pby[i]);
    totalLength += Math.hypot(pbx[i] - pax[i], pby[i] - pay[i]);
  }
  if (n === 0) [x0, y0, x1, y1] = [0, 0, 1, 1];
  // About two segment lengths per cell keeps the lists short without a cell per metre.
  let cellM = Math.max(20, n > 0 ? (2 * totalLength) / n : 1);
  while (((x1 - x0) / cellM + 1) * ((y1 - y0) / cellM + 1) > MAX_CELLS) cellM *= 1.5;
  const cols = Math.floor((x1 - x0) / cellM) + 1;
  const rows = Math.floor((y1 - y0) / cellM) + 1;
  const counts = new Int32Array(cols * rows + 1);
  const range = (i: number, f: (c: number) => void) => {
    const c0 = Math.floor((Math.min(pax[i], pbx[i]) - x0) / cellM);
    const c1 = Math.floor((Math.max(pax[i], pbx[i]) - x0) / cellM);
    const r0 = Math.floor((Math.min(pay[i], pby[i]) - y0) / cellM);
    const r1 = Math.floor((Math.max(pay[i], pby[i]) - y0) / cellM);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) f(r * cols + c);
  };
  for (let i = 0; i < n; i++) range(i, (c) => counts[c + 1]++);
  for (let c = 0; c < cols * rows; c++) counts[c + 1] += counts[c];
  const cellStart = counts.slice();
  const fill = counts;
  const cellSeg = new Int32Array(cellStart[cols * rows]);
  for (let i = 0; i < n; i++) range(i, (c) => (cellSeg[fill[c]++] = i));
  return { mx, my, ax: pax, ay: pay, bx: pbx, by: pby, x0, y0, cellM, cols, rows, cellStart, cellSeg, stamp: new Int32Array(n), query: 0 };
}

/** The nearest segment to a point: its index (−1 when there are none), the point's parameter t (0..1) along it, and the squared planar distance in m². */
export interface Snap {
  seg: number;
  t: number;
  d2: number;
}

/**
 * The segment nearest to (lon, lat) in the grid's plane, searching rings of cells outward until no
 * farther ring can hold a nearer segment. Ties go to the lower segment index. Writes into `out`.
 */
export function nearestSegment(g: SegmentGrid, lon: number, lat: number, out: Snap): Snap {
  out.seg = -1;
  out.t = 0;
  out.d2 = Infinity;
  if (g.ax.length === 0) return out;
  const px = lon * g.mx;
  const py = lat * g.my;
  const q = ++g.query;
  const cc = Math.min(g.cols - 1, Math.max(0, Math.floor((px - g.x0) / g.cellM)));
  const cr = Math.min(g.rows - 1, Math.max(0, Math.floor((py - g.y0) / g.cellM)));
  const maxRing = Math.max(g.cols, g.rows);
  // Rings 0..r cover every point within r cells and the point's distance to its own cell's border
  // (clamped to 0 for a point outside the grid); a segment found that near is the nearest.
  const left = px - (g.x0 + cc * g.cellM);
  const below = py - (g.y0 + cr * g.cellM);
  const inset = Math.max(0, Math.min(left, g.cellM - left, below, g.cellM - below));
  for (let r = 0; r <= maxRing; r++) {
    for (let row = cr - r; row <= cr + r; row++) {
      if (row < 0 || row >= g.rows) continue;
      const edge = row === cr - r || row === cr + r;
      for (let col = cc - r; col <= cc + r; col += edge ? 1 : 2 * r) {
        if (col >= 0 && col < g.cols) visitNearest(g, row * g.cols + col, px, py, q, out);
        if (r === 0) break;
      }
    }
    const reach = r * g.cellM + inset;
    if (out.seg >= 0 && out.d2 <= reach * reach) break;
  }
  return out;
}

/** Looks at the segments of cell c for nearestSegment. */
function visitNearest(g: SegmentGrid, c: number, px: number, py: number, q: number, out: Snap): void {
  for (let k = g.cellStart[c]; k < g.cellStart[c + 1]; k++) {
    const s = g.cellSeg[k];
    if (g.stamp[s] === q) continue;
    g.stamp[s] = q;
    const dx = g.bx[s] - g.ax[s];
    const dy = g.by[s] - g.ay[s];
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? ((px - g.ax[s]) * dx + (py - g.ay[s]) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const ex = g.ax[s] + t * dx - px;
    const ey = g.ay[s] + t * dy - py;
    const d2 = ex * ex + ey * ey;
    if (d2 < out.d2 || (d2 === out.d2 && s < out.seg)) {
      out.seg = s;
      out.t = t;
      out.d2 = d2;
    }
  }
}

/** OR of the masks of the segments of cell c that the segment p→q properly crosses and that add a bit to `found`. */
function visitCrossing(g: SegmentGrid, mask: Uint8Array, c: number, px: number, py: number, qx: number, qy: number, q: number, found: number): number {
  for (let k = g.cellStart[c]; k < g.cellStart[c + 1]; k++) {
    const s = g.cellSeg[k];
    if (g.stamp[s] === q || (found & mask[s]) === mask[s]) continue;
    g.stamp[s] = q;
    const o1 = orient(px, py, qx, qy, g.ax[s], g.ay[s]);
    const o2 = orient(px, py, qx, qy, g.bx[s], g.by[s]);
    if (o1 * o2 >= 0) continue;
    const o3 = orient(g.ax[s], g.ay[s], g.bx[s], g.by[s], px, py);
    const o4 = orient(g.ax[s], g.ay[s], g.bx[s], g.by[s], qx, qy);
    if (o3 * o4 < 0) found |= mask[s];
  }
  return found;
}

/** Orientation of c against a→b (positive: left). */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/**
 * OR of `mask[s]` over the segments s that the segment from (lon1, lat1) to (lon2, lat2) properly
 * crosses (touching an end does not count), walking the cells the segment passes through.
 */
export function crossingMask(g: SegmentGrid, mask: Uint8Array, lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (g.ax.length === 0) return 0;
  const px = lon1 * g.mx;
  const py = lat1 * g.my;
  const qx = lon2 * g.mx;
  const qy = lat2 * g.my;
  const q = ++g.query;
  let found = 0;
  // Amanatides–Woo walk over the cells, clipped to the grid.
  const fx = (px - g.x0) / g.cellM;
  const fy = (py - g.y0) / g.cellM;
  const tx = (qx - g.x0) / g.cellM;
  const ty = (qy - g.y0) / g.cellM;
  let col = Math.floor(fx);
  let row = Math.floor(fy);
  const endCol = Math.floor(tx);
  const endRow = Math.floor(ty);
  const dx = tx - fx;
  const dy = ty - fy;
  const stepC = dx > 0 ? 1 : -1;
  const stepR = dy > 0 ? 1 : -1;
  const tDeltaX = dx !== 0 ? Math.abs(1 / dx) : Infinity;
  const tDeltaY = dy !== 0 ? Math.abs(1 / dy) : Infinity;
  let tMaxX = dx !== 0 ? ((dx > 0 ? col + 1 - fx : fx - col) * tDeltaX) : Infinity;
  let tMaxY = dy !== 0 ? ((dy > 0 ? row + 1 - fy : fy - row) * tDeltaY) : Infinity;
  const steps = Math.abs(endCol - col) + Math.abs(endRow - row);
  for (let i = 0; i <= steps; i++) {
    if (col >= 0 && col < g.cols && row >= 0 && row < g.rows) found = visitCrossing(g, mask, row * g.cols + col, px, py, qx, qy, q, found);
    if (tMaxX < tMaxY) {
      tMaxX += tDeltaX;
      col += stepC;
    } else {
      tMaxY += tDeltaY;
      row += stepR;
    }
  }
  return found;
}
