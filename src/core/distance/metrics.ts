import { teachesLevel, ZONE_LEVELS, type ZoneLevel } from '../rules';
import { crossingMask } from './segmentGrid';
import { NEAREST_KEPT, roadDistanceM, straightDistanceM, type PreparedDistances } from './prepare';
import { nearestRank, nearestRankOfUnion } from './quantiles';
import { serviceRadiusM, TIE_M, type DistanceSettings } from './settings';

/** Mean, median, 90th percentile and longest of a set of distances, metres (nearest-rank quantiles). */
export interface DistanceStats {
  meanM: number;
  medianM: number;
  p90M: number;
  maxM: number;
}

/** The distance figures of one school's pupils of one level, or of a whole level of the county. */
export interface LevelDistance {
  /** Pupils of the level attending (the county: attending any school). */
  pupils: number;
  /** Straight-line distances (always). Absent when there are no pupils. */
  straight?: DistanceStats;
  /** Road distances of the pupils the roads reach, when there are roads. */
  road?: DistanceStats;
  /** Pupils whose road piece is not their school's (no road distance). */
  unreachable: number;
  /** The service radius (school) in metres; the county has none of its own. */
  radiusM?: number;
  /** Pupils within their school's service radius (by road when there are roads) and their share of `pupils`. */
  within: number;
  withinShare: number;
  /**
   * 就近: pupils at a public school that is their nearest open public school of the level (ties
   * count as nearest), their share of the public school's pupils (就近率), and those sent past a
   * nearer one with how much further they go (mean and most, metres). Absent for private schools.
   */
  nearby?: { pupils: number; nearest: number; share: number; sentPast: number; extraMeanM: number; extraMaxM: number };
  /** Pupils whose straight way to school crosses a main road, a railway, a river, and any of them. */
  crossings: { arterial: number; railway: number; river: number; any: number };
}

/** Distance figures of every school section (a nine-year school once per level) and of the county per level. */
export interface DistanceMetrics {
  byRoad: boolean;
  schools: ({ id: string; level: ZoneLevel } & LevelDistance)[];
  county: Record<ZoneLevel, LevelDistance>;
}

/** Per key (school index × 2 + level) running figures, with the key's distances sorted. */
interface KeyFigures {
  straight: Float64Array;
  road: Float64Array;
  sumStraight: number;
  sumRoad: number;
  unreachable: number;
  within: number;
  nearest: number;
  sentPast: number;
  extraSum: number;
  extraMax: number;
  crossings: [number, number, number, number];
}

/**
 * What the metrics are kept from between edits: each pupil's distance to its school (straight and
 * by road), its crossing mask, and the figures of every (school, level) key.
 */
export interface DistanceState {
  straightM: Float64Array;
  roadM: Float64Array;
  cross: Uint8Array;
  keys: KeyFigures[];
  metrics: DistanceMetrics;
}

const keyOf = (s: number, level: number) => s * 2 + level;

/** Sets pupil i's distances and crossing mask for school s (s < 0: no school). */
function measurePupil(p: PreparedDistances, st: Pick<DistanceState, 'straightM' | 'roadM' | 'cross'>, i: number, s: number): void {
  if (s < 0) {
    st.straightM[i] = NaN;
    st.roadM[i] = NaN;
    st.cross[i] = 0;
    return;
  }
  st.straightM[i] = straightDistanceM(p, i, s);
  st.roadM[i] = p.byRoad ? roadDistanceM(p, i, s) : NaN;
  const school = p.schools[s];
  st.cross[i] = p.barrierGrid ? crossingMask(p.barrierGrid, p.barrierMask, p.pupils.x[i], p.pupils.y[i], school.lon, school.lat) : 0;
}

/** The figures of the keys flagged in `touched` (per school), from one pass over the pupils. */
function computeKeys(p: PreparedDistances, st: Pick<DistanceState, 'straightM' | 'roadM' | 'cross'>, schoolOf: Int32Array, touched: Uint8Array, settings: DistanceSettings): Map<number, KeyFigures> {
  const members = new Map<number, number[]>();
  for (let i = 0; i < schoolOf.length; i++) {
    const s = schoolOf[i];
    if (s < 0 || touched[s] === 0) continue;
    const k = keyOf(s, p.level[i]);
    let list = members.get(k);
    if (!list) members.set(k, (list = []));
    list.push(i);
  }
  const out = new Map<number, KeyFigures>();
  for (let s = 0; s < touched.length; s++) {
    if (touched[s] === 0) continue;
    for (let level = 0; level < 2; level++) {
      const k = keyOf(s, level);
      const rows = members.get(k) ?? [];
      const school = p.schools[s];
      const radius = serviceRadiusM(school, ZONE_LEVELS[level], settings);
      const isPublic = school.ownership === 'public';
      const straight = new Float64Array(rows.length);
      const road: number[] = [];
      const f: KeyFigures = { straight, road: new Float64Array(0), sumStraight: 0, sumRoad: 0, unreachable: 0, within: 0, nearest: 0, sentPast: 0, extraSum: 0, extraMax: 0, crossings: [0, 0, 0, 0] };
      rows.forEach((i, j) => {
        straight[j] = st.straightM[i];
        f.sumStraight += st.straightM[i];
        const basis = p.byRoad ? st.roadM[i] : st.straightM[i];
        if (p.byRoad) {
          if (Number.isFinite(st.roadM[i])) {
            road.push(st.roadM[i]);
            f.sumRoad += st.roadM[i];
          } else f.unreachable++;
        }
        if (basis <= radius) f.within++;
        if (isPublic && Number.isFinite(basis)) {
          const nearestM = p.nearM[i * NEAREST_KEPT];
          if (basis <= nearestM + TIE_M) f.nearest++;
          else {
            f.sentPast++;
            const extra = basis - nearestM;
            f.extraSum += extra;
            f.extraMax = Math.max(f.extraMax, extra);
          }
        }
        const c = st.cross[i];
        if (c & 1) f.crossings[0]++;
        if (c & 2) f.crossings[1]++;
        if (c & 4) f.crossings[2]++;
        if (c) f.crossings[3]++;
      });
      straight.sort();
      f.road = Float64Array.from(road).sort();
      out.set(k, f);
    }
  }
  return out;
}

function statsOf(sorted: Float64Array, sum: number): DistanceStats | undefined {
  if (sorted.length === 0) return undefined;
  return { meanM: sum / sorted.length, medianM: nearestRank(sorted, 0.5), p90M: nearestRank(sorted, 0.9), maxM: sorted[sorted.length - 1] };
}

function levelDistance(p: PreparedDistances, f: KeyFigures, isPublic: boolean, radiusM: number | undefined): LevelDistance {
  const pupils = f.straight.length;
  const nearbyPupils = f.nearest + f.sentPast;
  return {
    pupils,
    straight: statsOf(f.straight, f.sumStraight),
    road: p.byRoad ? statsOf(f.road, f.sumRoad) : undefined,
    unreachable: f.unreachable,
    radiusM,
    within: f.within,
    withinShare: pupils > 0 ? f.within / pupils : 0,
    nearby: isPublic
      ? { pupils: nearbyPupils, nearest: f.nearest, share: nearbyPupils > 0 ? f.nearest / nearbyPupils : 0, sentPast: f.sentPast, extraMeanM: f.sentPast > 0 ? f.extraSum / f.sentPast : 0, extraMaxM: f.extraMax }
      : undefined,
    crossings: { arterial: f.crossings[0], railway: f.crossings[1], river: f.crossings[2], any: f.crossings[3] },
  };
}

/** The county figures of a level from its keys (quantiles over the union of their sorted distances). */
function countyOf(p: PreparedDistances, keys: KeyFigures[], level: number): LevelDistance {
  const mine = keys.filter((_, k) => k % 2 === level && keys[k] !== undefined);
  const sum = (f: (k: KeyFigures) => number) => mine.reduce((a, k) => a + f(k), 0);
  const pupils = sum((k) => k.straight.length);
  const union = (arrays: Float64Array[], total: number, n: number): DistanceStats | undefined =>
    n === 0
      ? undefined
      : { meanM: total / n, medianM: nearestRankOfUnion(arrays, 0.5), p90M: nearestRankOfUnion(arrays, 0.9), maxM: arrays.reduce((m, a) => (a.length > 0 ? Math.max(m, a[a.length - 1]) : m), -Infinity) };
  const publicKeys = mine.filter((k) => k.nearest + k.sentPast > 0);
  const nearest = sum((k) => k.nearest);
  const sentPast = sum((k) => k.sentPast);
  const within = sum((k) => k.within);
  return {
    pupils,
    straight: union(mine.map((k) => k.straight), sum((k) => k.sumStraight), pupils),
    road: p.byRoad ? union(mine.map((k) => k.road), sum((k) => k.sumRoad), sum((k) => k.road.length)) : undefined,
    unreachable: sum((k) => k.unreachable),
    within,
    withinShare: pupils > 0 ? within / pupils : 0,
    nearby: {
      pupils: nearest + sentPast,
      nearest,
      share: nearest + sentPast > 0 ? nearest / (nearest + sentPast) : 0,
      sentPast,
      extraMeanM: sentPast > 0 ? sum((k) => k.extraSum) / sentPast : 0,
      extraMaxM: publicKeys.reduce((m, k) => Math.max(m, k.extraMax), 0),
    },
    crossings: { arterial: sum((k) => k.crossings[0]), railway: sum((k) => k.crossings[1]), river: sum((k) => k.crossings[2]), any: sum((k) => k.crossings[3]) },
  };
}

/** The metrics from the key figures: every school section it teaches, then the county per level. */
function metricsOf(p: PreparedDistances, keys: KeyFigures[], settings: DistanceSettings): DistanceMetrics {
  const schools: DistanceMetrics['schools'] = [];
  p.schools.forEach((school, s) => {
    ZONE_LEVELS.forEach((level, l) => {
      const taught = teachesLevel(school.level, level) || keys[keyOf(s, l)].straight.length > 0;
      if (!taught) return;
      schools.push({ id: school.id, level, ...levelDistance(p, keys[keyOf(s, l)], school.ownership === 'public', serviceRadiusM(school, level, settings)) });
    });
  });
  return { byRoad: p.byRoad, schools, county: { primary: countyOf(p, keys, 0), junior: countyOf(p, keys, 1) } };
}

/**
 * Every pupil's distance to the school `schoolOf` gives it (−1: none), and the metrics, from
 * scratch: the twin of updateDistanceState.
 */
export function computeDistanceState(p: PreparedDistances, schoolOf: Int32Array, settings: DistanceSettings): DistanceState {
  const n = schoolOf.length;
  const st = { straightM: new Float64Array(n), roadM: new Float64Array(n), cross: new Uint8Array(n) };
  for (let i = 0; i < n; i++) measurePupil(p, st, i, schoolOf[i]);
  const figures = computeKeys(p, st, schoolOf, new Uint8Array(p.schools.length).fill(1), settings);
  const keys = Array.from({ length: p.schools.length * 2 }, (_, k) => figures.get(k)!);
  return { ...st, keys, metrics: metricsOf(p, keys, settings) };
}

/** The state with every school's figures recomputed under other settings (service radii); the pupils' distances are kept. */
export function resettleDistanceState(p: PreparedDistances, st: DistanceState, schoolOf: Int32Array, settings: DistanceSettings): DistanceState {
  const figures = computeKeys(p, st, schoolOf, new Uint8Array(p.schools.length).fill(1), settings);
  const keys = Array.from({ length: p.schools.length * 2 }, (_, k) => figures.get(k)!);
  return { ...st, keys, metrics: metricsOf(p, keys, settings) };
}

/**
 * Updates the state after pupils changed school (`moves`; schoolOf is already the new
 * assignment): re-measures the moved pupils and recomputes the figures of the schools they left or
 * joined only; the other schools' figures are kept. Equal to computeDistanceState on the new schoolOf.
 */
export function updateDistanceState(p: PreparedDistances, st: DistanceState, schoolOf: Int32Array, moves: readonly { pupil: number; from: number; to: number }[], settings: DistanceSettings): DistanceState {
  if (moves.length === 0) return st;
  const touched = new Uint8Array(p.schools.length);
  for (const m of moves) {
    measurePupil(p, st, m.pupil, schoolOf[m.pupil]);
    if (m.from >= 0) touched[m.from] = 1;
    if (m.to >= 0) touched[m.to] = 1;
  }
  for (const [k, f] of computeKeys(p, st, schoolOf, touched, settings)) st.keys[k] = f;
  st.metrics = metricsOf(p, st.keys, settings);
  return st;
}
