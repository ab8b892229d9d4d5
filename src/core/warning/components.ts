import { GRADE_STRIDE } from '../aggregate';
import { computeProjection, type Projection, type ProjectionInput } from '../projection';
import { MAX_GRADE, ZONE_LEVELS, type ZoneLevel } from '../rules';

/**
 * The entrants of one school, entry grade and projected year, split by where they come from, so
 * that a draw can scale each part by its own uncertain input (see computeDrawDemand):
 * - `movingUp[g0]`: base-year pupils of grade g0 reaching the entry grade (the projection's weight,
 *   progression included);
 * - `entrants`: new entrants (births × entry rate, or the repeated grade 1), progression included;
 * - `estates[h]`: estate h's pupils of the level per year once it is full (households × pupils
 *   per household ÷ the level's grades), times the share that goes to this school;
 * - `adjustment`: what rounding and diversions add to the sum at the scenario's own values, so that
 *   those values give the projection's count exactly.
 */
export interface DemandTerms {
  movingUp: Float64Array;
  entrants: number;
  estates: Float64Array;
  adjustment: number;
}

/** One warned cell: a school's entry grade in a projected year. */
export interface DemandCell {
  school: number;
  level: ZoneLevel;
  grade: number;
  year: number;
  /** Index of the year in Projection.years. */
  t: number;
  /** The projection's count: the demand at the scenario's own values. */
  demand: number;
  terms: DemandTerms;
}

/** The projection of a scenario with its entry cells split into terms. */
export interface DemandComponents {
  projection: Projection;
  cells: DemandCell[];
}

/** The estate ramp: the share of an estate's households in by `year` when it starts in `firstYear` (may be fractional) and fills over `rampYears`. */
export function estateRamp(year: number, firstYear: number, rampYears: number): number {
  return Math.max(0, Math.min(1, (year - firstYear + 1) / rampYears));
}

/**
 * Projects a scenario (computeProjection, with all its rules) and splits the count of every public
 * school's entry grade (1 and the first junior grade, where the school teaches it) in years 1..N
 * after the base year (N per level, `years`) into DemandTerms. The terms at the scenario's own
 * values sum to the projection's count (the adjustment carries rounding and diversions).
 */
export function computeDemandComponents(input: Omit<ProjectionInput, 'sink'>, years: Record<ZoneLevel, number>): DemandComponents {
  const { dataset, rules } = input;
  const n = dataset.pupils.count;
  const U = dataset.unitIds.length;
  const estates = dataset.housing ?? [];
  const H = estates.length;
  const S = dataset.schools.length;
  const horizon = Math.max(years.primary, years.junior);
  const entryGrades = [1, rules.primaryLastGrade + 1];
  const levelGrades = [rules.primaryLastGrade, MAX_GRADE - rules.primaryLastGrade];
  // terms by (t − 1, level k, school): allocated when first met.
  const grid = new Map<number, DemandTerms>();
  const key = (t: number, k: number, s: number) => ((t - 1) * 2 + k) * S + s;
  const termsAt = (t: number, k: number, s: number) => {
    let terms = grid.get(key(t, k, s));
    if (!terms) {
      terms = { movingUp: new Float64Array(MAX_GRADE + 1), entrants: 0, estates: new Float64Array(H), adjustment: 0 };
      grid.set(key(t, k, s), terms);
    }
    return terms;
  };
  const base = dataset.baseYear;
  const projection = computeProjection({
    ...input,
    settings: { ...input.settings, years: horizon },
    sink: (year, loc, baseRow, grade, school, fraction, weight) => {
      if (grade !== entryGrades[0] && grade !== entryGrades[1]) return;
      const k = grade === entryGrades[0] ? 0 : 1;
      const level = ZONE_LEVELS[k];
      const t = year - base;
      if (t < 1 || t > years[level]) return;
      const terms = termsAt(t, k, school);
      if (loc >= n + U) {
        const e = estates[loc - n - U];
        terms.estates[loc - n - U] += (fraction * e.households * e.perHousehold[level]) / levelGrades[k];
      } else if (baseRow >= 0) terms.movingUp[dataset.pupils.grade[baseRow]] += fraction * weight;
      else terms.entrants += fraction * weight;
    },
  });
  const cells: DemandCell[] = [];
  for (let t = 1; t <= horizon; t++) {
    const y = projection.years[t];
    ZONE_LEVELS.forEach((level, k) => {
      if (t > years[level]) return;
      const g = entryGrades[k];
      y.schools.forEach((school, s) => {
        if (school.ownership !== 'public' || !teachesEntry(school.level, level) || (school.opens !== undefined && school.opens > y.year)) return;
        const terms = grid.get(key(t, k, s)) ?? { movingUp: new Float64Array(MAX_GRADE + 1), entrants: 0, estates: new Float64Array(H), adjustment: 0 };
        const demand = y.counts[s * GRADE_STRIDE + g];
        terms.adjustment = demand - Math.round(nominalSum(terms, y.year, estates));
        cells.push({ school: s, level, grade: g, year: y.year, t, demand, terms });
      });
    });
  }
  return { projection, cells };
}

/** Whether a school of `level` has the entry grade of the zone level. */
function teachesEntry(schoolLevel: string, level: ZoneLevel): boolean {
  return schoolLevel === level || schoolLevel === 'nine_year';
}

/** The terms' sum at the scenario's own values (estates at their own ramp). */
function nominalSum(terms: DemandTerms, year: number, estates: { firstYear: number; rampYears: number }[]): number {
  let sum = terms.entrants;
  for (let g = 1; g <= MAX_GRADE; g++) sum += terms.movingUp[g];
  estates.forEach((e, h) => (sum += terms.estates[h] * estateRamp(year, e.firstYear, e.rampYears)));
  return sum;
}
