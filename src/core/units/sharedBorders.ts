import type { MultiPolygonCoords } from '../zoneState';

/** Pairs of polygons sharing a border of positive length (see computeSharedBorders). */
export interface SharedBorders {
  /** Polygon indexes, a < b. */
  a: number[];
  b: number[];
  /** Midpoint of the pair's longest shared stretch (degrees). */
  mx: number[];
  my: number[];
  /** Total shared length (degrees). */
  length: number[];
}

// Two edges lie on one line when both ends of each are within this distance of the other's line
// (degrees, ~0.1 mm): clipping moves vertices by far less, distinct borders are far further apart.
const ON_LINE = 1e-9;
// A shared stretch shorter than this (~1 mm) is a point: touching at a vertex links nothing.
const MIN_LENGTH = 1e-8;

/**
 * Finds the pairs of polygons (MultiPolygons; only pairs whose `group` differs) whose boundaries
 * run along each other for a positive length: an edge of one and an edge of the other on one line,
 * overlapping by at least MIN_LENGTH. Polygons meeting at a point only are not paired. Edges are
 * bucketed in a grid so that only nearby edges are compared.
 */
export function computeSharedBorders(polygons: MultiPolygonCoords[], group: ArrayLike<number>): SharedBorders {
  const ex: number[] = [];
  const owner: number[] = [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  let total = 0;
  polygons.forEach((m, k) => {
    for (const rings of m) {
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x1, y1] = ring[i];
          const [x2, y2] = ring[i + 1];
          if (x1 === x2 && y1 === y2) continue;
          ex.push(x1, y1, x2, y2);
          owner.push(k);
          total += Math.hypot(x2 - x1, y2 - y1);
          minX = Math.min(minX, x1, x2);
          maxX = Math.max(maxX, x1, x2);
          minY = Math.min(minY, y1, y2);
          maxY = Math.max(maxY, y1, y2);
        }
      }
    }
  });
  const out: SharedBorders = { a: [], b: [], mx: [], my: [], length: [] };
  const E = owner.length;
  if (E === 0) return out;
  // Cells about twice the mean edge length: an edge touches a few cells.
  const size = Math.max((2 * total) / E, (maxX - minX + maxY - minY) / 4096, 1e-12);
  const nx = Math.floor((maxX - minX) / size) + 1;
  const ny = Math.floor((maxY - minY) / size) + 1;
  const cells = new Map<number, number[]>();
  for (let e = 0; e < E; e++) {
    const [x1, y1, x2, y2] = [ex[4 * e], ex[4 * e + 1], ex[4 * e + 2], ex[4 * e + 3]];
    const c0 = Math.floor((Math.min(x1, x2) - ON_LINE - minX) / size);
    const c1 = Math.min(nx - 1, Math.floor((Math.max(x1, x2) + ON_LINE - minX) / size));
    const r0 = Math.floor((Math.min(y1, y2) - ON_LINE - minY) / size);
    const r1 = Math.min(ny - 1, Math.floor((Math.max(y1, y2) + ON_LINE - minY) / size));
    for (let r = Math.max(0, r0); r <= r1; r++) {
      for (let c = Math.max(0, c0); c <= c1; c++) {
        const key = r * nx + c;
        const list = cells.get(key);
        if (list) list.push(e);
        else cells.set(key, [e]);
      }
    }
  }
  const pairs = new Map<string, { best: number; mx: number; my: number; length: number }>();
  const tested = new Set<number>();
  for (const list of cells.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [e, f] = list[i] < list[j] ? [list[i], list[j]] : [list[j], list[i]];
        if (group[owner[e]] === group[owner[f]]) continue;
        const pairKey = e * E + f;
        if (tested.has(pairKey)) continue;
        tested.add(pairKey);
        const overlap = collinearOverlap(ex, e, f);
        if (!overlap) continue;
        const [pa, pb] = owner[e] < owner[f] ? [owner[e], owner[f]] : [owner[f], owner[e]];
        const key = `${pa},${pb}`;
        const seen = pairs.get(key);
        if (!seen) pairs.set(key, { best: overlap.length, mx: overlap.mx, my: overlap.my, length: overlap.length });
        else {
          seen.length += overlap.length;
          if (overlap.length > seen.best) Object.assign(seen, { best: overlap.length, mx: overlap.mx, my: overlap.my });
        }
      }
    }
  }
  for (const [key, v] of pairs) {
    if (v.length < MIN_LENGTH) continue;
    const [a, b] = key.split(',').map(Number);
    out.a.push(a);
    out.b.push(b);
    out.mx.push(v.mx);
    out.my.push(v.my);
    out.length.push(v.length);
  }
  return out;
}

/** The stretch two edges share when they lie on one line, or undefined. */
function collinearOverlap(ex: number[], e: number, f: number): { length: number; mx: number; my: number } | undefined {
  const [ax, ay, bx, by] = [ex[4 * e], ex[4 * e + 1], ex[4 * e + 2], ex[4 * e + 3]];
  const [cx, cy, dx, dy] = [ex[4 * f], ex[4 * f + 1], ex[4 * f + 2], ex[4 * f + 3]];
  const [ux, uy] = [bx - ax, by - ay];
  const len = Math.hypot(ux, uy);
  const [tx, ty] = [ux / len, uy / len];
  // Distances of f's ends from e's line.
  if (Math.abs((cx - ax) * ty - (cy - ay) * tx) > ON_LINE || Math.abs((dx - ax) * ty - (dy - ay) * tx) > ON_LINE) return undefined;
  const [vx, vy] = [dx - cx, dy - cy];
  const flen = Math.hypot(vx, vy);
  if (Math.abs((ax - cx) * (vy / flen) - (ay - cy) * (vx / flen)) > ON_LINE || Math.abs((bx - cx) * (vy / flen) - (by - cy) * (vx / flen)) > ON_LINE) return undefined;
  const s1 = (cx - ax) * tx + (cy - ay) * ty;
  const s2 = (dx - ax) * tx + (dy - ay) * ty;
  const lo = Math.max(0, Math.min(s1, s2));
  const hi = Math.min(len, Math.max(s1, s2));
  if (hi - lo <= 0) return undefined;
  const mid = (lo + hi) / 2;
  return { length: hi - lo, mx: ax + tx * mid, my: ay + ty * mid };
}
