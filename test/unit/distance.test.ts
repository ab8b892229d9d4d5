import { describe, expect, it } from 'vitest';
import type { School } from '../../src/core/dataset';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeDistanceState, computeMovedDistance, DEFAULT_DISTANCE_SETTINGS, prepareDistances, roadDistanceM, straightDistanceM, type Polylines } from '../../src/core/distance';
import { nearestRank } from '../../src/core/distance/quantiles';
import { countDistance, createHistogram, quantileOf } from '../../src/core/distance/histogram';

// Plain references, written out here rather than taken from the code under test.
const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;
/** Metres along a meridian for dLat degrees. */
const meridianM = (dLat: number) => R * rad(dLat);
/** Metres along the parallel at latitude lat for dLon degrees (the haversine formula with equal latitudes). */
const parallelM = (lat: number, dLon: number) => 2 * R * Math.asin(Math.cos(rad(lat)) * Math.sin(rad(dLon) / 2));

const school = (id: string, lon: number, lat: number, extra: Partial<School> = {}): School => ({ id, name: id, level: 'primary', ownership: 'public', lon, lat, facilities: {}, ...extra });

function lines(list: { kind: number; points: [number, number][] }[]): Polylines {
  const coords: number[] = [];
  const start = [0];
  for (const l of list) {
    for (const [x, y] of l.points) coords.push(x, y);
    start.push(coords.length / 2);
  }
  return { coords: Float64Array.from(coords), start: Int32Array.from(start), kind: Uint8Array.from(list.map((l) => l.kind)), name: list.map(() => '') };
}

function pupils(points: [number, number][], grade = 1) {
  return { count: points.length, x: Float64Array.from(points, (p) => p[0]), y: Float64Array.from(points, (p) => p[1]), grade: new Uint8Array(points.length).fill(grade) };
}

// A river runs north–south at lon 0.005; a road on each bank (lon 0.004 and 0.006, lat 0 to 0.01)
// and one bridge at lat 0.01 join them. Class 2 = local road; barrier kind 0 = river.
const ROADS = lines([
  { kind: 2, points: [[0.004, 0], [0.004, 0.01]] },
  { kind: 2, points: [[0.006, 0], [0.006, 0.005], [0.006, 0.01]] },
  { kind: 2, points: [[0.004, 0.01], [0.006, 0.01]] },
]);
const RIVER = lines([{ kind: 0, points: [[0.005, -0.01], [0.005, 0.02]] }]);

describe('distances on a small road graph', () => {
  const schools = [school('S', 0.004, 0), school('T', 0.006, 0.01)];
  // P on the east bank facing S across the river; Q 0.0005° east of the east road.
  const input = { schools, baseYear: 2024, pupils: pupils([[0.006, 0], [0.0065, 0.005]]), roads: ROADS, barrierLines: RIVER };
  const p = prepareDistances(input, DEFAULT_RULES);

  it('a short straight line across the river is a long way by road, over the bridge', () => {
    expect(straightDistanceM(p, 0, 0)).toBeCloseTo(parallelM(0, 0.002), 6);
    expect(straightDistanceM(p, 0, 0)).toBeCloseTo(222.39, 2);
    const overTheBridge = meridianM(0.01) + parallelM(0.01, 0.002) + meridianM(0.01);
    expect(roadDistanceM(p, 0, 0)).toBeCloseTo(overTheBridge, 2);
    expect(roadDistanceM(p, 0, 0)).toBeCloseTo(2446.29, 1);
    expect(roadDistanceM(p, 0, 1)).toBeCloseTo(meridianM(0.01), 2);
  });

  it('a pupil off the road walks to the nearest segment first', () => {
    const walk = parallelM(0.005, 0.0005);
    expect(p.pupilSnap!.offM[1]).toBeCloseTo(walk, 3);
    expect(roadDistanceM(p, 1, 1)).toBeCloseTo(walk + meridianM(0.005), 2);
  });

  it('the nearest school is by road when there are roads (T), by straight line when there are none (S)', () => {
    expect(Array.from(p.nearSchool.subarray(0, 2))).toEqual([1, 0]);
    const straightOnly = prepareDistances({ ...input, roads: undefined }, DEFAULT_RULES);
    expect(Array.from(straightOnly.nearSchool.subarray(0, 2))).toEqual([0, 1]);
  });

  it('counts the pupil sent past a nearer school, by how much, and its crossing of the river', () => {
    const st = computeDistanceState(p, Int32Array.from([0, 1]), DEFAULT_DISTANCE_SETTINGS);
    const s = st.metrics.schools.find((r) => r.id === 'S')!;
    const extra = meridianM(0.01) + parallelM(0.01, 0.002);
    expect(s.pupils).toBe(1);
    expect(s.nearby).toMatchObject({ nearest: 0, sentPast: 1, share: 0 });
    expect(s.nearby!.extraMeanM).toBeCloseTo(extra, 2);
    expect(s.crossings).toEqual({ arterial: 0, railway: 0, river: 1, any: 1 });
    const t = st.metrics.schools.find((r) => r.id === 'T')!;
    expect(t.nearby).toMatchObject({ nearest: 1, sentPast: 0, share: 1 });
    expect(t.crossings.any).toBe(0);
    // Rural radius 2500 m primary: S's pupil (2446 m by road) is within it; with a 2000 m radius it is not.
    expect(s.within).toBe(1);
    const tight = computeDistanceState(p, Int32Array.from([0, 1]), { radiusM: { city: { primary: 500, junior: 1000 }, rural: { primary: 2000, junior: 5000 } } });
    expect(tight.metrics.schools.find((r) => r.id === 'S')!.within).toBe(0);
    expect(st.metrics.county.primary.nearby).toMatchObject({ pupils: 2, nearest: 1, sentPast: 1, share: 0.5 });
  });
});

describe('distance before and after for pupils who change school', () => {
  it('P moved from T (up its bank) to S (over the bridge) goes further by the bridge detour; Q staying is left out', () => {
    const schools = [school('S', 0.004, 0), school('T', 0.006, 0.01)];
    const p = prepareDistances({ schools, baseYear: 2024, pupils: pupils([[0.006, 0], [0.0065, 0.005]]), roads: ROADS, barrierLines: RIVER }, DEFAULT_RULES);
    const [primary, junior] = computeMovedDistance(p, Int32Array.from([1, 1]), Int32Array.from([0, 1]));
    const before = meridianM(0.01);
    const after = meridianM(0.01) + parallelM(0.01, 0.002) + meridianM(0.01);
    expect(primary).toMatchObject({ level: 'primary', pupils: 1, further: 1, nearer: 0 });
    expect(primary.meanBeforeM).toBeCloseTo(before, 2);
    expect(primary.meanAfterM).toBeCloseTo(after, 2);
    expect(primary.maxIncreaseM).toBeCloseTo(after - before, 2);
    expect(primary.groups).toMatchObject([{ from: 'T', to: 'S', pupils: 1 }]);
    expect(junior.pupils).toBe(0);
  });
});

describe('nearest school with ties', () => {
  // Two schools 0.001° east and west of the pupil on the equator: exactly as near.
  const schools = [school('W', -0.001, 0), school('E', 0.001, 0)];
  const p = prepareDistances({ schools, baseYear: 2024, pupils: pupils([[0, 0], [0, 0]]) }, DEFAULT_RULES);

  it('keeps both, the lower school first, and counts either as the nearest', () => {
    expect(Array.from(p.nearSchool.subarray(0, 2))).toEqual([0, 1]);
    expect(p.nearM[0]).toBe(p.nearM[1]);
    const st = computeDistanceState(p, Int32Array.from([0, 1]), DEFAULT_DISTANCE_SETTINGS);
    expect(st.metrics.county.primary.nearby).toMatchObject({ nearest: 2, sentPast: 0, share: 1 });
  });

  it('leaves out private and planned schools as candidates', () => {
    const more = [school('R', 0.0001, 0, { ownership: 'private' }), school('N', -0.0001, 0, { opens: 2030 }), ...schools];
    const q = prepareDistances({ schools: more, baseYear: 2024, pupils: pupils([[0, 0]]) }, DEFAULT_RULES);
    expect(Array.from(q.nearSchool.subarray(0, 3))).toEqual([2, 3, -1]);
  });
});

describe('crossings', () => {
  it('counts a main road, a railway and a river crossed by the straight way, not a local road or a line that stops short', () => {
    const roads = lines([
      { kind: 1, points: [[0.001, -1], [0.001, 1]] }, // arterial
      { kind: 2, points: [[0.002, -1], [0.002, 1]] }, // local: not a barrier
    ]);
    const barriers = lines([
      { kind: 1, points: [[0.003, -1], [0.003, 1]] }, // railway
      { kind: 0, points: [[0.004, 0.5], [0.004, 1]] }, // river north of the way
    ]);
    const schools = [school('A', 0.01, 0)];
    const p = prepareDistances({ schools, baseYear: 2024, pupils: pupils([[0, 0], [0.0025, 0]]), roads, barrierLines: barriers }, DEFAULT_RULES);
    const st = computeDistanceState(p, Int32Array.from([0, 0]), DEFAULT_DISTANCE_SETTINGS);
    expect(Array.from(st.cross)).toEqual([1 | 2, 2]);
    expect(st.metrics.schools[0].crossings).toEqual({ arterial: 1, railway: 2, river: 0, any: 2 });
  });
});

describe('quantiles', () => {
  it('nearest rank: median of 1..4 is 2, P90 of 1..10 is 9', () => {
    expect(nearestRank(Float64Array.from([1, 2, 3, 4]), 0.5)).toBe(2);
    expect(nearestRank(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 0.9)).toBe(9);
  });
  it('from the metre histogram equals that of the merged values, across bins, within one bin and past 262 km', () => {
    const parts = [[0.2, 0.7, 5.5, 300_000], [0.4, 5.1, 5.9, 999_999], [5.2, 1e6]].map((a) => Float64Array.from(a));
    const merged = Float64Array.from(parts.flatMap((a) => [...a])).sort();
    const h = createHistogram();
    for (const a of parts) for (const v of a) countDistance(h, v, 1);
    countDistance(h, Infinity, 1);
    countDistance(h, NaN, 1);
    expect(h.total).toBe(10);
    for (const q of [0.1, 0.2, 0.3, 0.5, 0.6, 0.9, 1]) expect(quantileOf(h, parts, q)).toBe(nearestRank(merged, q));
    expect(quantileOf(h, parts, 0.5)).toBe(5.2);
  });
});
