import { teachesLevel, ZONE_LEVELS, type ZoneLevel } from '../rules';
import { crossingMask } from './segmentGrid';
import { NEAREST_KEPT, roadDistanceM, straightDistanceM, type PreparedDistances } from './prepare';
import { nearestRank } from './quantiles';
import { countDistance, createHistogram, quantileOf, type DistanceHistogram } from './histogram';
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

/** Per key (school index × 2 + level) running figures, with the key's distances sorted and its view. */
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
  view?: DistanceMetrics['schools'][number];
}

/**
 * What the metrics are kept from between edits: each pupil's distance to its school (straight and
 * by road), its crossing mask, the figures of every (school, level) key, and per level histograms
 * of the straight and road distances (for the county quantiles).
 */
export interface DistanceState {
  straightM: Float64Array;
  roadM: Float64Array;
  cross: Uint8Array;
  keys: KeyFigures[];
  histograms: { straight: DistanceHistogram; road: DistanceHistogram }[];
  /** The pupils of each key (in no particular order; the figures do not depend on it) and each pupil's place in its key's list. */
  members: Members;
  metrics: DistanceMetrics;
}

/** Pupil rows per key: key k holds list[k][0 .. size[k]−1]; pupil i sits at place[i] of its key (−1: no school). */
interface Members {
  list: Int32Array[];
  size: Int32Array;
  place: Int32Array;
}

/** The members of every key under an assignment, in pupil order. */
function computeMembers(p: PreparedDistances, schoolOf: Int32Array): Members {
  const keys = p.schools.length * 2;
  const size = new Int32Array(keys);
  for (let i = 0; i < schoolOf.length; i++) if (schoolOf[i] >= 0) size[schoolOf[i] * 2 + p.level[i]]++;
  const list = Array.from(size, (n) => new Int32Array(Math.max(4, n)));
  size.fill(0);
  const place = new Int32Array(schoolOf.length).fill(-1);
  for (let i = 0; i < schoolOf.length; i++) {
    if (schoolOf[i] < 0) continue;
    const k = schoolOf[i] * 2 + p.level[i];
    place[i] = size[k];
    list[k][size[k]++] = i;
  }
  return { list, size, place };
}

/** Moves pupil i from key `from` to key `to` (−1: none), keeping the lists compact. */
function moveMember(m: Members, i: number, from: number, to: number): void {
  if (from >= 0) {
    const at = m.place[i];
    const last = m.list[from][--m.size[from]];
    m.list[from][at] = last;
    m.place[last] = at;
  }
  m.place[i] = -1;
  if (to >= 0) {
    if (m.size[to] === m.list[to].length) {
      const grown = new Int32Array(m.list[to].length * 2);
      grown.set(m.list[to]);
      m.list[to] = grown;
    }
    m.place[i] = m.size[to];
    m.list[to][m.size[to]++] = i;
  }
}

type Measured = Pick<DistanceState, 'straightM' | 'roadM' | 'cross'>;

const keyOf = (s: number, level: number) => s * 2 + level;

/** Sets pupil i's distances and crossing mask for school s (s < 0: no school). */
function measurePupil(p: PreparedDistances, st: Measured, i: number, s: number): void {
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

/** Counts pupil i's current distances into (by 1) or out of (by −1) its level's histograms. */
function countPupil(p: PreparedDistances, st: Measured & Pick<DistanceState, 'histograms'>, i: number, by: 1 | -1): void {
  const h = st.histograms[p.level[i]];
  countDistance(h.straight, st.straightM[i], by);
  countDistance(h.road, st.roadM[i], by);
}

/** Sum of an array's values in its order (callers pass sorted arrays, so the sum does not depend on the pupils' order). */
function sumOf(a: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < a.length; j++) sum += a[j];
  return sum;
}

/** The figures of the keys of the schools flagged in `touched`, from their members. */
function computeKeys(p: PreparedDistances, st: Measured, members: Members, touched: Uint8Array, settings: DistanceSettings): Map<number, KeyFigures> {
  const S = p.schools.length;
  const out = new Map<number, KeyFigures>();
  const K = NEAREST_KEPT;
  for (let s = 0; s < S; s++) {
    if (touched[s] === 0) continue;
    const school = p.schools[s];
    const isPublic = school.ownership === 'public';
    for (let l = 0; l < 2; l++) {
      const k = keyOf(s, l);
      const rows = members.list[k];
      const n = members.size[k];
      const radius = serviceRadiusM(school, ZONE_LEVELS[l], settings);
      const straight = new Float64Array(n);
      const road = new Float64Array(n);
      const extras = new Float64Array(n);
      let roads = 0;
      const f: KeyFigures = { straight, road, sumStraight: 0, sumRoad: 0, unreachable: 0, within: 0, nearest: 0, sentPast: 0, extraSum: 0, extraMax: 0, crossings: [0, 0, 0, 0] };
      for (let j = 0; j < n; j++) {
        const i = rows[j];
        const sm = st.straightM[i];
        straight[j] = sm;
        let basis = sm;
        if (p.byRoad) {
          basis = st.roadM[i];
          if (basis !== Infinity) road[roads++] = basis;
          else f.unreachable++;
        }
        if (basis <= radius) f.within++;
        if (isPublic && basis !== Infinity) {
          const nearestM = p.nearM[i * K];
          if (basis <= nearestM + TIE_M) f.nearest++;
          else {
            const extra = basis - nearestM;
            extras[f.sentPast++] = extra;
            if (extra > f.extraMax) f.extraMax = extra;
          }
        }
        const c = st.cross[i];
        if (c & 1) f.crossings[0]++;
        if (c & 2) f.crossings[1]++;
        if (c & 4) f.crossings[2]++;
        if (c) f.crossings[3]++;
      }
      straight.sort();
      f.road = road.subarray(0, roads).sort();
      f.sumStraight = sumOf(straight);
      f.sumRoad = sumOf(f.road);
      f.extraSum = sumOf(extras.subarray(0, f.sentPast).sort());
      f.view = { id: school.id, level: ZONE_LEVELS[l], ...levelDistance(p, f, isPublic, radius) };
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

/** The county figures of a level from its keys and histograms (quantiles exact: quantileOf). */
function countyOf(p: PreparedDistances, keys: KeyFigures[], hist: DistanceState['histograms'][number], level: number): LevelDistance {
  let pupils = 0;
  let roadPupils = 0;
  let sumStraight = 0;
  let sumRoad = 0;
  let unreachable = 0;
  let within = 0;
  let nearest = 0;
  let sentPast = 0;
  let extraSum = 0;
  let extraMax = 0;
  let maxStraight = -Infinity;
  let maxRoad = -Infinity;
  const crossings: [number, number, number, number] = [0, 0, 0, 0];
  const straightParts: Float64Array[] = [];
  const roadParts: Float64Array[] = [];
  for (let k = level; k < keys.length; k += 2) {
    const f = keys[k];
    const n = f.straight.length;
    if (n === 0) continue;
    pupils += n;
    roadPupils += f.road.length;
    sumStraight += f.sumStraight;
    sumRoad += f.sumRoad;
    unreachable += f.unreachable;
    within += f.within;
    nearest += f.nearest;
    sentPast += f.sentPast;
    extraSum += f.extraSum;
    extraMax = Math.max(extraMax, f.extraMax);
    maxStraight = Math.max(maxStraight, f.straight[n - 1]);
    if (f.road.length > 0) maxRoad = Math.max(maxRoad, f.road[f.road.length - 1]);
    for (let c = 0; c < 4; c++) crossings[c] += f.crossings[c];
    straightParts.push(f.straight);
    roadParts.push(f.road);
  }
  const stats = (h: DistanceHistogram, parts: Float64Array[], sum: number, n: number, max: number): DistanceStats | undefined =>
    n === 0 ? undefined : { meanM: sum / n, medianM: quantileOf(h, parts, 0.5), p90M: quantileOf(h, parts, 0.9), maxM: max };
  return {
    pupils,
    straight: stats(hist.straight, straightParts, sumStraight, pupils, maxStraight),
    road: p.byRoad ? stats(hist.road, roadParts, sumRoad, roadPupils, maxRoad) : undefined,
    unreachable,
    within,
    withinShare: pupils > 0 ? within / pupils : 0,
    nearby: {
      pupils: nearest + sentPast,
      nearest,
      share: nearest + sentPast > 0 ? nearest / (nearest + sentPast) : 0,
      sentPast,
      extraMeanM: sentPast > 0 ? extraSum / sentPast : 0,
      extraMaxM: extraMax,
    },
    crossings: { arterial: crossings[0], railway: crossings[1], river: crossings[2], any: crossings[3] },
  };
}

/** The metrics from the key figures: every school section it teaches (or has pupils of), then the county per level. */
function metricsOf(p: PreparedDistances, keys: KeyFigures[], histograms: DistanceState['histograms']): DistanceMetrics {
  const schools: DistanceMetrics['schools'] = [];
  p.schools.forEach((school, s) => {
    for (let l = 0; l < 2; l++) {
      const f = keys[keyOf(s, l)];
      if (teachesLevel(school.level, ZONE_LEVELS[l]) || f.straight.length > 0) schools.push(f.view!);
    }
  });
  return { byRoad: p.byRoad, schools, county: { primary: countyOf(p, keys, histograms[0], 0), junior: countyOf(p, keys, histograms[1], 1) } };
}

/**
 * Every pupil's distance to the school `schoolOf` gives it (−1: none), and the metrics, from
 * scratch: the twin of updateDistanceState.
 */
export function computeDistanceState(p: PreparedDistances, schoolOf: Int32Array, settings: DistanceSettings): DistanceState {
  const n = schoolOf.length;
  const st = { straightM: new Float64Array(n), roadM: new Float64Array(n), cross: new Uint8Array(n), histograms: [0, 1].map(() => ({ straight: createHistogram(), road: createHistogram() })) };
  for (let i = 0; i < n; i++) {
    measurePupil(p, st, i, schoolOf[i]);
    if (schoolOf[i] >= 0) countPupil(p, st, i, 1);
  }
  const members = computeMembers(p, schoolOf);
  const figures = computeKeys(p, st, members, new Uint8Array(p.schools.length).fill(1), settings);
  const keys = Array.from({ length: p.schools.length * 2 }, (_, k) => figures.get(k)!);
  return { ...st, keys, members, metrics: metricsOf(p, keys, st.histograms) };
}

/** The state with every school's figures recomputed under other settings (service radii); the pupils' distances are kept. */
export function resettleDistanceState(p: PreparedDistances, st: DistanceState, settings: DistanceSettings): DistanceState {
  const figures = computeKeys(p, st, st.members, new Uint8Array(p.schools.length).fill(1), settings);
  const keys = Array.from({ length: p.schools.length * 2 }, (_, k) => figures.get(k)!);
  return { ...st, keys, metrics: metricsOf(p, keys, st.histograms) };
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
    const level = p.level[m.pupil];
    if (m.from >= 0) {
      countPupil(p, st, m.pupil, -1);
      touched[m.from] = 1;
    }
    measurePupil(p, st, m.pupil, schoolOf[m.pupil]);
    if (m.to >= 0) {
      countPupil(p, st, m.pupil, 1);
      touched[m.to] = 1;
    }
    moveMember(st.members, m.pupil, m.from >= 0 ? keyOf(m.from, level) : -1, m.to >= 0 ? keyOf(m.to, level) : -1);
  }
  for (const [k, f] of computeKeys(p, st, st.members, touched, settings)) st.keys[k] = f;
  st.metrics = metricsOf(p, st.keys, st.histograms);
  return st;
}
