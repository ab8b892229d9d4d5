import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { computeSplitPart } from '../../src/core/splitZone';
import type { MultiPolygonCoords } from '../../src/core/zoneState';

const square: MultiPolygonCoords = [[[[118, 36], [118.02, 36], [118.02, 36.02], [118, 36.02], [118, 36]]]];
const m2 = (m: MultiPolygonCoords) => area({ type: 'MultiPolygon', coordinates: m });

describe('computeSplitPart', () => {
  it('gives away the side of the cut without the school', () => {
    // A vertical cut at x = 118.015; the school stands in the west part.
    const part = computeSplitPart(square, [[118.015, 35.99], [118.015, 36.03]], [118.005, 36.01]);
    expect(m2(part) / m2(square)).toBeCloseTo(0.25, 3);
    expect(part.flat(2).every(([x]) => x >= 118.015 - 1e-12)).toBe(true);
    // The same cut drawn the other way round gives the same part.
    const reversed = computeSplitPart(square, [[118.015, 36.03], [118.015, 35.99]], [118.005, 36.01]);
    expect(m2(reversed)).toBeCloseTo(m2(part), 0);
  });

  it('gives the smaller part when the school is in neither', () => {
    const part = computeSplitPart(square, [[117.99, 36.005], [118.03, 36.005]], [119, 37]);
    expect(m2(part) / m2(square)).toBeCloseTo(0.25, 3);
  });

  it('refuses a line that does not cut the zone in two', () => {
    expect(() => computeSplitPart(square, [[118.1, 36.1], [118.2, 36.2]], [118.005, 36.01])).toThrow(/does not cut the zone/);
    expect(() => computeSplitPart(square, [[118.1, 36.1]], [118.005, 36.01])).toThrow(/at least two points/);
  });
});
