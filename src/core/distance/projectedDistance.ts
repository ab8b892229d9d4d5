import type { Dataset } from '../dataset';
import type { ProjectionSink } from '../projection';
import { teachesLevel, ZONE_LEVELS, type Rules, type ZoneLevel } from '../rules';
import { haversineM } from './haversine';
import { basisDistanceM, NEAREST_KEPT, nearestCandidates, snappedRoadDistanceM, snapToRoads, type PreparedDistances, type RoadSnaps } from './prepare';
import { serviceRadiusM, TIE_M, type DistanceSettings } from './settings';

/**
 * How far the pupils of one level go in one projected year (weights: the projection's fractional
 * pupils, before rounding and before diversions), by road when there are roads.
 */
export interface YearLevelDistance {
  /** Projected pupils placed at a school. */
  pupils: number;
  /** Mean distance of those with one (metres; 0 when none). */
  meanM: number;
  /** Share of `pupils` within their school's service radius. */
  withinShare: number;
  /** 就近率: share of the pupils of public schools (with a distance) whose school is their nearest public school of the level open that year. */
  nearbyShare: number;
  /** Pupils of public schools sent past a nearer open public school. */
  sentPast: number;
  /** Pupils whose road piece is not their school's (no road distance). */
  unreachable: number;
}

/** The distance figures of one projected year, per level. */
export interface YearDistance {
  year: number;
  byRoad: boolean;
  levels: Record<ZoneLevel, YearLevelDistance>;
}

/** What the projection's distances need besides the prepared distances. */
export interface ProjectionDistanceInput {
  prepared: PreparedDistances;
  /** Units' and estates' places; the base year (the nearest schools prepared at load are those open then). */
  dataset: Pick<Dataset, 'unitX' | 'unitY' | 'housing' | 'baseYear'>;
  /** The year each school opens in the scenario (−Infinity: open already; see ScenarioRules.openings). */
  openYear: Float64Array;
  settings: DistanceSettings;
  rules: Rules;
}

interface Sums {
  w: number;
  withD: number;
  sumWD: number;
  within: number;
  publicW: number;
  nearest: number;
  sentPast: number;
  unreachable: number;
}

const emptySums = (): Sums => ({ w: 0, withD: 0, sumWD: 0, within: 0, publicW: 0, nearest: 0, sentPast: 0, unreachable: 0 });

// Each placement's pupils are rounded to 2^-30 pupil and its pupil-metres to 2^-20 before they are
// added: sums of such numbers are exact in a double (below 2^23 pupils and 2^33 pupil-metres a year
// and level), so they do not depend on the order of the additions and a placement taken back
// (sign −1, a run following an edit) is removed exactly: the figures after edits are, to the
// last bit, those computed from scratch.
const PUPIL_QUANTUM = 2 ** 30;
const PUPIL_METRE_QUANTUM = 2 ** 20;

/**
 * A projection sink (pass it as ProjectionInput.sink) that measures every placement of the
 * projection: a pupil row by its own distance (basisDistanceM), a unit's entrants and a housing
 * estate's pupils from the unit's or estate's place (snapped to the roads when there are roads).
 * The nearest school of a place is looked for among the public schools of the level open in that
 * year: once per place and level among those open in the base year, then among those added since.
 * `years()` gives the figures in year order. A placement told with sign −1 is taken back out (see
 * ProjectionSink), so the sink can follow a ProjectionRun through its edits.
 */
export function createProjectionDistance(input: ProjectionDistanceInput): { sink: ProjectionSink; years: () => YearDistance[] } {
  const { prepared: p, dataset, openYear, settings, rules } = input;
  const n = p.pupils.count;
  const schools = p.schools;
  const estates = dataset.housing ?? [];
  const extraX = Float64Array.from([...dataset.unitX, ...estates.map((e) => e.x)]);
  const extraY = Float64Array.from([...dataset.unitY, ...estates.map((e) => e.y)]);
  const radius = ZONE_LEVELS.map((level) => Float64Array.from(schools, (s) => serviceRadiusM(s, level, settings)));
  const isPublic = Uint8Array.from(schools, (s) => (s.ownership === 'public' ? 1 : 0));
  const lastPrimary = rules.primaryLastGrade;
  let snaps: RoadSnaps | undefined;
  const distanceM = (loc: number, s: number): number => {
    if (loc < n) return basisDistanceM(p, loc, s);
    const j = loc - n;
    if (!p.byRoad) return haversineM(extraX[j], extraY[j], schools[s].lon, schools[s].lat);
    snaps ??= snapToRoads(p, extraX, extraY);
    return snappedRoadDistanceM(p, snaps, j, s);
  };
  // The nearest distance of a place is found once per level among the schools open in the base year
  // (for a pupil at its own level, the one prepared at load), then per set of schools open in a year
  // only the schools added since are looked at: a school open in the base year is open every
  // projected year (the projection starts at the base year).
  const places = n + extraX.length;
  const candidatesIn = (level: number, year: number) => schools.flatMap((s, i) => (s.ownership === 'public' && openYear[i] <= year && teachesLevel(s.level, ZONE_LEVELS[level]) ? [i] : []));
  const base = [0, 1].map((level) => {
    const candidates = candidatesIn(level, dataset.baseYear);
    const prepared = nearestCandidates(schools, dataset.baseYear)[ZONE_LEVELS[level]];
    return { candidates, set: new Set(candidates), reusePrepared: prepared.length === candidates.length && prepared.every((s, k) => s === candidates[k]), nearM: new Float64Array(places).fill(Number.NaN) };
  });
  const baseNearest = (level: number, loc: number): number => {
    const b = base[level];
    let nearest = b.nearM[loc];
    if (!Number.isNaN(nearest)) return nearest;
    if (b.reusePrepared && loc < n && p.level[loc] === level) nearest = p.nearM[loc * NEAREST_KEPT];
    else {
      nearest = Infinity;
      for (const c of b.candidates) nearest = Math.min(nearest, distanceM(loc, c));
    }
    b.nearM[loc] = nearest;
    return nearest;
  };
  const nearestBySet = new Map<string, { added: number[]; nearM: Float64Array }>();
  const nearestOf = (level: number, year: number) => {
    const candidates = candidatesIn(level, year);
    const key = `${level}:${candidates.join(',')}`;
    let found = nearestBySet.get(key);
    if (!found) nearestBySet.set(key, (found = { added: candidates.filter((c) => !base[level].set.has(c)), nearM: new Float64Array(places).fill(Number.NaN) }));
    return found;
  };
  const nearestIn = (set: ReturnType<typeof nearestOf>, level: number, loc: number): number => {
    let nearest = set.nearM[loc];
    if (!Number.isNaN(nearest)) return nearest;
    nearest = baseNearest(level, loc);
    for (const c of set.added) nearest = Math.min(nearest, distanceM(loc, c));
    set.nearM[loc] = nearest;
    return nearest;
  };
  const byYear = new Map<number, [Sums, Sums]>();
  let current: { year: number; sums: [Sums, Sums]; near: ReturnType<typeof nearestOf>[] } | undefined;

  const sink: ProjectionSink = (year, loc, _baseRow, grade, school, fraction, weight, sign = 1) => {
    const placed = Math.round(weight * fraction * PUPIL_QUANTUM) / PUPIL_QUANTUM;
    if (!(placed > 0)) return;
    const w = sign * placed;
    if (current?.year !== year) {
      const sums = byYear.get(year) ?? ([emptySums(), emptySums()] as [Sums, Sums]);
      byYear.set(year, sums);
      current = { year, sums, near: [nearestOf(0, year), nearestOf(1, year)] };
    }
    const level = grade <= lastPrimary ? 0 : 1;
    const o = current.sums[level];
    o.w += w;
    const d = distanceM(loc, school);
    if (d === Infinity) {
      o.unreachable += w;
      return;
    }
    o.withD += w;
    o.sumWD += (sign * Math.round(placed * d * PUPIL_METRE_QUANTUM)) / PUPIL_METRE_QUANTUM;
    if (d <= radius[level][school]) o.within += w;
    if (!isPublic[school]) return;
    const nearest = nearestIn(current.near[level], level, loc);
    o.publicW += w;
    if (d <= nearest + TIE_M) o.nearest += w;
    else o.sentPast += w;
  };

  const years = (): YearDistance[] =>
    [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, sums]) => ({
      year,
      byRoad: p.byRoad,
      levels: Object.fromEntries(ZONE_LEVELS.map((level, l) => {
        const o = sums[l];
        return [level, {
          pupils: o.w,
          meanM: o.withD > 0 ? o.sumWD / o.withD : 0,
          withinShare: o.w > 0 ? o.within / o.w : 0,
          nearbyShare: o.publicW > 0 ? o.nearest / o.publicW : 0,
          sentPast: o.sentPast,
          unreachable: o.unreachable,
        }];
      })) as Record<ZoneLevel, YearLevelDistance>,
    }));
  return { sink, years };
}

/** The year each school opens under a scenario's openings (−Infinity when it is open already), as the projection reads them. */
export function scenarioOpenYears(schools: Dataset['schools'], openings: { schoolId: string; year: number }[]): Float64Array {
  const openYear = Float64Array.from(schools, (s) => s.opens ?? -Infinity);
  const index = new Map(schools.map((s, i) => [s.id, i]));
  for (const o of openings) if (index.has(o.schoolId)) openYear[index.get(o.schoolId)!] = o.year;
  return openYear;
}
