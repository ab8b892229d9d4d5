import { describe, expect, it } from 'vitest';
import { type MultiPolygonCoords } from '../../src/core/zoneState';
import { computeZoneArea, computeZoneRanks, zoneLand } from '../../src/core/zoneSet';
import { differenceOf, unionOf } from '../../src/core/clip';

// Near the equator, where the cosine factor is 1 to within 2e-5: areas in square degrees.
const rect = (x0: number, y0: number, x1: number, y1: number): [number, number][][] => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];

describe('the area that ranks a zone under the smallest-zone rule', () => {
  it('is the union of the school’s features: overlapping parts, or one given twice, count their shared land once', () => {
    const a = rect(0, 0, 0.5, 0.6);
    expect(computeZoneArea([a])).toBeCloseTo(0.3, 4);
    // Two features overlapping on [0.15, 0.35] × [0, 0.6]: 0.21 + 0.21 − 0.12 = 0.3.
    expect(computeZoneArea([rect(0, 0, 0.35, 0.6), rect(0.15, 0, 0.5, 0.6)])).toBeCloseTo(0.3, 4);
    expect(computeZoneArea([a, a])).toBeCloseTo(0.3, 4);
    // Apart, or with a hole: each part counted, the hole left out.
    expect(computeZoneArea([rect(0, 0, 0.1, 0.1), rect(0.2, 0, 0.3, 0.1)])).toBeCloseTo(0.02, 4);
    expect(computeZoneArea([[...rect(0, 0, 0.4, 0.4), ...rect(0.1, 0.1, 0.2, 0.2)]])).toBeCloseTo(0.15, 4);
  });

  it('gives the overlap to the school whose zone is smaller on the ground, however its features are drawn (50 pupils went to the larger zone)', () => {
    // C: 0.3 on the ground, drawn as the same record twice (0.6 added up); D: 0.38.
    const c: MultiPolygonCoords = [rect(0, 0, 0.5, 0.6), rect(0, 0, 0.5, 0.6)];
    const d: MultiPolygonCoords = [rect(0.4, 0, 0.78, 1)];
    expect(computeZoneRanks(new Map([[0, d], [1, c]]), 'smallestZone')).toEqual(new Map([[1, 0], [0, 1]]));
  });

  it('adds up the parts polyclip cannot union (a self-crossing ring whose hole crosses it, from a property test): no throw, the sum of the parts', () => {
    const crossing: MultiPolygonCoords = [
      [[[118.5625, 36.828125], [118.5625, 36.84375], [118.53125, 36.84375], [118.109375, 36.828125], [118.421875, 36.765625], [118.546875, 36.8125], [118.5625, 36.8125], [118.5625, 36.828125]]],
      [[[118.34375, 36.765625], [117.96875, 37.03125], [118.125, 36.75], [118.34375, 36.765625]], [[118.15625, 36.765625], [118.125, 36.828125], [118.09375, 36.765625], [118.125, 36.75], [118.15625, 36.765625]]],
    ];
    const [a, b] = crossing.map((part) => computeZoneArea([part]));
    expect(computeZoneArea(crossing)).toBeCloseTo(a + b, 12);
  });

  it('takes an edited zone (a union or difference, whose parts never overlap) as it is, with no union again, at the same area', () => {
    // A union of parts apart whose boxes meet (an L and a square in its corner): two polygons.
    const l: MultiPolygonCoords = [[[[0, 0], [0.3, 0], [0.3, 0.1], [0.1, 0.1], [0.1, 0.3], [0, 0.3], [0, 0]]]];
    const edited = unionOf(l, [rect(0.2, 0.2, 0.3, 0.3)]);
    expect(edited).toHaveLength(2);
    expect(zoneLand(edited)).toBe(edited);
    expect(computeZoneArea(edited)).toBeCloseTo(0.05 + 0.01, 6);
    const cut = differenceOf([rect(0, 0, 0.3, 0.3)], [rect(0.1, -1, 0.2, 1)]);
    expect(zoneLand(cut)).toBe(cut);
    expect(computeZoneArea(cut)).toBeCloseTo(0.06, 6);
    // The same parts given as read from a file (a copy) are unioned: the ranking sees the same land.
    const copy = edited.map((p) => p.map((r) => r.map(([x, y]) => [x, y] as [number, number])));
    expect(zoneLand(copy)).not.toBe(copy);
    expect(computeZoneArea(copy)).toBeCloseTo(computeZoneArea(edited), 9);
  });
});
