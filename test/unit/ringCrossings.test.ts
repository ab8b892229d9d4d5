import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { School } from '../../src/core/dataset';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeValidationReport } from '../../src/core/validation';
import { ringCrossings } from '../../src/core/validation/ringCrossings';
import type { MultiPolygonCoords } from '../../src/core/zoneState';

type Ring = [number, number][];
const square = (x: number, y: number, s = 1): Ring => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

describe('ring crossings: touching is not crossing', () => {
  it('two parts meeting at one corner', () => {
    expect(ringCrossings([[square(0, 0)], [square(1, 1)]])).toEqual([]);
  });

  it('two parts sharing an edge, and a part whose corner rests on the other’s edge', () => {
    expect(ringCrossings([[square(0, 0)], [square(1, 0)]])).toEqual([]);
    expect(ringCrossings([[square(0, 0, 2)], [[[2, 1], [3, 0], [3, 2], [2, 1]]]])).toEqual([]);
  });

  it('a hole touching its outer ring at one point', () => {
    expect(ringCrossings([[square(0, 0, 4), [[0, 2], [2, 1], [2, 3], [0, 2]]]])).toEqual([]);
  });

  it('one ring that comes back to a vertex without crossing over (two lobes)', () => {
    // (1,1) is visited twice; the lower-left lobe and the upper-right lobe only touch there.
    expect(ringCrossings([[[[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [1, 2], [1, 1], [0, 1], [0, 0]]]])).toEqual([]);
  });

  it('a clean polygon with many vertices', () => {
    const circle: Ring = Array.from({ length: 200 }, (_, k) => [Math.cos((k * Math.PI) / 100), Math.sin((k * Math.PI) / 100)] as [number, number]);
    expect(ringCrossings([[[...circle, circle[0]]]])).toEqual([]);
  });
});

describe('ring crossings: real crossings are found', () => {
  it('a bow tie crosses at the middle of its diagonals', () => {
    expect(ringCrossings([[[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]])).toEqual([[1, 1]]);
  });

  it('two overlapping parts cross twice', () => {
    // [0,2]² and [1,3]²: the edges meet at (2,1) and (1,2).
    const found = ringCrossings([[square(0, 0, 2)], [square(1, 1, 2)]]);
    expect(found.map(String).sort()).toEqual(['1,2', '2,1']);
  });

  it('a ring that passes through one of its vertices and crosses over there', () => {
    // Through (1,1) from south-west to north-east, and again from south-east to north-west.
    expect(ringCrossings([[[[0, 0], [1, 1], [2, 2], [2, 0], [1, 1], [0, 2], [0, 0]]]])).toEqual([[1, 1]]);
  });

  it('a part whose vertex lies on the other’s edge and which continues across it', () => {
    // The triangle's vertex (2,1) rests on the square's east edge x = 2, its edge to (1, 1.5) inside
    // the square and its edge to (3, 0) outside: it crosses over at (2, 1). Its edge (3,0)–(1,1.5)
    // crosses x = 2 halfway, at (2, 0.75).
    expect(ringCrossings([[square(0, 0, 2)], [[[2, 1], [3, 0], [1, 1.5], [2, 1]]]])).toEqual([[2, 0.75], [2, 1]]);
  });
});

describe('the validation report on a zone whose parts touch at a corner', () => {
  const school: School = { id: 'P1', name: '一小', level: 'primary', ownership: 'public', lon: 118.005, lat: 37.005, facilities: {} };
  const zone = (coordinates: MultiPolygonCoords): Feature => ({ type: 'Feature', properties: { school_id: 'P1', level: 'primary' }, geometry: { type: 'MultiPolygon', coordinates } });
  const noPupils = { x: [], y: [], grade: [], currentSchool: [] };
  const kinds = (z: Feature) => computeValidationReport({ schools: [school], zones: [z], pupils: noPupils, baseYear: 2024, rules: DEFAULT_RULES }).items.map((i) => i.kind);

  it('reports nothing for two 0.01° squares meeting at (118.01, 37.01)', () => {
    const touching = zone([[square(118, 37, 0.01)], [[[118.01, 37.01], [118.02, 37.01], [118.02, 37.02], [118.01, 37.02], [118.01, 37.01]]]]);
    expect(kinds(touching)).toEqual([]);
  });

  it('still reports a bow tie, with its one crossing', () => {
    const bow = zone([[[[118, 37], [118.01, 37.01], [118.01, 37], [118, 37.01], [118, 37]]]]);
    const report = computeValidationReport({ schools: [school], zones: [bow], pupils: noPupils, baseYear: 2024, rules: DEFAULT_RULES });
    expect(report.items.filter((i) => i.kind === 'selfIntersection').map((i) => 'crossings' in i && i.crossings)).toEqual([1]);
  });
});
