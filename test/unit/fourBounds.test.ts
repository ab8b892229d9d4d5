import { describe, expect, it } from 'vitest';
import { computeFourBounds } from '../../src/core/publish/fourBounds';
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
