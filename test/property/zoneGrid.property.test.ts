import { booleanPointInPolygon, point, polygon } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ZoneSet } from '../../src/core/dataset';
import { computeGridFrame } from '../../src/core/gridFrame';
import { buildZoneGrid, zoneAt, OUTSIDE } from '../../src/core/zoneGrid';

/** A star-shaped polygon around (cx, cy): angles evenly spaced, radii random. */
function star(cx: number, cy: number, radii: number[]): number[][] {
  const ring = radii.map((r, i) => {
    const a = (2 * Math.PI * i) / radii.length;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
  return [...ring, ring[0]];
}

const radii = fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 3, maxLength: 60 });
const points = fc.array(fc.tuple(fc.double({ min: -1.2, max: 1.2, noNaN: true }), fc.double({ min: -1.2, max: 1.2, noNaN: true })), { minLength: 1, maxLength: 200 });

describe('zone grid lookup equals turf booleanPointInPolygon (from-scratch twin)', () => {
  it('on random star polygons, with and without a hole, at random grid sizes', () => {
    fc.assert(
      fc.property(radii, fc.boolean(), fc.integer({ min: 1, max: 300 }), points, (rs, withHole, size, pts) => {
        const outer = star(0, 0, rs);
        const hole = star(0, 0, [0.03, 0.04, 0.02, 0.035]);
        const rings = withHole ? [outer, hole] : [outer];
        const zones: ZoneSet = {
          level: 'primary',
          zoneSchool: Int32Array.of(7),
          rings: [rings.map((r) => Float64Array.from(r.flat()))],
        };
        const grid = buildZoneGrid(zones, computeGridFrame(-1.2, -1.2, 1.2, 1.2, size));
        const turfPolygon = polygon(rings);
        for (const [x, y] of pts) {
          const expected = booleanPointInPolygon(point([x, y]), turfPolygon, { ignoreBoundary: true }) ? 0 : OUTSIDE;
          expect(zoneAt(grid, x, y)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('on a partition of jagged strips reaching beyond the frame, every point lands in the one strip containing it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 2, maxLength: 30 }), fc.integer({ min: 4, max: 200 }), points, (wiggle, size, pts) => {
        // Three vertical strips over [-1.2,1.2]² whose two shared edges wiggle the same way.
        const ys = wiggle.map((_, i) => -1.2 + (2.4 * i) / (wiggle.length - 1));
        const edge = (x0: number) => ys.map((y, i) => [x0 + wiggle[i], y]);
        const left = edge(-0.4);
        const right = edge(0.4);
        const strips = [
          [[-1.2, -1.2], ...left, [-1.2, 1.2]],
          [...left, ...[...right].reverse()],
          [...right, [1.2, 1.2], [1.2, -1.2]],
        ].map((ring) => [...ring, ring[0]]);
        const zones: ZoneSet = { level: 'junior', zoneSchool: Int32Array.of(0, 1, 2), rings: strips.map((r) => [Float64Array.from(r.flat())]) };
        // The frame (where pupils live) is smaller than the zones, so edges are clipped to it.
        const grid = buildZoneGrid(zones, computeGridFrame(-1, -0.9, 1.1, 1, size));
        for (const [x, y] of pts) {
          if (x < -1 || x > 1.1 || y < -0.9 || y > 1) continue;
          const inside = strips.map((r, z) => (booleanPointInPolygon(point([x, y]), polygon([r]), { ignoreBoundary: true }) ? z : -1)).filter((z) => z >= 0);
          if (inside.length !== 1) continue; // on a shared edge both answers are right
          expect(zoneAt(grid, x, y)).toBe(inside[0]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
