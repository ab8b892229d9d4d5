import type { MultiPolygonCoords } from '../zoneState';
import { locatePoints } from './locatePoints';
import type { ZoneDiagram } from './zoneDiagrams';

/** Pieces of border, each between two units or between a unit and the zone's edge. */
export interface BorderSink {
  /** A stretch (x1, y1)–(x2, y2) of border between units u and v of one zone, with the home of each beside it. */
  between(u: number, v: number, x1: number, y1: number, x2: number, y2: number, ux: number, uy: number, vx: number, vy: number): void;
  /** A stretch of the zone's edge along unit u's piece, with u's home nearest to it. */
  edge(u: number, x1: number, y1: number, x2: number, y2: number, hx: number, hy: number): void;
}

/** A polygon's edges bucketed in a uniform grid, to find those a segment may cross. */
interface EdgeGrid {
  ex: Float64Array;
  minX: number;
  minY: number;
  size: number;
  n: number;
  start: Int32Array;
  items: Int32Array;
  stamp: Int32Array;
  tick: number;
}

function buildEdgeGrid(m: MultiPolygonCoords): EdgeGrid {
  const xs: number[] = [];
  for (const rings of m) for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) xs.push(ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]);
  const ex = Float64Array.from(xs);
  const E = ex.length / 4;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < ex.length; i += 2) {
    minX = Math.min(minX, ex[i]);
    maxX = Math.max(maxX, ex[i]);
    minY = Math.min(minY, ex[i + 1]);
    maxY = Math.max(maxY, ex[i + 1]);
  }
  const n = Math.max(1, Math.min(256, Math.ceil(Math.sqrt(E))));
  const size = Math.max(maxX - minX, maxY - minY, 1e-12) / n;
  const range = (e: number) => [cellAt(ex[4 * e], ex[4 * e + 2], minX, size, n), cellAt(ex[4 * e + 1], ex[4 * e + 3], minY, size, n)];
  const count = new Int32Array(n * n + 1);
  for (let e = 0; e < E; e++) {
    const [[c0, c1], [r0, r1]] = range(e);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) count[r * n + c + 1]++;
  }
  for (let k = 0; k < n * n; k++) count[k + 1] += count[k];
  const start = count.slice();
  const items = new Int32Array(count[n * n]);
  for (let e = 0; e < E; e++) {
    const [[c0, c1], [r0, r1]] = range(e);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) items[count[r * n + c]++] = e;
  }
  return { ex, minX, minY, size, n, start, items, stamp: new Int32Array(E), tick: 0 };
}

/** The first and last grid column (or row) that the span a..b touches, clamped to the grid. */
function cellAt(a: number, b: number, min: number, size: number, n: number): [number, number] {
  const lo = Math.floor((Math.min(a, b) - min) / size);
  const hi = Math.floor((Math.max(a, b) - min) / size);
  return [Math.max(0, Math.min(n - 1, lo)), Math.max(0, Math.min(n - 1, hi))];
}

const ts: number[] = [];

/** The parameters (0..1, ascending, with 0 and 1) where segment (x1, y1)–(x2, y2) crosses the grid's edges (a shared scratch array). */
function crossings(g: EdgeGrid, x1: number, y1: number, x2: number, y2: number): number[] {
  ts.length = 0;
  ts.push(0, 1);
  const dx = x2 - x1;
  const dy = y2 - y1;
  const [c0, c1] = cellAt(x1, x2, g.minX, g.size, g.n);
  const [r0, r1] = cellAt(y1, y2, g.minY, g.size, g.n);
  // A segment far outside the polygon's box touches only its edge cells: harmless, just tested.
  g.tick++;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      for (let k = g.start[r * g.n + c]; k < g.start[r * g.n + c + 1]; k++) {
        const e = g.items[k];
        if (g.stamp[e] === g.tick) continue;
        g.stamp[e] = g.tick;
        const ax = g.ex[4 * e];
        const ay = g.ex[4 * e + 1];
        const ex = g.ex[4 * e + 2] - ax;
        const ey = g.ex[4 * e + 3] - ay;
        const den = dx * ey - dy * ex;
        if (den === 0) continue;
        const t = ((ax - x1) * ey - (ay - y1) * ex) / den;
        const s = ((ax - x1) * dy - (ay - y1) * dx) / den;
        if (t > 0 && t < 1 && s >= 0 && s <= 1) ts.push(t);
      }
    }
  }
  if (ts.length > 2) ts.sort((a, b) => a - b);
  return ts;
}

/**
 * Traces the borders of a zone's unit pieces (see UnitCells) without building the pieces: the
 * diagram's edges between two units, clipped to the zone's winning ground, and the winning
 * ground's edges cut where they pass from one unit's region into another's (walking along each
 * edge from Voronoi cell to Voronoi cell).
 */
export function traceZoneBorders(d: ZoneDiagram, sink: BorderSink): void {
  const { delaunay, owner, ccx, ccy } = d.regions;
  const { triangles, halfedges, points } = delaunay;
  const grid = buildEdgeGrid(d.winning);
  // Stretches of the diagram's edges between the zone's edge crossings, kept if their midpoint is inside.
  const stretch: number[] = [];
  const pair: number[] = [];
  for (let e = 0; e < triangles.length; e++) {
    const twin = halfedges[e];
    if (twin < e) continue;
    const a = triangles[e];
    const b = triangles[e % 3 === 2 ? e - 2 : e + 1];
    if (owner[a] < 0 || owner[b] < 0 || owner[a] === owner[b]) continue;
    const t0 = Math.floor(e / 3);
    const t1 = Math.floor(twin / 3);
    const x1 = ccx[t0];
    const y1 = ccy[t0];
    const x2 = ccx[t1];
    const y2 = ccy[t1];
    const ts = crossings(grid, x1, y1, x2, y2);
    for (let k = 0; k + 1 < ts.length; k++) {
      if (ts[k + 1] <= ts[k]) continue;
      stretch.push(x1 + ts[k] * (x2 - x1), y1 + ts[k] * (y2 - y1), x1 + ts[k + 1] * (x2 - x1), y1 + ts[k + 1] * (y2 - y1));
      pair.push(a, b);
    }
  }
  const S = pair.length / 2;
  const mx = new Float64Array(S);
  const my = new Float64Array(S);
  for (let k = 0; k < S; k++) [mx[k], my[k]] = [(stretch[4 * k] + stretch[4 * k + 2]) / 2, (stretch[4 * k + 1] + stretch[4 * k + 3]) / 2];
  const inside = new Int32Array(S);
  if (S > 0) locatePoints([d.winning], mx, my, inside);
  for (let k = 0; k < S; k++) {
    if (inside[k] < 0) continue;
    const [a, b] = [pair[2 * k], pair[2 * k + 1]];
    sink.between(owner[a], owner[b], stretch[4 * k], stretch[4 * k + 1], stretch[4 * k + 2], stretch[4 * k + 3], points[2 * a], points[2 * a + 1], points[2 * b], points[2 * b + 1]);
  }
  let hint = 0;
  for (const rings of d.winning) {
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [px, py] = ring[i];
        const [qx, qy] = ring[i + 1];
        if (px === qx && py === qy) continue;
        hint = delaunay.find(px, py, hint);
        walkEdge(d, hint, px, py, qx, qy, sink);
      }
    }
  }
}

/**
 * Walks the segment P → Q from the Voronoi cell of point g (the one holding P) to the cell holding
 * Q, reporting each stretch with the unit whose region it crosses. The segment leaves g's cell
 * where it meets the bisector of g and a neighbour h first: there |p − h| = |p − g|, linear in t.
 */
function walkEdge(d: ZoneDiagram, g: number, px: number, py: number, qx: number, qy: number, sink: BorderSink): void {
  const { delaunay, owner } = d.regions;
  const pts = delaunay.points;
  const [dx, dy] = [qx - px, qy - py];
  let t = 0;
  let start = 0;
  let runGen = g;
  const { inedges, halfedges, triangles } = delaunay;
  for (;;) {
    // Coordinates relative to P keep the bisector arithmetic well conditioned.
    const gx = pts[2 * g] - px;
    const gy = pts[2 * g + 1] - py;
    let next = -1;
    let tNext = 1;
    // The Delaunay neighbours of g (never on the hull: see triangulate).
    const e0 = inedges[g];
    let e = e0;
    do {
      const h = triangles[e];
      const hx = pts[2 * h] - px;
      const hy = pts[2 * h + 1] - py;
      const den = 2 * (dx * (hx - gx) + dy * (hy - gy));
      if (den > 0) {
        const th = (hx * hx + hy * hy - gx * gx - gy * gy) / den;
        if (th > t && th < tNext) {
          next = h;
          tNext = th;
        }
      }
      e = e % 3 === 2 ? e - 2 : e + 1;
      e = halfedges[e];
    } while (e !== e0 && e !== -1);
    if (next < 0) break;
    if (owner[next] !== owner[runGen]) {
      if (owner[runGen] >= 0) sink.edge(owner[runGen], px + start * dx, py + start * dy, px + tNext * dx, py + tNext * dy, pts[2 * runGen], pts[2 * runGen + 1]);
      start = tNext;
      runGen = next;
    }
    g = next;
    t = tNext;
  }
  if (owner[runGen] >= 0) sink.edge(owner[runGen], px + start * dx, py + start * dy, qx, qy, pts[2 * runGen], pts[2 * runGen + 1]);
}
