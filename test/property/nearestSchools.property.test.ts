import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { School } from '../../src/core/dataset';
import { basisDistanceM, NEAREST_KEPT, nearestCandidates, prepareDistances, type Polylines } from '../../src/core/distance';
import { DEFAULT_RULES } from '../../src/core/rules';

// Roads on a coarse grid (shared vertices, equal lengths, so ties), not always connected; schools and
// pupils on grid points (several schools on one segment, at one node) or anywhere.
const gridPoint = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).map(([i, j]) => [i * 0.004, j * 0.004] as const);
const anyPoint = fc.tuple(fc.double({ min: -0.002, max: 0.026, noNaN: true }), fc.double({ min: -0.002, max: 0.026, noNaN: true }));
const place = fc.oneof(gridPoint, anyPoint);
const county = fc.record({
  lines: fc.array(fc.array(gridPoint, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
  schools: fc.array(fc.record({ at: place, level: fc.constantFrom('primary', 'junior', 'nine_year'), ownership: fc.constantFrom('public', 'public', 'private') }), { minLength: 1, maxLength: 14 }),
  pupils: fc.array(fc.record({ at: place, grade: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 60 }),
});

function roadsOf(lines: (readonly [number, number])[][]): Polylines {
  const coords = lines.flat(2);
  const start = [0];
  for (const l of lines) start.push(start.at(-1)! + l.length);
  return { coords: Float64Array.from(coords), start: Int32Array.from(start), kind: Uint8Array.from(lines, () => 2), name: lines.map(() => '') };
}

describe('each pupil’s nearest schools by road', () => {
  it('are the NEAREST_KEPT nearest of all its level’s candidates, measured one by one (ties: the lower school)', () => {
    fc.assert(
      fc.property(county, (c) => {
        const schools: School[] = c.schools.map((s, i) => ({ id: `S${i}`, name: `S${i}`, level: s.level as School['level'], ownership: s.ownership as School['ownership'], lon: s.at[0], lat: s.at[1], facilities: {} }));
        const pupils = { count: c.pupils.length, x: Float64Array.from(c.pupils, (p) => p.at[0]), y: Float64Array.from(c.pupils, (p) => p.at[1]), grade: Uint8Array.from(c.pupils, (p) => p.grade) };
        const p = prepareDistances({ schools, baseYear: 2024, pupils, roads: roadsOf(c.lines) }, DEFAULT_RULES);
        expect(p.byRoad).toBe(true);
        const lists = nearestCandidates(schools, 2024);
        for (let i = 0; i < pupils.count; i++) {
          const list = p.level[i] === 0 ? lists.primary : lists.junior;
          const kept = list.map((s) => ({ s, d: basisDistanceM(p, i, s) })).filter((x) => x.d < Infinity).sort((a, b) => a.d - b.d || a.s - b.s).slice(0, NEAREST_KEPT);
          const got = Array.from({ length: NEAREST_KEPT }, (_, j) => ({ s: p.nearSchool[i * NEAREST_KEPT + j], d: p.nearM[i * NEAREST_KEPT + j] })).filter((x) => x.s >= 0);
          expect(got).toEqual(kept);
        }
      }),
      { numRuns: 400, seed: 20261204 },
    );
  });

  it('finds a school on the pupil’s own road between two nodes that each have three nearer schools', () => {
    // One road 0 → 0.01° (about 890 m): three schools at each end, S6 at its middle; the pupil 45 m past S6.
    const at = [0, 0, 0, 0.01, 0.01, 0.01, 0.005];
    const schools: School[] = at.map((x, i) => ({ id: `S${i}`, name: `S${i}`, level: 'primary', ownership: 'public', lon: x, lat: 0, facilities: {} }));
    const pupils = { count: 1, x: Float64Array.of(0.0055), y: Float64Array.of(0), grade: Uint8Array.of(1) };
    const p = prepareDistances({ schools, baseYear: 2024, pupils, roads: roadsOf([[[0, 0], [0.01, 0]]]) }, DEFAULT_RULES);
    expect(p.nearSchool[0]).toBe(6);
    expect(p.nearM[0]).toBeCloseTo(55.7, 0);
  });
});

