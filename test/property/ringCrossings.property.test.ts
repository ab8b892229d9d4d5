import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ringCrossings } from '../../src/core/validation/ringCrossings';
import type { MultiPolygonCoords } from '../../src/core/zoneState';
import { sweepRingCrossings } from '../reference/sweepRingCrossings';

// The ring-crossing check, by its budgeted sweep and by its grid alone, finds exactly the points of the previous sweep (its
// from-scratch twin, test/reference/sweepRingCrossings.ts) on rings full of degenerate cases:
// vertices on a lattice of 8 × 8 points 1/64° apart, so rings cross, touch at vertices, rest a
// vertex on an edge, run along one another and double back; and on boxes whose edges are cut into
// many collinear pieces (the hostile fixture's 100,000-vertex zone, small).
type Pt = [number, number];
const at = ([i, j]: [number, number]): Pt => [118 + i / 64, 36 + j / 64];
const closed = (ring: Pt[]): Pt[] => [...ring, ring[0]];

const latticeRing = fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })), { minLength: 3, maxLength: 9 }).map((points) => closed(points.map(at)));
const latticeFeature = fc.array(fc.array(latticeRing, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 });

/** A box [0, w] × [0, h] (lattice) with each edge cut into `cuts` pieces, shifted by (dx, dy). */
const cutBox = fc.record({ w: fc.integer({ min: 1, max: 6 }), h: fc.integer({ min: 1, max: 6 }), cuts: fc.integer({ min: 1, max: 40 }), dx: fc.integer({ min: 0, max: 4 }), dy: fc.integer({ min: 0, max: 4 }) })
  .map(({ w, h, cuts, dx, dy }) => {
    const corners: [number, number][] = [[0, 0], [w, 0], [w, h], [0, h], [0, 0]];
    const ring: Pt[] = [];
    for (let e = 0; e < 4; e++) {
      const [[x0, y0], [x1, y1]] = [corners[e], corners[e + 1]];
      for (let k = 0; k < cuts; k++) ring.push(at([dx + x0 + ((x1 - x0) * k) / cuts, dy + y0 + ((y1 - y0) * k) / cuts]));
    }
    return closed(ring);
  });
const boxFeature = fc.array(fc.oneof(cutBox, latticeRing), { minLength: 1, maxLength: 3 }).map((rings) => rings.map((r) => [r]));

const sorted = (points: Pt[]) => points.map(String).sort();

describe('ring crossings (the sweep with its budget, and the grid alone) = the previous sweep (from scratch)', () => {
  it('on lattice rings that cross, touch, overlap and double back', () => {
    fc.assert(
      fc.property(latticeFeature, (feature: MultiPolygonCoords) => {
        const found = ringCrossings(feature);
        expect(sorted(found)).toEqual(sorted(sweepRingCrossings(feature)));
        expect(sorted(ringCrossings(feature, 0))).toEqual(sorted(found));
        // Listed west to east, each point once.
        expect(found.map(String)).toEqual([...found].sort((p, q) => p[0] - q[0] || p[1] - q[1]).map(String));
        expect(new Set(found.map(String)).size).toBe(found.length);
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('on boxes with edges cut into collinear pieces, alone or with other parts', () => {
    fc.assert(
      fc.property(boxFeature, (feature: MultiPolygonCoords) => {
        const expected = sorted(sweepRingCrossings(feature));
        expect(sorted(ringCrossings(feature))).toEqual(expected);
        expect(sorted(ringCrossings(feature, 0))).toEqual(expected);
      }),
      { numRuns: 200, seed: 17 },
    );
  });
});
