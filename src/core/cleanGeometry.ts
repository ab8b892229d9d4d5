import type { MultiPolygonCoords } from './zoneState';

type Pt = [number, number];

/**
 * Cells of the snap grid per degree: 1e9, so a grid step is 1e-9° (about 0.1 mm on the ground),
 * far below any distance a planner draws. A snapped coordinate is the double nearest to k / 1e9
 * for a whole k (below 2^38 for degrees), so snapping it again gives the same double and zones
 * snapped apart share their vertices exactly again; coordinates written with at most 9 decimals,
 * as in GeoJSON files and lattice points such as 1/256°, are on the grid already.
 */
export const GRID_PER_DEGREE = 1e9;

/** A coordinate (degrees) moved to the nearest grid line. */
export const snapDegrees = (v: number): number => Math.round(v * GRID_PER_DEGREE) / GRID_PER_DEGREE;

/** Every coordinate of a MultiPolygon snapped to the grid (a new MultiPolygon; repeated points kept). */
export function snapMultiPolygon(m: MultiPolygonCoords): MultiPolygonCoords {
  return m.map((polygon) => polygon.map((ring) => ring.map(([x, y]): Pt => [snapDegrees(x), snapDegrees(y)])));
}

/** A whole number from −1 to 1 drawn from a grid point's own coordinates (an integer hash), so the same point always gets the same. */
function nudge(x: number, y: number, salt: number): number {
  let h = Math.imul((x % 2147483647) | 0, 73856093) ^ Math.imul((y % 2147483647) | 0, 19349663) ^ salt;
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  return (((h ^ (h >>> 13)) >>> 0) % 3) - 1;
}

/**
 * Every coordinate of a MultiPolygon snapped to the grid and then moved by −1, 0 or 1 grid step
 * along each axis, chosen from the snapped point itself: a point shared by several zones moves
 * the same way in each, so they still meet, while edges that were a hair apart are pulled apart
 * or together. A last resort for the polygon operations (see clip.ts).
 */
export function perturbMultiPolygon(m: MultiPolygonCoords): MultiPolygonCoords {
  return m.map((polygon) =>
    polygon.map((ring) =>
      ring.map(([x, y]): Pt => {
        const [gx, gy] = [Math.round(x * GRID_PER_DEGREE), Math.round(y * GRID_PER_DEGREE)];
        return [(gx + nudge(gx, gy, 1)) / GRID_PER_DEGREE, (gy + nudge(gx, gy, 2)) / GRID_PER_DEGREE];
      }),
    ),
  );
}

/** Whether the cross product ux·vy − uy·vx of integers (each below 2^40) is exactly 0; the doubles decide unless they are too close to call. */
function crossIsZero(ux: number, uy: number, vx: number, vy: number): boolean {
  const a = ux * vy;
  const b = uy * vx;
  if (Math.abs(a - b) > 1e-15 * (Math.abs(a) + Math.abs(b))) return false;
  return BigInt(ux) * BigInt(vy) === BigInt(uy) * BigInt(vx);
}

/**
 * Whether vertex b between a and c adds nothing to a ring (grid units): b is a or c, a is c (b is
 * the tip of a spike), the three are exactly on one line (b adds no area either way), or the
 * outline turns back at b (a spike) within less than one grid step of width.
 */
function removable(a: Pt, b: Pt, c: Pt): boolean {
  if ((a[0] === c[0] && a[1] === c[1]) || (a[0] === b[0] && a[1] === b[1]) || (b[0] === c[0] && b[1] === c[1])) return true;
  const [ux, uy, vx, vy] = [b[0] - a[0], b[1] - a[1], c[0] - b[0], c[1] - b[1]];
  if (crossIsZero(ux, uy, vx, vy)) return true;
  if (ux * vx + uy * vy >= 0) return false;
  const longest = Math.max(Math.hypot(ux, uy), Math.hypot(vx, vy), Math.hypot(c[0] - a[0], c[1] - a[1]));
  return Math.abs(ux * vy - uy * vx) / longest < 1;
}

/** A ring (grid units, open: no closing point) without repeated points, spikes and straight-through points; may come back shorter than 3. */
function cleanRing(ring: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of ring) {
    while (out.length >= 2 && removable(out[out.length - 2], out[out.length - 1], p)) out.pop();
    const top = out[out.length - 1];
    if (!top || top[0] !== p[0] || top[1] !== p[1]) out.push(p);
  }
  // The same where the ring closes: its last points with its first ones.
  for (;;) {
    const n = out.length;
    if (n < 3) return out;
    if (removable(out[n - 2], out[n - 1], out[0])) out.pop();
    else if (removable(out[n - 1], out[0], out[1])) out.shift();
    else return out;
  }
}

/** Width of a ring (grid units) as twice its area over its perimeter: below 1 grid step it encloses no real area. */
function ringWidth(ring: Pt[]): number {
  const [x0, y0] = ring[0];
  let twiceArea = 0;
  let perimeter = 0;
  for (let i = 0; i < ring.length; i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[(i + 1) % ring.length];
    twiceArea += (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
    perimeter += Math.hypot(bx - ax, by - ay);
  }
  return Math.abs(twiceArea) / perimeter;
}

/**
 * A MultiPolygon (degrees) snapped to the grid (GRID_PER_DEGREE) and cleaned: no repeated points,
 * no zero-width spikes (an outline that goes out and comes back on itself), no points exactly on
 * the line of their neighbours, and no ring narrower than one grid step (a polygon whose outer
 * ring is such goes, holes and all). Rings stay closed; what moves, moves by less than a grid
 * step. Turns an outline no wider than the grid into nothing, so the result may be empty.
 */
export function cleanMultiPolygon(m: MultiPolygonCoords): MultiPolygonCoords {
  const out: MultiPolygonCoords = [];
  for (const polygon of m) {
    const rings: Pt[][] = [];
    for (const [k, ring] of polygon.entries()) {
      const grid = cleanRing(ring.map(([x, y]): Pt => [Math.round(x * GRID_PER_DEGREE), Math.round(y * GRID_PER_DEGREE)]));
      if (grid.length < 3 || ringWidth(grid) < 1) {
        if (k === 0) break;
        continue;
      }
      rings.push([...grid, grid[0]].map(([x, y]): Pt => [x / GRID_PER_DEGREE, y / GRID_PER_DEGREE]));
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
}
