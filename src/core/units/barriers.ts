import { orient2d } from 'robust-predicates';
import type { Polylines } from '../distance/lines';

/**
 * Whether the segment (x1, y1)–(x2, y2) crosses or touches a barrier line: `barriers` are the
 * dataset's barrier polylines in degrees (`Dataset.barrierLines`: rivers, railways, motorways;
 * a polygon's rings). Exact (robust orientation tests).
 */
export function crossesBarrier(barriers: Polylines, x1: number, y1: number, x2: number, y2: number): boolean {
  const [sx0, sx1, sy0, sy1] = [Math.min(x1, x2), Math.max(x1, x2), Math.min(y1, y2), Math.max(y1, y2)];
  const c = barriers.coords;
  for (let l = 0; l < barriers.kind.length; l++) {
    for (let p = barriers.start[l]; p < barriers.start[l + 1] - 1; p++) {
      const [ax, ay, bx, by] = [c[2 * p], c[2 * p + 1], c[2 * p + 2], c[2 * p + 3]];
      if (Math.max(ax, bx) < sx0 || Math.min(ax, bx) > sx1 || Math.max(ay, by) < sy0 || Math.min(ay, by) > sy1) continue;
      const d1 = orient2d(ax, ay, bx, by, x1, y1);
      const d2 = orient2d(ax, ay, bx, by, x2, y2);
      const d3 = orient2d(x1, y1, x2, y2, ax, ay);
      const d4 = orient2d(x1, y1, x2, y2, bx, by);
      if (d1 * d2 < 0 && d3 * d4 < 0) return true;
      // Touching: an end of one segment on the other (collinear overlap included).
      if ((d1 === 0 && within(ax, ay, bx, by, x1, y1)) || (d2 === 0 && within(ax, ay, bx, by, x2, y2))) return true;
      if ((d3 === 0 && within(x1, y1, x2, y2, ax, ay)) || (d4 === 0 && within(x1, y1, x2, y2, bx, by))) return true;
    }
  }
  return false;
}

/** Whether (px, py), on the line through a and b, lies between them. */
function within(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}
