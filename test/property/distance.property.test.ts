import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { School } from '../../src/core/dataset';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeDistanceState, DEFAULT_DISTANCE_SETTINGS, prepareDistances, updateDistanceState, type Polylines } from '../../src/core/distance';

/** A random county: a lattice of roads (some arterial), a river line, schools of both levels, pupils of all grades. */
const county = fc.record({
  roads: fc.boolean(),
  size: fc.integer({ min: 2, max: 6 }),
  arterialEvery: fc.integer({ min: 2, max: 4 }),
  schools: fc.array(
    fc.record({ x: fc.double({ min: 0, max: 0.05, noNaN: true }), y: fc.double({ min: 0, max: 0.05, noNaN: true }), level: fc.constantFrom('primary', 'junior', 'nine_year'), ownership: fc.constantFrom('public', 'public', 'private'), setting: fc.constantFrom('city', 'village') }),
    { minLength: 2, maxLength: 8 },
  ),
  pupils: fc.array(fc.record({ x: fc.double({ min: -0.005, max: 0.055, noNaN: true }), y: fc.double({ min: -0.005, max: 0.055, noNaN: true }), grade: fc.integer({ min: 1, max: 9 }) }), { minLength: 1, maxLength: 80 }),
  // Steps: each moves some pupils to random schools (or none, −1).
  steps: fc.array(fc.array(fc.record({ pupil: fc.nat(), school: fc.integer({ min: -1, max: 7 }) }), { minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 6 }),
});

function lattice(size: number, every: number): Polylines {
  const coords: number[] = [];
  const start = [0];
  const kind: number[] = [];
  const step = 0.05 / size;
  for (let i = 0; i <= size; i++) {
    // Rows, then columns, each split at every crossing so the lattice is connected.
    for (const horizontal of [true, false]) {
      for (let j = 0; j <= size; j++) coords.push(horizontal ? j * step : i * step, horizontal ? i * step : j * step);
      start.push(coords.length / 2);
      kind.push(i % every === 0 ? 1 : 2);
    }
  }
  return { coords: Float64Array.from(coords), start: Int32Array.from(start), kind: Uint8Array.from(kind), name: kind.map(() => '') };
}

const river: Polylines = { coords: Float64Array.from([0.021, -1, 0.029, 1]), start: Int32Array.from([0, 2]), kind: Uint8Array.from([0]), name: [''] };

describe('distance metrics, incremental against from scratch', () => {
  it('after any sequence of moves, updateDistanceState equals computeDistanceState on the new assignment', () => {
    fc.assert(
      fc.property(county, (c) => {
        const schools: School[] = c.schools.map((s, i) => ({ id: `S${i}`, name: `S${i}`, level: s.level as School['level'], ownership: s.ownership as School['ownership'], setting: s.setting as School['setting'], lon: s.x, lat: s.y, facilities: {} }));
        const pupils = { count: c.pupils.length, x: Float64Array.from(c.pupils, (p) => p.x), y: Float64Array.from(c.pupils, (p) => p.y), grade: Uint8Array.from(c.pupils, (p) => p.grade) };
        const p = prepareDistances({ schools, baseYear: 2024, pupils, roads: c.roads ? lattice(c.size, c.arterialEvery) : undefined, barrierLines: river }, DEFAULT_RULES);
        const schoolOf = new Int32Array(pupils.count).map((_, i) => i % schools.length);
        let state = computeDistanceState(p, schoolOf, DEFAULT_DISTANCE_SETTINGS);
        for (const step of c.steps) {
          const moves: { pupil: number; from: number; to: number }[] = [];
          for (const m of step) {
            const i = m.pupil % pupils.count;
            const to = m.school >= schools.length ? m.school % schools.length : m.school;
            if (schoolOf[i] === to || moves.some((x) => x.pupil === i)) continue;
            moves.push({ pupil: i, from: schoolOf[i], to });
            schoolOf[i] = to;
          }
          state = updateDistanceState(p, state, schoolOf, moves, DEFAULT_DISTANCE_SETTINGS);
          const fresh = computeDistanceState(p, schoolOf, DEFAULT_DISTANCE_SETTINGS);
          expect(state.metrics).toEqual(fresh.metrics);
          expect(state.roadM).toEqual(fresh.roadM);
          expect(state.cross).toEqual(fresh.cross);
          // The county quantiles against a plain sort of the level's distances.
          for (const level of [0, 1] as const) {
            const name = level === 0 ? 'primary' : 'junior';
            const plain = (values: Float64Array) => {
              const v = [...values].filter((_, i) => schoolOf[i] >= 0 && p.level[i] === level).filter((x) => x !== Infinity).sort((a, b) => a - b);
              return v.length === 0 ? undefined : { median: v[Math.ceil(0.5 * v.length) - 1], p90: v[Math.ceil(0.9 * v.length) - 1], max: v[v.length - 1] };
            };
            const s = plain(state.straightM);
            expect(state.metrics.county[name].straight && { median: state.metrics.county[name].straight!.medianM, p90: state.metrics.county[name].straight!.p90M, max: state.metrics.county[name].straight!.maxM }).toEqual(s);
            if (c.roads) {
              const r = plain(state.roadM);
              const road = state.metrics.county[name].road;
              expect(road && { median: road.medianM, p90: road.p90M, max: road.maxM }).toEqual(r);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
