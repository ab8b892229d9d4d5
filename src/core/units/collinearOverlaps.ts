/** Stretches where two segments of different groups run along each other (see computeCollinearOverlaps). */
export interface CollinearOverlaps {
  /** Segment indexes, e < f. */
  e: number[];
  f: number[];
  /** Midpoint (degrees) and length of the shared stretch. */
  mx: number[];
  my: number[];
  length: number[];
}

// Two segments lie on one line when both ends of each are within this distance of the other's line
// (degrees, ~0.1 mm): clipping moves vertices by far less, distinct borders are far further apart.
const ON_LINE = 1e-9;
/** A shared stretch shorter than this (degrees, ~1 mm) is a point: touching at a vertex links nothing. */
export const MIN_LENGTH = 1e-8;

/**
 * Finds where segments `s` (x1, y1, x2, y2 each) of different `group` lie on one line and overlap
 * by at least MIN_LENGTH: each such pair once, with its shared stretch. Segments are bucketed in a
 * grid so that only nearby ones are compared.
 */
export function computeCollinearOverlaps(s: ArrayLike<number>, group: ArrayLike<number>): CollinearOverlaps {
  const out: CollinearOverlaps = { e: [], f: [], mx: [], my: [], length: [] };
  const E = group.length;
  if (E === 0) return out;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  let total = 0;
  for (let e = 0; e < E; e++) {
    const [x1, y1, x2, y2] = [s[4 * e], s[4 * e + 1], s[4 * e + 2], s[4 * e + 3]];
    total += Math.hypot(x2 - x1, y2 - y1);
    minX = Math.min(minX, x1, x2);
    maxX = Math.max(maxX, x1, x2);
    minY = Math.min(minY, y1, y2);
    maxY = Math.max(maxY, y1, y2);
  }
  // Cells about twice the mean segment length: a segment touches a few cells.
  const size = Math.max((2 * total) / E, (maxX - minX + maxY - minY) / 4096, 1e-12);
  const nx = Math.floor((maxX - minX) / size) + 1;
  const ny = Math.floor((maxY - minY) / size) + 1;
  const cells = new Map<number, number[]>();
  for (let e = 0; e < E; e++) {
    const [x1, y1, x2, y2] = [s[4 * e], s[4 * e + 1], s[4 * e + 2], s[4 * e + 3]];
    const c0 = Math.max(0, Math.floor((Math.min(x1, x2) - ON_LINE - minX) / size));
    const c1 = Math.min(nx - 1, Math.floor((Math.max(x1, x2) + ON_LINE - minX) / size));
    const r0 = Math.max(0, Math.floor((Math.min(y1, y2) - ON_LINE - minY) / size));
    const r1 = Math.min(ny - 1, Math.floor((Math.max(y1, y2) + ON_LINE - minY) / size));
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const list = cells.get(r * nx + c);
        if (list) list.push(e);
        else cells.set(r * nx + c, [e]);
      }
    }
  }
  const tested = new Set<number>();
  for (const list of cells.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [e, f] = list[i] < list[j] ? [list[i], list[j]] : [list[j], list[i]];
        if (group[e] === group[f] || tested.has(e * E + f)) continue;
        tested.add(e * E + f);
        const overlap = collinearOverlap(s, e, f);
        if (!overlap || overlap.length < MIN_LENGTH) continue;
        out.e.push(e);
        out.f.push(f);
        out.mx.push(overlap.mx);
        out.my.push(overlap.my);
        out.length.push(overlap.length);
      }
    }
  }
  return out;
}

/** The stretch two edges share when they lie on one line, or undefined. */
function collinearOverlap(ex: ArrayLike<number>, e: number, f: number): { length: number; mx: number; my: number } | undefined {
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
