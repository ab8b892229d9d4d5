import { describe, expect, it } from 'vitest';
import { computeFourBounds, namedLinesOf } from '../../src/core/publish/fourBounds';
import type { MultiPolygonCoords } from '../../src/core/zoneState';

/** The square block of a 3 × 3 grid of 0.01° blocks (col, row from the south-west), as a zone. */
const block = (col: number, row: number): MultiPolygonCoords => {
  const [x, y] = [118 + col * 0.01, 36 + row * 0.01];
  return [[[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]]];
};
const NAMES = [['SW', 'S', 'SE'], ['W', 'C', 'E'], ['NW', 'N', 'NE']];
const grid = new Map(NAMES.flatMap((row, r) => row.map((name, c): [string, MultiPolygonCoords] => [name, block(c, r)])));
const without = (name: string) => new Map([...grid].filter(([k]) => k !== name));

describe('四至 from neighbouring zones on a grid of blocks', () => {
  it('names the block across each side of the centre, not the corner blocks it touches at a point', () => {
    expect(computeFourBounds(grid.get('C')!, without('C'))).toEqual({
      east: { neighbours: ['E'], open: false },
      south: { neighbours: ['S'], open: false },
      west: { neighbours: ['W'], open: false },
      north: { neighbours: ['N'], open: false },
    });
  });

  it('says where a corner block borders no zone (the county edge)', () => {
    expect(computeFourBounds(grid.get('NW')!, without('NW'))).toEqual({
      east: { neighbours: ['N'], open: false },
      south: { neighbours: ['W'], open: false },
      west: { neighbours: [], open: true },
      north: { neighbours: [], open: true },
    });
  });

  it('lists two neighbours on a side, the longer shared boundary first', () => {
    // East of C, two zones meet at 36.016: the lower borders C's east side for 0.006°, the upper for 0.004°.
    const upper: MultiPolygonCoords = [[[[118.02, 36.016], [118.03, 36.016], [118.03, 36.03], [118.02, 36.03], [118.02, 36.016]]]];
    const lower: MultiPolygonCoords = [[[[118.02, 36.0], [118.03, 36.0], [118.03, 36.016], [118.02, 36.016], [118.02, 36.0]]]];
    const others = new Map([...without('C')].filter(([k]) => !['E', 'NE', 'SE'].includes(k)));
    others.set('上', upper).set('下', lower);
    // C's east edge is one segment: cut it where the two meet so each part is looked across on its own.
    const c: MultiPolygonCoords = [[[[118.01, 36.01], [118.02, 36.01], [118.02, 36.016], [118.02, 36.02], [118.01, 36.02], [118.01, 36.01]]]];
    expect(computeFourBounds(c, others).east).toEqual({ neighbours: ['下', '上'], open: false });
  });
});

/** Named lines from [name, [x, y] …] in degrees. */
const linesOf = (...lines: [string, [number, number][]][]) => namedLinesOf([{
  coords: Float64Array.from(lines.flatMap(([, pts]) => pts.flat())),
  start: Int32Array.from(lines.reduce((acc, [, pts]) => [...acc, acc[acc.length - 1] + pts.length], [0])),
  kind: new Uint8Array(lines.length),
  name: lines.map(([name]) => name),
}]);

describe('四至 from the roads and rivers along a zone on a small road grid', () => {
  it('names the road or river each side runs along, and leaves a side without one to its neighbours', () => {
    // C spans 118.01–118.02 × 36.01–36.02. 建设路 runs along its east edge 20 m east of it, 弥河 along
    // its west edge on it, 文化街 along the north edge and beyond; 横街 crosses C's south edge at one
    // point only; an unnamed road runs along the south edge.
    const lines = linesOf(
      ['建设路', [[118.0202, 36.0], [118.0202, 36.03]]],
      ['弥河', [[118.01, 36.005], [118.01, 36.012], [118.01, 36.025]]],
      ['文化街', [[118.0, 36.02], [118.03, 36.02]]],
      ['横街', [[118.015, 36.0], [118.015, 36.03]]],
      ['', [[118.0, 36.01], [118.03, 36.01]]],
    );
    expect(lines.map((l) => l.name)).toEqual(['建设路', '弥河', '文化街', '横街']);
    const bounds = computeFourBounds(grid.get('C')!, without('C'), lines);
    expect(bounds).toEqual({
      east: { neighbours: ['E'], open: false, roads: ['建设路'] },
      south: { neighbours: ['S'], open: false },
      west: { neighbours: ['W'], open: false, roads: ['弥河'] },
      north: { neighbours: ['N'], open: false, roads: ['文化街'] },
    });
    // 建设路 60 m east of the edge is too far to run along it.
    const far = linesOf(['建设路', [[118.02065, 36.0], [118.02065, 36.03]]]);
    expect(computeFourBounds(grid.get('C')!, without('C'), far).east).toEqual({ neighbours: ['E'], open: false });
  });

  it('names two roads on a side that each run along part of it, the longer first', () => {
    // C's east edge: 北段路 along its upper 70 %, 南段路 along its lower 30 %.
    const lines = linesOf(['北段路', [[118.02, 36.013], [118.02, 36.02]]], ['南段路', [[118.02, 36.01], [118.02, 36.013]]]);
    expect(computeFourBounds(grid.get('C')!, without('C'), lines).east).toEqual({ neighbours: ['E'], open: false, roads: ['北段路', '南段路'] });
  });
});
