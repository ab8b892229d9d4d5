/**
 * Births per unit and new housing estates for projections. Births are derived from the base
 * year's grade 1 (born in BASE_YEAR − 6, the year its intake was born) scaled by a birth index that
 * follows China's published national births (国家统计局: about 16.9 million in 2014, a peak of
 * 17.9 million in 2016, then a steady fall to about 9.0 million in 2023) — Shouguang's own figures
 * were not found, so the shape is national and the levels are invented.
 */
import type { Rng } from './random.ts';
import { BASE_YEAR } from './settings.ts';
import type { LonLat, Pupil, Unit } from './types.ts';

/** National births in millions by year (rounded), the shape given to every unit. */
export const NATIONAL_BIRTHS: Readonly<Record<number, number>> = {
  2010: 15.9, 2011: 16.0, 2012: 16.4, 2013: 16.4, 2014: 16.9, 2015: 16.6, 2016: 17.9, 2017: 17.2,
  2018: 15.2, 2019: 14.7, 2020: 12.0, 2021: 10.6, 2022: 9.6, 2023: 9.0, 2024: 9.5,
};

/** One row of births.csv. */
export interface BirthRow {
  unitId: string;
  year: number;
  births: number;
}

/** Births of every unit with grade-1 pupils, 2010–2024, with ±8% noise per unit and year. */
export function generateBirths(rng: Rng, units: readonly Unit[], pupils: readonly Pupil[]): BirthRow[] {
  const gradeOne = new Map<string, number>();
  for (const p of pupils) if (p.grade === 1) gradeOne.set(p.unitId, (gradeOne.get(p.unitId) ?? 0) + 1);
  const reference = NATIONAL_BIRTHS[BASE_YEAR - 6];
  const rows: BirthRow[] = [];
  for (const u of units) {
    const g1 = gradeOne.get(u.id);
    if (!g1) continue;
    for (const [year, national] of Object.entries(NATIONAL_BIRTHS)) {
      const noise = Number(year) === BASE_YEAR - 6 ? 1 : rng.uniform(0.92, 1.08);
      rows.push({ unitId: u.id, year: Number(year), births: Math.round((g1 * national * noise) / reference) });
    }
  }
  return rows;
}

/** One row of housing.csv. */
export interface HousingRow {
  id: string;
  name: string;
  at: LonLat;
  households: number;
  firstYear: number;
  primaryPerHousehold: number;
  juniorPerHousehold: number;
  rampYears: number;
}

/**
 * A few new estates in the city, around 圣城小学 and 汇文学校 (where the plan's pressure is) and in the
 * east of the city; 生源系数 of 0.2 primary and 0.1 junior pupils per household are invented,
 * within the range counties publish.
 */
export const HOUSING: readonly HousingRow[] = [
  { id: 'H01', name: '弥河悦府', at: [118.768, 36.871], households: 1200, firstYear: 2022, primaryPerHousehold: 0.2, juniorPerHousehold: 0.1, rampYears: 3 },
  { id: 'H02', name: '圣城壹号院', at: [118.757, 36.884], households: 800, firstYear: 2021, primaryPerHousehold: 0.2, juniorPerHousehold: 0.1, rampYears: 2 },
  { id: 'H03', name: '东城新苑', at: [118.81, 36.87], households: 1500, firstYear: 2023, primaryPerHousehold: 0.2, juniorPerHousehold: 0.1, rampYears: 3 },
  { id: 'H04', name: '文圣花园', at: [118.78, 36.889], households: 600, firstYear: 2024, primaryPerHousehold: 0.2, juniorPerHousehold: 0.1, rampYears: 2 },
];

/** births.csv as text. */
export function birthsCsv(rows: readonly BirthRow[]): string {
  return `unit_id,year,births\n${rows.map((r) => `${r.unitId},${r.year},${r.births}`).join('\n')}\n`;
}

/** housing.csv as text. */
export function housingCsv(rows: readonly HousingRow[]): string {
  const header = 'id,name,lon,lat,households,first_year,primary_per_household,junior_per_household,ramp_years';
  return `${header}\n${rows.map((r) => [r.id, r.name, r.at[0].toFixed(6), r.at[1].toFixed(6), r.households, r.firstYear, r.primaryPerHousehold, r.juniorPerHousehold, r.rampYears].join(',')).join('\n')}\n`;
}
