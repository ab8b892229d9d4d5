import { union } from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import { cleanMultiPolygon, GRID_PER_DEGREE, perturbMultiPolygon, snapDegrees } from '../../src/core/cleanGeometry';
import { unionOf } from '../../src/core/clip';
import { applyZoneEdit, type ZoneEdit } from '../../src/core/zoneEdits';
import type { MultiPolygonCoords, ZoneState } from '../../src/core/zoneState';
import { zoneOutlineFault } from '../fuzz/outlineCheck';
import { at, box, CTX, firstMismatch, inside, latticeArea, primaryState, ring, U } from './geometryReference';

type Pt = [number, number];
const polygon = (coordinates: Pt[][]) => ({ type: 'Polygon' as const, coordinates });
const zonesOf = (state: ZoneState) => state.zones.primary;

/** Every primary zone of a state without outline faults (repeated points, zero-width spikes, pieces without area). */
function expectCleanOutlines(state: ZoneState) {
  for (const [s, zone] of zonesOf(state)) expect(zoneOutlineFault(zone), `school ${s}`).toBeUndefined();
}

describe('snapping and cleaning (cleanGeometry)', () => {
  it('snaps to 1e-9° and keeps what is on the grid already', () => {
    expect(snapDegrees(118.0123456789012)).toBe(118.012345679);
    expect(snapDegrees(118.012)).toBe(118.012);
    expect(snapDegrees(118 + 3 / 256)).toBe(118.01171875);
    expect(snapDegrees(snapDegrees(36.12345678951))).toBe(36.12345679);
  });

  it('removes a repeated point, a point on a straight edge and a zero-width spike; the box stays', () => {
    const square = [at(0, 0), at(2, 0), at(4, 0), at(4, 0), at(4, 4), at(4, 6), at(4, 4 + 1e-7), at(0, 4), at(0, 0)];
    expect(cleanMultiPolygon([[square]])).toEqual([[box(0, 0, 4, 4)]]);
  });

  it('removes a spike whose way back is a hair (1e-10°) beside its way out', () => {
    const [x, y] = at(4, 2);
    const spiky: Pt[] = [at(0, 0), at(4, 0), [x, y], [x + 0.01, y], [x, y + 1e-10], at(4, 4), at(0, 4), at(0, 0)];
    const clean = cleanMultiPolygon([[spiky]]);
    expect(zoneOutlineFault([[spiky]])).toMatch(/spike/);
    expect(clean).toEqual([[box(0, 0, 4, 4)]]);
    expect(zoneOutlineFault(clean)).toBeUndefined();
  });

  it('drops a ring narrower than the grid: a hole goes, an outer ring takes its holes with it', () => {
    const sliver = [at(1, 1), at(3, 1), at(3, 1 + 1e-8), at(1, 1), at(1, 1)];
    const [x, y] = at(1, 1);
    const thin: Pt[] = [[x, y], [x + 0.01, y], [x + 0.01, y + 2e-10], [x, y]];
    expect(cleanMultiPolygon([[box(0, 0, 4, 4), [...thin].reverse()]])).toEqual([[box(0, 0, 4, 4)]]);
    expect(cleanMultiPolygon([[thin, sliver], [box(6, 0, 8, 2)]])).toEqual([[box(6, 0, 8, 2)]]);
  });
});

describe('polygon operations on near-coincident edges (clip.ts)', () => {
  it('the last resort nudges each point by at most one grid step, a point shared by two zones the same way', () => {
    const [p1, p2] = perturbMultiPolygon([[box(0, 0, 4, 4)], [box(4, 0, 8, 4)]]);
    const moved = [...p1[0], ...p2[0]].map(([x, y], k) => [x, y, k < 5 ? box(0, 0, 4, 4)[k] : box(4, 0, 8, 4)[k - 5]] as const);
    for (const [x, y, [x0, y0]] of moved) {
      expect(Math.abs(Math.round((x - x0) * GRID_PER_DEGREE))).toBeLessThanOrEqual(1);
      expect(Math.abs(Math.round((y - y0) * GRID_PER_DEGREE))).toBeLessThanOrEqual(1);
    }
    // at(4, 0) and at(4, 4) are corners of both boxes.
    expect(p1[0][1]).toEqual(p2[0][0]);
    expect(p1[0][2]).toEqual(p2[0][3]);
    expect(new Set(moved.map(([x, y, [x0, y0]]) => `${x !== x0},${y !== y0}`)).size).toBeGreaterThan(1);
  });


  it('case 255 of the edit campaign: a union polyclip cannot do in exact arithmetic gives the whole box', () => {
    // A triangle and a zone whose vertex (118.06119791697711, 36.06640625) is 3e-10° off the triangle's edge.
    const triangle: MultiPolygonCoords = [[[[118.03515625, 36.046875], [118.06640625, 36.0703125], [118.03515625, 36.0703125], [118.03515625, 36.046875]]]];
    const zone: MultiPolygonCoords = [[[
      [118.03515625, 36.046875], [118.08984375, 36.046875], [118.08984375, 36.0703125], [118.06640625, 36.0703125], [118.0625, 36.0673828125],
      [118.0625, 36.0703125], [118.0390625, 36.0703125], [118.0390625, 36.06640625], [118.06119791697711, 36.06640625], [118.03515625, 36.046875],
    ]]];
    expect(() => union(triangle, zone)).toThrow();
    expect(unionOf(triangle, zone)).toEqual([[[[118.03515625, 36.046875], [118.08984375, 36.046875], [118.08984375, 36.0703125], [118.03515625, 36.0703125], [118.03515625, 36.046875]]]]);
  });
});

describe('zone edits leave clean outlines, and the land as a plain reference places it', () => {
  it('an area across a slanted shared edge leaves no zero-width spike (it left one at 118.01662559, 36.00762025 before)', () => {
    // P1 and P2 share the edge from lattice (4.5, 0) to (4, 4); the drawn triangle crosses it.
    const [a, b] = [ring([0, 0], [4.5, 0], [4, 4], [0, 4]), ring([4.5, 0], [8, 0], [8, 4], [4, 4])];
    const triangle: Pt[] = [[118.01953125, 36.009765625], [118.02083333333333, 36.009114583333336], [118.001953125, 36.001302083333336], [118.01953125, 36.009765625]];
    const next = applyZoneEdit(primaryState([[0, [[a]]], [1, [[b]]]]), { op: 'assignArea', level: 'primary', schoolId: 'P2', area: polygon([triangle]) }, CTX);
    expectCleanOutlines(next);
    const inTriangle = (p: Pt) => inside([[triangle]], p);
    expect(firstMismatch(zonesOf(next).get(0), (p) => inside([[a]], p) && !inTriangle(p))).toBeUndefined();
    expect(firstMismatch(zonesOf(next).get(1), (p) => inside([[b]], p) || (inside([[a]], p) && inTriangle(p)))).toBeUndefined();
    // The two zones still tile the 8 × 4 lattice box: no land lost or doubled.
    expect(latticeArea(zonesOf(next).get(0)!) + latticeArea(zonesOf(next).get(1)!)).toBeCloseTo(32, 6);
  });

  /** Applies `edit` to `zones` and checks each school's new zone against `expected` (school → predicate on points) and the outlines. */
  function check(zones: [number, MultiPolygonCoords][], edit: ZoneEdit, expected: Record<number, (p: Pt) => boolean>) {
    const next = applyZoneEdit(primaryState(zones), edit, CTX);
    expectCleanOutlines(next);
    for (const [s, want] of Object.entries(expected)) expect(firstMismatch(zonesOf(next).get(Number(s)), want), `school ${s}`).toBeUndefined();
    return next;
  }
  const areaOf = (i0: number, j0: number, i1: number, j1: number) => polygon([box(i0, j0, i1, j1)]);
  const inBox = (i0: number, j0: number, i1: number, j1: number) => (p: Pt) => inside([[box(i0, j0, i1, j1)]], p);

  it('overlapping zones: the drawn area takes its land from the zone under it, the overlap stays with the other', () => {
    const [p1, p2] = [inBox(0, 0, 4, 4), inBox(2, 2, 6, 6)];
    const area = inBox(1, 1, 3, 3);
    check([[0, [[box(0, 0, 4, 4)]]], [1, [[box(2, 2, 6, 6)]]]], { op: 'assignArea', level: 'primary', schoolId: 'P2', area: areaOf(1, 1, 3, 3) }, {
      0: (p) => p1(p) && !area(p),
      1: (p) => p2(p) || (area(p) && p1(p)),
    });
  });

  it('nested zones: a new outline for the inner zone cuts it out of the outer one', () => {
    const next = check([[0, [[box(0, 0, 8, 8)]]], [1, [[box(3, 3, 5, 5)]]]], { op: 'setZone', level: 'primary', schoolId: 'P2', geometry: areaOf(2, 2, 6, 6) }, {
      0: (p) => inBox(0, 0, 8, 8)(p) && !inBox(2, 2, 6, 6)(p),
      1: inBox(2, 2, 6, 6),
    });
    expect(latticeArea(zonesOf(next).get(0)!)).toBe(64 - 16);
  });

  it('a holed zone takes back part of the zone in its hole', () => {
    const holed: MultiPolygonCoords = [[box(0, 0, 8, 8), [...box(3, 3, 5, 5)].reverse()]];
    const next = check([[0, holed], [1, [[box(3, 3, 5, 5)]]]], { op: 'assignArea', level: 'primary', schoolId: 'P1', area: areaOf(4, 4, 6, 6) }, {
      0: (p) => inside(holed, p) || (inBox(3, 3, 5, 5)(p) && inBox(4, 4, 6, 6)(p)),
      1: (p) => inBox(3, 3, 5, 5)(p) && !inBox(4, 4, 6, 6)(p),
    });
    expect(latticeArea(zonesOf(next).get(1)!)).toBe(3);
    expect(zonesOf(next).get(0)!.reduce((n, poly) => n + poly.length - 1, 0)).toBe(1);
  });

  it('a multi-part zone gives land from both of its parts', () => {
    const parts: MultiPolygonCoords = [[box(0, 0, 2, 2)], [box(4, 0, 6, 2)]];
    const next = check([[0, parts], [1, [[box(2, 0, 4, 2)]]]], { op: 'assignArea', level: 'primary', schoolId: 'P2', area: areaOf(1, 0, 5, 1) }, {
      0: (p) => inside(parts, p) && !inBox(1, 0, 5, 1)(p),
      1: (p) => inBox(2, 0, 4, 2)(p) || inBox(1, 0, 5, 1)(p),
    });
    expect(zonesOf(next).get(0)).toHaveLength(2);
    expect(latticeArea(zonesOf(next).get(1)!)).toBe(4 + 2);
  });

  it('slivers: zones whose shared edge is a hair (1e-12°) apart leave no sliver piece after an edit', () => {
    const [x, y] = at(4, 2);
    const p1: MultiPolygonCoords = [[[at(0, 0), at(4, 0), [x + 1e-12, y], at(4, 4), at(0, 4), at(0, 0)]]];
    const p2: MultiPolygonCoords = [[[at(4, 0), at(8, 0), at(8, 4), at(4, 4), [x - 1e-12, y], at(4, 0)]]];
    const next = check([[0, p1], [1, p2]], { op: 'assignArea', level: 'primary', schoolId: 'P3', area: areaOf(3, 1, 5, 3) }, {
      0: (p) => inBox(0, 0, 4, 4)(p) && !inBox(3, 1, 5, 3)(p),
      1: (p) => inBox(4, 0, 8, 4)(p) && !inBox(3, 1, 5, 3)(p),
      2: inBox(3, 1, 5, 3),
    });
    expect(latticeArea(zonesOf(next).get(2)!)).toBeCloseTo(4, 9);
    expect(zonesOf(next).get(2)).toHaveLength(1);
  });

  it('shared vertices: moving a corner two zones share moves it in both, and they still meet along one edge', () => {
    const next = check([[0, [[box(0, 0, 4, 4)]]], [1, [[box(4, 0, 8, 4)]]]], { op: 'moveVertex', level: 'primary', schoolId: 'P1', from: at(4, 4), to: at(5, 5) }, {
      0: (p) => inside([[ring([0, 0], [4, 0], [5, 5], [0, 4])]], p),
      1: (p) => inside([[ring([4, 0], [8, 0], [8, 4], [5, 5])]], p),
    });
    // 32 as before, and the triangle (0, 4), (5, 5), (8, 4) the move added.
    expect(latticeArea(zonesOf(next).get(0)!) + latticeArea(zonesOf(next).get(1)!)).toBe(36);
  });

  it('a refused edit changes nothing, with its own message', () => {
    const state = primaryState([[0, [[box(0, 0, 4, 4)]]]]);
    const bowTie = polygon([[at(0, 0), at(4, 4), at(4, 0), at(0, 4), at(0, 0)]]);
    expect(() => applyZoneEdit(state, { op: 'assignArea', level: 'primary', schoolId: 'P2', area: bowTie }, CTX)).toThrow(expect.objectContaining({ code: 'selfIntersecting' }));
    const flat = polygon([[at(0, 0), at(4, 0), at(4, 1e-9 / U), at(0, 0)]]);
    expect(() => applyZoneEdit(state, { op: 'assignArea', level: 'primary', schoolId: 'P2', area: flat }, CTX)).toThrow(expect.objectContaining({ code: 'noArea' }));
    expect(zonesOf(state).get(0)).toEqual([[box(0, 0, 4, 4)]]);
  });
});
