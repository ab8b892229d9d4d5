import { describe, expect, it } from 'vitest';
import type { School } from '../../src/core/dataset';
import { computeDistanceState, computeMovedDistance, computeSentPastLines, createProjectionDistance, DEFAULT_DISTANCE_SETTINGS, prepareDistances, scenarioOpenYears, type YearDistance } from '../../src/core/distance';
import { computeProjection, type ProjectionSink } from '../../src/core/projection';
import { DEFAULT_RULES, levelOfGrade, teachesLevel } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { DEFAULT_PROJECTION, NO_RULES, type ScenarioRules } from '../../src/core/scenarioRules';
import { loadTiny } from './tinyFixture';

// Plain references, written out here rather than taken from the code under test.
const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;
/** Metres along the equator for dLon degrees. */
const equatorM = (dLon: number) => R * rad(Math.abs(dLon));
/** The haversine formula, degrees in, metres out. */
function haversine(x1: number, y1: number, x2: number, y2: number): number {
  const a = Math.sin(rad(y2 - y1) / 2) ** 2 + Math.cos(rad(y1)) * Math.cos(rad(y2)) * Math.sin(rad(x2 - x1) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}

const school = (id: string, lon: number): School => ({ id, name: id, level: 'primary', ownership: 'public', lon, lat: 0, facilities: {} });

// On the equator: A at 0°, B at 0.01°. Compound u1 has pupils at 0.002° and 0.004°, moved A → B;
// compound u2 a pupil at 0.009°, moved B → A; a pupil of u2 at 0.008° stays at B.
const p = prepareDistances({ schools: [school('A', 0), school('B', 0.01)], baseYear: 2024, pupils: { count: 4, x: Float64Array.from([0.002, 0.004, 0.009, 0.008]), y: new Float64Array(4), grade: new Uint8Array(4).fill(1) } }, DEFAULT_RULES);
const before = Int32Array.from([0, 0, 1, 1]);
const after = Int32Array.from([1, 1, 0, 1]);

describe('distance before and after for every moved pupil, by compound', () => {
  const [primary] = computeMovedDistance(p, before, after, { unit: Int32Array.from([0, 0, 1, 1]), unitIds: ['u1', 'u2'] });

  it('u2 (B → A: 0.001° before, 0.009° after) goes furthest, then u1 (0.002° and 0.004° before, 0.008° and 0.006° after)', () => {
    expect(primary.pupils).toBe(3);
    expect(primary.further).toBe(3);
    expect(primary.units.map((u) => [u.unitId, u.from, u.to, u.pupils, u.further])).toEqual([['u2', 'B', 'A', 1, 1], ['u1', 'A', 'B', 2, 2]]);
    const [u2, u1] = primary.units;
    expect(u2.meanBeforeM).toBeCloseTo(equatorM(0.001), 6);
    expect(u2.meanAfterM).toBeCloseTo(equatorM(0.009), 6);
    expect(u2.maxIncreaseM).toBeCloseTo(equatorM(0.008), 6);
    expect(u1.meanBeforeM).toBeCloseTo(equatorM(0.003), 6);
    expect(u1.meanAfterM).toBeCloseTo(equatorM(0.007), 6);
    // 0.002 → 0.008 is the larger increase of u1's two.
    expect(u1.maxIncreaseM).toBeCloseTo(equatorM(0.006), 6);
    expect(primary.meanBeforeM).toBeCloseTo(equatorM((0.002 + 0.004 + 0.001) / 3), 6);
    expect(primary.meanAfterM).toBeCloseTo(equatorM((0.008 + 0.006 + 0.009) / 3), 6);
  });

  it('a pupil without a compound is grouped under the empty id; without units there are no unit groups', () => {
    const [withNone] = computeMovedDistance(p, before, after, { unit: Int32Array.from([0, -1, 1, 1]), unitIds: ['u1', 'u2'] });
    expect(withNone.units.map((u) => [u.unitId, u.pupils])).toEqual([['u2', 1], ['u1', 1], ['', 1]]);
    expect(computeMovedDistance(p, before, after)[0].units).toEqual([]);
  });
});

describe('lines from the compounds sent past a nearer school', () => {
  it('one per compound, school and nearest school, from the mean home, with the mean extra distance', () => {
    // The same line of pupils as above, under the "after" schools: u1's two go to B past A, u2's first to A past B.
    const primary = (computeSentPastLines(p, after, 'primary', { unit: Int32Array.from([0, 0, 1, 1]), unitIds: ['u1', 'u2'] }));
    expect(primary.features.map((f) => [f.properties.unit, f.properties.school, f.properties.nearest, f.properties.pupils])).toEqual([['u1', 'B', 'A', 2], ['u2', 'A', 'B', 1]]);
    // u1: 0.008° − 0.002° and 0.006° − 0.004° further, mean 0.004°; from their mean home 0.003° to A.
    expect(primary.features[0].properties.extraM).toBeCloseTo(equatorM(0.004), 6);
    expect(primary.features[0].geometry.coordinates).toEqual([[0.003, 0], [0, 0]]);
    // u2: 0.009° to A against 0.001° to B.
    expect(primary.features[1].properties.extraM).toBeCloseTo(equatorM(0.008), 6);
    expect(computeSentPastLines(p, after, 'junior', { unit: Int32Array.from([0, 0, 1, 1]), unitIds: ['u1', 'u2'] }).features).toEqual([]);
  });
});

/** The placements of a projection, recorded plainly. */
function recordPlacements(scenario: ScenarioRules) {
  const dataset = loadTiny();
  const placed: { year: number; loc: number; grade: number; school: number; w: number }[] = [];
  const record: ProjectionSink = (year, loc, _row, grade, school, fraction, weight) => {
    if (weight * fraction > 0) placed.push({ year, loc, grade, school, w: weight * fraction });
  };
  const measured = createProjectionDistance({ prepared: prepareDistances(dataset, DEFAULT_RULES), dataset, openYear: scenarioOpenYears(dataset.schools, scenario.openings), settings: DEFAULT_DISTANCE_SETTINGS, rules: DEFAULT_RULES });
  const projection = computeProjection({ dataset, state: dataset.zoneState, scenario, settings: { ...DEFAULT_PROJECTION, years: 3 }, rules: DEFAULT_RULES, sink: (...a) => (record(...a), measured.sink(...a)) });
  return { dataset, placed, years: measured.years(), projection };
}

describe('the projection carries the distance figures year by year', () => {
  it('base year: the same figures as the metrics of the current zoning (tiny county, straight lines)', () => {
    const { dataset, years } = recordPlacements(NO_RULES);
    const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    const metrics = computeDistanceState(prepareDistances(dataset, DEFAULT_RULES), run.schoolOf, DEFAULT_DISTANCE_SETTINGS).metrics;
    expect(years[0].year).toBe(2024);
    for (const level of ['primary', 'junior'] as const) {
      const c = metrics.county[level];
      const y = years[0].levels[level];
      expect(y.pupils).toBeCloseTo(c.pupils, 9);
      expect(y.meanM).toBeCloseTo(c.straight!.meanM, 6);
      expect(y.withinShare).toBeCloseTo(c.withinShare, 9);
      expect(y.nearbyShare).toBeCloseTo(c.nearby!.share, 9);
      expect(y.sentPast).toBeCloseTo(c.nearby!.sentPast, 9);
    }
  });

  it.each([
    ['N9', 2026, 'a new school opening in 2026'],
    ['P2', 2026, 'a school open today that the scenario opens only in 2026 (no nearest school prepared at load is reused)'],
  ])('every year equals a plain reference over the placements: %s from %i, %s', (schoolId, year) => {
    const opening: ScenarioRules = { ...NO_RULES, openings: [{ schoolId, year }] };
    const { dataset, placed, years } = recordPlacements(opening);
    const opened = dataset.schools.findIndex((x) => x.id === schoolId);
    const schools = dataset.schools;
    const n = dataset.pupils.count;
    const where = (loc: number) => (loc < n ? [dataset.pupils.x[loc], dataset.pupils.y[loc]] : [dataset.unitX[loc - n], dataset.unitY[loc - n]]);
    const opens = (s: number, y: number) => (s === opened ? y >= year : schools[s].opens === undefined || schools[s].opens! <= y);
    const reference = (year: number, level: 'primary' | 'junior') => {
      const mine = placed.filter((x) => x.year === year && levelOfGrade(x.grade, DEFAULT_RULES) === level);
      let [w, sum, within, pub, nearest, past] = [0, 0, 0, 0, 0, 0];
      for (const x of mine) {
        const [px, py] = where(x.loc);
        const d = haversine(px, py, schools[x.school].lon, schools[x.school].lat);
        w += x.w;
        sum += x.w * d;
        // The tiny county's schools have no `setting`: rural radii.
        if (d <= (level === 'primary' ? 2500 : 5000)) within += x.w;
        if (schools[x.school].ownership !== 'public') continue;
        const candidates = schools.map((_, i) => i).filter((i) => schools[i].ownership === 'public' && opens(i, year) && teachesLevel(schools[i].level, level));
        const best = Math.min(...candidates.map((i) => haversine(px, py, schools[i].lon, schools[i].lat)));
        pub += x.w;
        if (d <= best + 0.01) nearest += x.w;
        else past += x.w;
      }
      return { pupils: w, meanM: w > 0 ? sum / w : 0, withinShare: w > 0 ? within / w : 0, nearbyShare: pub > 0 ? nearest / pub : 0, sentPast: past, unreachable: 0 };
    };
    expect(years.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    for (const y of years) for (const level of ['primary', 'junior'] as const) {
      const ref = reference(y.year, level);
      for (const key of Object.keys(ref) as (keyof YearDistance['levels']['primary'])[]) expect(y.levels[level][key], `${y.year} ${level} ${key}`).toBeCloseTo(ref[key], 6);
    }
    if (schoolId !== 'N9') return;
    // N9 (118.018, 36.018) is nearer than P1 (118.005, 36.005) to a3 (118.009, 36.019, in P1's zone): 0.0092° against
    // 0.0146°. From 2026, when N9 opens, a3 (then in grade 3) and the two entrants placed at its home (no
    // births: the base year's grade 1 repeats, for 2025 and 2026) are sent past a nearer school: 3 more.
    const primaryPast = years.map((y) => y.levels.primary.sentPast);
    expect(primaryPast[2] - primaryPast[1]).toBeCloseTo(3, 9);
  });
});
