import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearlyWithin } from '../../src/core/clearlyWithin';
import { intersectionOf } from '../../src/core/clip';
import type { MultiPolygonCoords } from '../../src/core/zoneState';
import { at, box, inside, latticeArea, ring } from '../unit/geometryReference';

// The clip's shortcut (src/core/clearlyWithin.ts) against plain references: when it says a zone lies
// inside the county, every sample point of the zone is inside the county (ray casting) and the exact
// clip gives back the zone's area. The county has a hole and a second part (an island), and the
// zones cross, touch, run along and enclose them.
const EPS = 1e-7;
// A county of two parts: 40 × 40 with a hole [18, 22]², and an island [50, 60] × [0, 10] (lattice units of 1/256°).
const COUNTY: MultiPolygonCoords = [[box(0, 0, 40, 40), box(18, 18, 22, 22).reverse()], [box(50, 0, 60, 10)]];

const within = (m: MultiPolygonCoords) => clearlyWithin(m, COUNTY, EPS);

describe('clearlyWithin: a zone certainly inside the county, else the exact clip decides', () => {
  it('says so for zones well inside, including one whose hole holds the county’s hole, and one on the island', () => {
    expect(within([[box(2, 2, 10, 10)]])).toBe(true);
    expect(within([[box(52, 2, 58, 8)]])).toBe(true);
    expect(within([[box(15, 15, 25, 25), box(17, 17, 23, 23).reverse()]])).toBe(true);
    expect(within([[box(2, 2, 10, 10)], [box(52, 2, 58, 8)]])).toBe(true);
  });

  it('does not for zones that touch, run along or cross the border, hold the hole, or lie outside', () => {
    expect(within([[box(0, 2, 10, 8)]])).toBe(false);
    expect(within([[ring([0, 5], [5, 2], [5, 8])]])).toBe(false);
    expect(within([[box(-2, 2, 10, 8)]])).toBe(false);
    expect(within([[box(15, 15, 25, 25)]])).toBe(false);
    expect(within([[box(41, 2, 49, 8)]])).toBe(false);
    expect(within([[box(22, 2, 30, 18)]])).toBe(false);
    expect(within([[box(2, 2, 10, 10)], [box(41, 2, 49, 8)]])).toBe(false);
    expect(within([])).toBe(false);
  });

  it('whenever it says inside, the zone is inside at every sample and the exact clip keeps its whole area', () => {
    const corner = fc.tuple(fc.integer({ min: -4, max: 64 }), fc.integer({ min: -4, max: 44 }));
    const boxZone = fc.tuple(corner, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([[i, j], w, h]) => [box(i, j, i + w, j + h)]);
    const near = fc.tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: -6, max: 6 }));
    // Anticlockwise, as the boxes, so that the reference area adds the parts up.
    const triangle = fc.tuple(corner, near, near)
      .map(([a, d, e]): [number, number][] => [a, [a[0] + d[0], a[1] + d[1]], [a[0] + e[0], a[1] + e[1]]])
      .filter(([a, b, c]) => (b[0] - a[0]) * (c[1] - a[1]) !== (b[1] - a[1]) * (c[0] - a[0]))
      .map(([a, b, c]) => [(b[0] - a[0]) * (c[1] - a[1]) > (b[1] - a[1]) * (c[0] - a[0]) ? ring(a, b, c) : ring(a, c, b)]);
    // Boxes near the hole: around it, across it or beside it.
    const nearHole = fc.tuple(fc.integer({ min: 8, max: 21 }), fc.integer({ min: 8, max: 21 }), fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 14 })).map(([i, j, w, h]) => [box(i, j, i + w, j + h)]);
    const zone = fc.array(fc.oneof(boxZone, triangle, nearHole), { minLength: 1, maxLength: 2 });
    let said = 0;
    fc.assert(
      fc.property(zone, (m: MultiPolygonCoords) => {
        // Two parts that overlap are not a zone; keep to valid ones.
        if (m.length === 2 && intersectionOf([m[0]], [m[1]]).length > 0) return;
        if (!within(m)) return;
        said++;
        for (let i = -4; i <= 64; i++) {
          for (let j = -4; j <= 44; j++) {
            const p = at(i + 0.37, j + 0.61);
            if (inside(m, p)) expect(inside(COUNTY, p)).toBe(true);
          }
        }
        expect(latticeArea(intersectionOf(m, COUNTY))).toBeCloseTo(latticeArea(m), 6);
      }),
      { numRuns: 400, seed: 20261204 },
    );
    // The shortcut is taken in a fair share of the runs (else the property says nothing).
    expect(said).toBeGreaterThan(40);
  });
});
