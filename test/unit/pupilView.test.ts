import { describe, expect, it } from 'vitest';
import { computeDensityCells, computeDots } from '../../src/core/pupilView';

const f32 = (v: number[]) => [...Float32Array.from(v)];

describe('computeDensityCells', () => {
  it('counts pupils per 0.003° cell, centres in the middle, in order of first pupil, non-finite homes left out', () => {
    const x = [0.0001, 0.0031, 0.0029, -0.0001, NaN];
    const y = [0.0001, 0, 0.0002, 0.0001, 0.001];
    const d = computeDensityCells(x, y);
    expect([...d.count]).toEqual([2, 1, 1]);
    expect([...d.lonLat]).toEqual(f32([0.0015, 0.0015, 0.0045, 0.0015, -0.0015, 0.0015]));
  });
});

describe('computeDots', () => {
  // Three pupils of school 0 and one outside every zone share a corner; one pupil lies beyond the box.
  const x = [0.5, 0.5, 0.5, 0.6, 1.5, 3.5, 2.5, 10];
  const y = [0.5, 0.5, 0.5, 0.4, 0.5, 3.5, 1.5, 10];
  const school = [0, 0, 0, -1, 1, 2, 1, 0];
  const box = { west: 0, south: 0, east: 4, north: 4, pixelDeg: 1 };

  it('gives every pupil where it lives when the dataset has no more than the cap, whatever the view', () => {
    const d = computeDots(x, y, school, { ...box, east: 1, cap: 8 });
    expect(d).toMatchObject({ kind: 'all', cellDeg: 0 });
    expect([...d.lonLat]).toEqual(f32([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.4, 1.5, 0.5, 3.5, 3.5, 2.5, 1.5, 10, 10]));
    expect([...d.outside]).toEqual([0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('gives the pupils inside the box when they are no more than the cap', () => {
    const d = computeDots(x, y, school, { ...box, east: 1, north: 1, cap: 5 });
    expect(d).toMatchObject({ kind: 'view', cellDeg: 0 });
    expect([...d.lonLat]).toEqual(f32([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.4]));
    expect([...d.outside]).toEqual([0, 0, 0, 1]);
  });

  it('snaps to cells from one pixel, doubling until the occupied cells fit the cap; a cell with a pupil outside is outside', () => {
    // 1° cells: (0,0), (1,0), (3,3), (2,1) are 4 > 3; 2° cells: (0,0), (1,0), (1,1).
    const d = computeDots(x, y, school, { ...box, cap: 3 });
    expect(d).toMatchObject({ kind: 'cells', cellDeg: 2 });
    expect([...d.lonLat]).toEqual(f32([1, 1, 3, 1, 3, 3]));
    expect([...d.outside]).toEqual([1, 0, 0]);
  });
});
