import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSegmentGrid, nearestSegment, type SegmentGrid } from '../../src/core/distance/segmentGrid';

/** The plain reference: every segment's squared distance from the point, in the grid's plane, the least kept. */
function nearestByScan(g: SegmentGrid, lon: number, lat: number): number {
  const px = lon * g.mx;
  const py = lat * g.my;
  let best = Infinity;
  for (let s = 0; s < g.ax.length; s++) {
    const dx = g.bx[s] - g.ax[s];
    const dy = g.by[s] - g.ay[s];
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? ((px - g.ax[s]) * dx + (py - g.ay[s]) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const ex = g.ax[s] + t * dx - px;
    const ey = g.ay[s] + t * dy - py;
    best = Math.min(best, ex * ex + ey * ey);
  }
  return best;
}

// Positions on a coarse lattice (shared vertices, zero-length segments, points on cell borders) or anywhere near it.
const coord = (lo: number) => fc.oneof(fc.integer({ min: 0, max: 20 }).map((k) => lo + k * 0.005), fc.double({ min: lo - 0.02, max: lo + 0.12, noNaN: true }));
const point = fc.tuple(coord(118.7), coord(36.8));

describe('nearestSegment (the road grid used to snap pupils)', () => {
  it('finds a segment as near as the nearest of all, for points inside, on cell borders and outside the grid', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(point, point), { minLength: 1, maxLength: 60 }), fc.array(point, { minLength: 1, maxLength: 30 }), (segments, queries) => {
        const col = (k: 0 | 1, c: 0 | 1) => Float64Array.from(segments, (s) => s[k][c]);
        const g = buildSegmentGrid(col(0, 0), col(0, 1), col(1, 0), col(1, 1));
        const snap = { seg: -1, t: 0, d2: 0 };
        for (const [lon, lat] of queries) {
          nearestSegment(g, lon, lat, snap);
          expect(snap.d2).toBe(nearestByScan(g, lon, lat));
        }
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
