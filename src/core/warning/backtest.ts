import { GRADE_STRIDE } from '../aggregate';
import type { Dataset } from '../dataset';
import { computePointSchools } from '../pointSchools';
import { gradesTaught, ZONE_LEVELS, type Rules, type ZoneLevel } from '../rules';
import type { ProjectionSettings } from '../scenarioRules';
import { ownProgression } from './ranges';

/** Earlier years' enrollment (`history.csv`): per year, pupils by school and grade (computeGradeCounts layout). */
export interface EnrollmentHistory {
  years: number[];
  counts: ReadonlyMap<number, Int32Array>;
}

/** Mean absolute percentage error (a share: 0.05 = 5 %) over `n` projections; undefined when none could be checked. */
export interface Mape {
  mape?: number;
  n: number;
}

/** How well the school-level projection did from each past year, 1 and 3 years ahead. */
export interface BacktestResult {
  /** Per level: the error of the county's entrants (the sum over its public schools). */
  county: Record<ZoneLevel, Record<1 | 3, Mape>>;
  /** Per public school and level with an entry grade: the error of its entrants. */
  schools: { school: number; level: ZoneLevel; errors: Record<1 | 3, Mape> }[];
}

export const BACKTEST_HORIZONS = [1, 3] as const;

/** Pupils by school and grade as enrolled in the base year: `school_id` (zoned pupils) or their private school. */
export function computeEnrolledCounts(dataset: Dataset): Int32Array {
  const p = dataset.pupils;
  const counts = new Int32Array(dataset.schools.length * GRADE_STRIDE);
  for (let i = 0; i < p.count; i++) {
    const s = p.fixedSchool[i] >= 0 ? p.fixedSchool[i] : p.currentSchool[i];
    if (s >= 0) counts[s * GRADE_STRIDE + p.grade[i]]++;
  }
  return counts;
}

/**
 * Back-test of the entrants the warning projects, on the dataset's own zoning. From each year Y0
 * of the history, each public school's entrants are projected h = 1 and 3 years ahead by the
 * projection's rules at school level, and compared with the history (or, for the base year, the
 * pupils enrolled, computeEnrolledCounts):
 * - grade 1: the school's grade 1 in Y0 × the births of its zone's units six years before Y0 + h
 *   ÷ those six years before Y0 (the entry rate of Y0 carried on); its grade 1 again when births
 *   do not cover both years;
 * - the first junior grade: the pupils of each school's grade (first junior grade − h) in Y0 ×
 *   the share of that school's pupils living in this school's junior zone (the base year's homes)
 *   × the progression ratios between the grades × (1 − the base year's share of that grade at
 *   private schools).
 * A school with no pupils in Y0 (not open yet) is left out of that origin. A school's error is the mean over origins of |projected − actual| ÷ actual (actual > 0); the
 * county's is that of the sums.
 */
export function computeBacktest(dataset: Dataset, history: EnrollmentHistory, settings: ProjectionSettings, rules: Rules): BacktestResult {
  const base = dataset.baseYear;
  const actualOf = new Map(history.counts);
  actualOf.set(base, computeEnrolledCounts(dataset));
  const entry = [1, rules.primaryLastGrade + 1];
  const entrySchools = ZONE_LEVELS.map((_, k) => dataset.schools.flatMap((s, i) => (s.ownership === 'public' && gradesTaught(s.level, rules).includes(entry[k]) ? [i] : [])));
  const birthsOf = zoneBirths(dataset, rules);
  const feed = feederShares(dataset, rules);
  const own = ownProgression(settings);
  const carried = (g0: number, g: number) => {
    let product = 1;
    for (let x = g0 + 1; x <= g; x++) product *= own[x];
    return product;
  };

  const projected = (k: number, s: number, from: Int32Array, y0: number, h: number): number => {
    if (k === 0) {
      const now = from[s * GRADE_STRIDE + 1];
      const before = birthsOf(s, y0 - 6);
      const after = birthsOf(s, y0 + h - 6);
      return before !== undefined && after !== undefined && before > 0 ? (now * after) / before : now;
    }
    const g0 = entry[1] - h;
    let sum = 0;
    for (const [p, share] of feed.shares.get(s) ?? []) sum += from[p * GRADE_STRIDE + g0] * share;
    return sum * carried(g0, entry[1]) * (1 - feed.privateShare);
  };

  const errors = new Map<string, number[]>();
  const countyErrors = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, v: number) => map.set(key, [...(map.get(key) ?? []), v]);
  for (const y0 of history.years) {
    const from = history.counts.get(y0)!;
    for (const h of BACKTEST_HORIZONS) {
      const actual = actualOf.get(y0 + h);
      if (!actual) continue;
      ZONE_LEVELS.forEach((_, k) => {
        let sumProjected = 0;
        let sumActual = 0;
        for (const s of entrySchools[k]) {
          // A school with no pupils in Y0 was not open yet: nothing to project from.
          if (from.subarray(s * GRADE_STRIDE, (s + 1) * GRADE_STRIDE).every((c) => c === 0)) continue;
          const a = actual[s * GRADE_STRIDE + entry[k]];
          const p = projected(k, s, from, y0, h);
          sumProjected += p;
          sumActual += a;
          if (a > 0) push(errors, `${s}|${k}|${h}`, Math.abs(p - a) / a);
        }
        if (sumActual > 0) push(countyErrors, `${k}|${h}`, Math.abs(sumProjected - sumActual) / sumActual);
      });
    }
  }
  const mapeOf = (list: number[] | undefined): Mape => (list && list.length > 0 ? { mape: list.reduce((a, b) => a + b, 0) / list.length, n: list.length } : { n: 0 });
  const horizons = (key: (h: number) => string, map: Map<string, number[]>) => ({ 1: mapeOf(map.get(key(1))), 3: mapeOf(map.get(key(3))) });
  return {
    county: { primary: horizons((h) => `0|${h}`, countyErrors), junior: horizons((h) => `1|${h}`, countyErrors) },
    schools: ZONE_LEVELS.flatMap((level, k) => entrySchools[k].map((s) => ({ school: s, level, errors: horizons((h) => `${s}|${k}|${h}`, errors) }))),
  };
}

/** Births of a school's primary zone (its units, dataset's own zoning) in a calendar year; undefined when no unit has births that year. */
function zoneBirths(dataset: Dataset, rules: Rules): (s: number, year: number) => number | undefined {
  const births = dataset.births;
  if (!births) return () => undefined;
  const zoned = computePointSchools(dataset.zoneState, 'primary', dataset.unitX, dataset.unitY, Int32Array.from(dataset.unitIds, (_, u) => u), rules.overlapRule, dataset.schools.length);
  return (s, year) => {
    let sum = 0;
    let found = false;
    for (const [u, byYear] of births) {
      const b = byYear.get(year);
      if (b === undefined) continue;
      found = true;
      if (zoned[u] === s) sum += b;
    }
    return found ? sum : undefined;
  };
}

/**
 * For each junior school, the public schools feeding it: the share of a school's zoned primary
 * pupils (by `school_id`) whose home lies in its junior zone; and the share of the base year's
 * first junior grade at private schools (those entrants leave the public schools' count).
 */
function feederShares(dataset: Dataset, rules: Rules): { shares: Map<number, [number, number][]>; privateShare: number } {
  const p = dataset.pupils;
  const juniorOf = computePointSchools(dataset.zoneState, 'junior', p.x, p.y, p.unit, rules.overlapRule, dataset.schools.length);
  const pupilsOf = new Map<number, number>();
  const flows = new Map<string, number>();
  for (let i = 0; i < p.count; i++) {
    const from = p.currentSchool[i];
    if (from < 0 || p.fixedSchool[i] >= 0 || p.grade[i] > rules.primaryLastGrade) continue;
    pupilsOf.set(from, (pupilsOf.get(from) ?? 0) + 1);
    if (juniorOf[i] >= 0) flows.set(`${from}|${juniorOf[i]}`, (flows.get(`${from}|${juniorOf[i]}`) ?? 0) + 1);
  }
  const shares = new Map<number, [number, number][]>();
  for (const [key, n] of flows) {
    const [from, to] = key.split('|').map(Number);
    shares.set(to, [...(shares.get(to) ?? []), [from, n / pupilsOf.get(from)!]]);
  }
  let entrants = 0;
  let privately = 0;
  for (let i = 0; i < p.count; i++) {
    if (p.grade[i] !== rules.primaryLastGrade + 1) continue;
    entrants++;
    if (p.fixedSchool[i] >= 0) privately++;
  }
  return { shares, privateShare: entrants === 0 ? 0 : privately / entrants };
}
