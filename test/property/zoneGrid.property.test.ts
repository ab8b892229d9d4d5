import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGridFrame } from '../../src/core/gridFrame';
import { OVERLAP_RULES, type OverlapRule } from '../../src/core/rules';
import { buildZoneGrid } from '../../src/core/zoneGrid';
import { locateInGrid } from '../../src/core/zoneLocate';
import { type MultiPolygonCoords } from '../../src/core/zoneState';
import { computeZoneSet } from '../../src/core/zoneSet';
import { referenceOrder, referenceZonesAt, type ReferenceZone } from '../reference/evenOdd';

// Coordinates on a dyadic lattice near Shouguang (118 + i/64, 36 + j/64): the reference's plain
// orientation arithmetic is then exact, and points placed on edges and vertices are exactly there.
const UNIT = 1 / 64;
const at = (i: number, j: number): [number, number] => [118 + i * UNIT, 36 + j * UNIT];

/** A star-shaped ring around a lattice point, vertices rounded to the lattice (it may cross itself). */
function star(cx: number, cy: number, radii: number[]): [number, number][] {
  const ring = radii.map((r, k) => {
    const a = (2 * Math.PI * k) / radii.length;
    return at(Math.round(cx + r * Math.cos(a)), Math.round(cy + r * Math.sin(a)));
  });
  return [...ring, ring[0]];
}

const polygonArb = fc.record({
  cx: fc.integer({ min: 4, max: 60 }),
  cy: fc.integer({ min: 4, max: 60 }),
  radii: fc.array(fc.integer({ min: 1, max: 28 }), { minLength: 3, maxLength: 14 }),
  hole: fc.option(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 6 }), { nil: undefined }),
}).map(({ cx, cy, radii, hole }) => (hole ? [star(cx, cy, radii), star(cx, cy, hole)] : [star(cx, cy, radii)]));

/** 1–6 zones of 1–3 polygons each: they overlap, nest, share vertices and have holes at random. */
const zonesArb = fc.array(fc.array(polygonArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 });

/** Points: on the lattice and between its lines, at vertices, and exactly on edges (halves and quarters). */
function pointsArb(zones: ReferenceZone[]) {
  const edges = zones.flatMap((z) => z.flatMap((rings) => rings.flatMap((ring) => ring.slice(1).map((b, k) => [ring[k], b] as const))));
  const vertices = edges.map(([a]) => a);
  return fc.array(
    fc.oneof(
      fc.tuple(fc.integer({ min: -8, max: 272 }), fc.integer({ min: -8, max: 272 })).map(([i, j]) => [118 + i * UNIT / 4, 36 + j * UNIT / 4]),
      fc.constantFrom(...vertices),
      fc.tuple(fc.constantFrom(...edges), fc.constantFrom(0.25, 0.5, 0.75)).map(([[a, b], t]) => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]),
    ),
    { minLength: 1, maxLength: 120 },
  );
}

const caseArb = zonesArb.chain((zones) => fc.tuple(fc.constant(zones), pointsArb(zones), fc.integer({ min: 1, max: 300 }), fc.constantFrom(...OVERLAP_RULES)));

/** The engine's answer for every point: its zone, and the zones it shares or touches. */
function engine(zones: ReferenceZone[], pts: number[][], size: number, rule: OverlapRule) {
  const zoneSet = computeZoneSet('primary', new Map(zones.map((z, k) => [k, z as MultiPolygonCoords])), rule);
  const xs = Float64Array.from(pts, (p) => p[0]);
  const ys = Float64Array.from(pts, (p) => p[1]);
  const frame = computeGridFrame(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), size);
  const zoneOf = new Int32Array(pts.length);
  const listed = new Map<number, { zones: number[]; onBoundary: boolean }>();
  locateInGrid(buildZoneGrid(zoneSet, frame), xs, ys, zoneOf, (i, zs, n, onBoundary) => listed.set(i, { zones: Array.from(zs.subarray(0, n)), onBoundary }));
  return { zoneOf, listed };
}

describe('zone grid against a plain even-odd reference (every edge of every polygon, same rules)', () => {
  it('on random overlapping, nested, holed, multi-part zones, with points on edges and vertices, at random grid sizes', () => {
    let onEdges = 0;
    let shared = 0;
    fc.assert(
      fc.property(caseArb, ([zones, pts, size, rule]) => {
        const order = referenceOrder(zones, rule);
        const { zoneOf, listed } = engine(zones, pts, size, rule);
        pts.forEach(([x, y], i) => {
          const { inside, touching } = referenceZonesAt(zones, order, x, y);
          expect(zoneOf[i]).toBe(inside[0] ?? touching[0] ?? -1);
          if (inside.length > 1) shared++;
          if (touching.length > 0) onEdges++;
          const expected = inside.length > 1 ? { zones: inside, onBoundary: false } : touching.length > 0 ? { zones: touching, onBoundary: true } : undefined;
          expect(listed.get(i)).toEqual(expected);
        });
      }),
      { numRuns: 2000 },
    );
    // The cases did reach what they are about.
    expect(shared).toBeGreaterThan(1000);
    expect(onEdges).toBeGreaterThan(100);
  });

  it('on a partition with jagged shared edges, a point on a shared edge or vertex is in exactly one zone, the reference one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -12, max: 12 }), { minLength: 2, maxLength: 30 }), fc.integer({ min: 4, max: 200 }), fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (wiggle, size, picks) => {
        // Three vertical strips over the lattice [0, 64]² whose two shared edges wiggle the same way.
        const rows = wiggle.map((_, k) => Math.round((64 * k) / (wiggle.length - 1)));
        const edge = (x0: number) => rows.map((j, k) => at(x0 + wiggle[k], j));
        const left = edge(20);
        const right = edge(44);
        const strips = [
          [at(-16, 0), ...left, at(-16, 64)],
          [...left, ...[...right].reverse()],
          [...right, at(80, 64), at(80, 0)],
        ].map((ring) => [[[...ring, ring[0]]]]);
        // Points on the shared edges: their vertices and the midpoints of their segments.
        const onShared = [...left, ...right].flatMap((p, k, all) => (k + 1 < all.length && k + 1 !== left.length ? [p, [(p[0] + all[k + 1][0]) / 2, (p[1] + all[k + 1][1]) / 2]] : [p]));
        const pts = picks.map((k) => onShared[k % onShared.length]);
        const order = referenceOrder(strips, 'smallestZone');
        const { zoneOf } = engine(strips, pts, size, 'smallestZone');
        pts.forEach(([x, y], i) => {
          const { inside, touching } = referenceZonesAt(strips, order, x, y);
          expect(inside.length + (inside.length === 0 ? touching.length : 0)).toBeGreaterThanOrEqual(1);
          expect(inside.length).toBeLessThanOrEqual(1);
          expect(zoneOf[i]).toBe(inside[0] ?? touching[0]);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('the minimal case of issue 16: zone B nested in zone A; the pupils of A beside B are in A', () => {
    // A: the square [0, 8]²; B: [2, 4]² inside it (no hole in A). 15 pupils on a 5 × 3 grid over A.
    const A = [[at(0, 0), at(8, 0), at(8, 8), at(0, 8), at(0, 0)]];
    const B = [[at(2, 2), at(4, 2), at(4, 4), at(2, 4), at(2, 2)]];
    const pts = [1, 3, 5, 6, 7].flatMap((i) => [1, 3, 7].map((j) => at(i, j)));
    const { zoneOf } = engine([[A], [B]], pts, 64, 'smallestZone');
    // B holds (3, 3) only; every other pupil, those right of B on its rows included, is in A.
    expect([...zoneOf]).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect([...engine([[A], [B]], pts, 64, 'fileOrder').zoneOf]).toEqual(new Array(15).fill(0));
  });
});
