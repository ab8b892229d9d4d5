import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDataProblem } from '../../src/core/dataProblems';
import { computeProjection } from '../../src/core/projection';
import { DEFAULT_RULES } from '../../src/core/rules';
import { NO_RULES } from '../../src/core/scenarioRules';
import { DataError } from '../../src/io/dataError';
import { readDataset, type DatasetTexts } from '../../src/io/readDataset';

// The projection fixture (base year 2020): P1's zone [118.00, 118.01] × [36.00, 36.01] holds unit U1
// (118.005, 36.006) and pupils a (grade 5), b1 b2 (grade 1), d (grade 2); P2's zone [118.01, 118.02]
// holds U2 and c (grade 1); r (grade 1) attends private R; J1's junior zone covers both. One of the
// four grade-1 pupils is at R: the observed private share of an entering primary cohort is 1/4.
const FIXTURE = join(import.meta.dirname, '../fixtures/projection');

function texts(replace: Partial<DatasetTexts> = {}, drop: string[] = []): DatasetTexts {
  const t: DatasetTexts = {};
  for (const f of readdirSync(FIXTURE)) if (!drop.includes(f)) t[f as keyof DatasetTexts] = readFileSync(join(FIXTURE, f), 'utf8');
  return { ...t, ...replace };
}

/** The DataError the texts raise, in English and Chinese. */
function refusal(t: DatasetTexts): { en: string; zh: string } {
  try {
    readDataset(t, DEFAULT_RULES, 2020);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return { en: e.message, zh: `${e.file}: ${describeDataProblem(e.code, e.params, 'zh-CN')}` };
  }
  throw new Error('the dataset loaded');
}

const HOUSING_HEADER = 'id,name,lon,lat,unit_id,households,first_year,primary_per_household,junior_per_household,ramp_years';

describe('housing.csv', () => {
  it('reads estates placed by lon/lat or by a unit, with ramp_years 1 and the id as name by default', () => {
    const { dataset } = readDataset(texts({
      'housing.csv': `${HOUSING_HEADER}\nH1,东苑,118.015,36.003,,120,2021,0.4,0.1,2\nH2,,,,U1,50,2023,0.2,0.05,\n`,
    }), DEFAULT_RULES, 2020);
    expect(dataset.housing).toEqual([
      { id: 'H1', name: '东苑', x: 118.015, y: 36.003, unit: -1, households: 120, firstYear: 2021, perHousehold: { primary: 0.4, junior: 0.1 }, rampYears: 2 },
      { id: 'H2', name: 'H2', x: 118.005, y: 36.006, unit: 0, households: 50, firstYear: 2023, perHousehold: { primary: 0.2, junior: 0.05 }, rampYears: 1 },
    ]);
  });

  it('adds households × pupils per household, ramped and spread over the grades, to the zone’s schools', () => {
    // H1 in P2's zone: 120 households × 0.4 primary = 48 pupils (8 a grade), × 0.1 junior = 12 (4 a
    // grade); half in 2021 (ramp 1/2), all from 2022. Primary entrants after the base year go 1/4 to R.
    const withHousing = readDataset(texts({ 'housing.csv': `${HOUSING_HEADER}\nH1,东苑,118.015,36.003,,120,2021,0.4,0.1,2\n` }, ['births.csv']), DEFAULT_RULES, 2020).dataset;
    const p = computeProjection({ dataset: withHousing, state: withHousing.zoneState, scenario: NO_RULES, settings: { years: 2, entryRate: 1, progression: {} }, rules: DEFAULT_RULES });
    const grades = (year: number, id: string) => {
      const s = p.years.find((y) => y.year === year)!.result.schools.find((x) => x.id === id)!;
      return Object.fromEntries(Object.entries(s.grades).filter(([, n]) => n > 0).map(([g, n]) => [Number(g), n]));
    };
    // Without housing P2 has c's home repeated as grade 1 and c in grade 2 (2021); R has r's.
    // 2021, 4 a grade: grade 1 (entered 2021) 3 to P2 and 1 to R; grades 2–6 (entered by 2020) all 4 to P2.
    expect(grades(2020, 'P2')).toEqual({ 1: 1 });
    expect(grades(2021, 'P2')).toEqual({ 1: 1 + 3, 2: 1 + 4, 3: 4, 4: 4, 5: 4, 6: 4 });
    expect(grades(2021, 'R')).toEqual({ 1: 1 + 1, 2: 1 });
    expect(grades(2021, 'J1')).toEqual({ 7: 2, 8: 2, 9: 2 });
    // 2022, 8 a grade: grades 1 and 2 (entered 2022, 2021) 6 to P2 and 2 to R; grade 3 (entered 2020) 8.
    expect(grades(2022, 'P2')).toEqual({ 1: 1 + 6, 2: 1 + 6, 3: 1 + 8, 4: 8, 5: 8, 6: 8 });
    expect(grades(2022, 'R')).toEqual({ 1: 1 + 2, 2: 1 + 2, 3: 1 });
    // a (grade 5 in 2020) enters J1 in 2022.
    expect(grades(2022, 'J1')).toEqual({ 7: 1 + 4, 8: 4, 9: 4 });
    // P1's zone has no estate: the same as without housing.
    expect(grades(2022, 'P1')).toEqual({ 1: 2, 2: 2, 3: 2, 4: 1 });
  });

  it('stops the load naming the line of an estate without a place, or with a bad number', () => {
    expect(refusal(texts({ 'housing.csv': `${HOUSING_HEADER}\nH1,东苑,118.015,36.003,,120,2021,0.4,0.1,2\nH2,西苑,,,U9,50,2023,0.2,0.05,\n` }))).toEqual({
      en: 'housing.csv: line 3: estate "H2" needs lon and lat, or a unit_id with a place in units.geojson',
      zh: 'housing.csv: 第 3 行：楼盘 "H2" 需要经纬度，或 units.geojson 中有位置的 unit_id',
    });
    expect(refusal(texts({ 'housing.csv': `${HOUSING_HEADER}\nH1,东苑,118.015,36.003,,一百,2021,0.4,0.1,2\n` })).en).toBe('housing.csv: line 2: "households" must be a number ≥ 0, got "一百"');
    expect(refusal(texts({ 'housing.csv': `${HOUSING_HEADER}\nH1,东苑,118.015,36.003,,120,2021,0.4,0.1,1.5\n` })).en).toBe('housing.csv: line 2: "ramp_years" must be a whole number ≥ 1, got "1.5"');
    expect(refusal(texts({ 'housing.csv': `${HOUSING_HEADER}\nH1,东苑,218.015,36.003,,120,2021,0.4,0.1,2\n` })).en).toBe('housing.csv: line 2: 218.015, 36.003 is not a longitude/latitude in degrees');
  });
});

describe('births.csv stops the load naming the line', () => {
  const births = (rows: string) => texts({ 'births.csv': `unit_id,year,births\n${rows}` });

  it('for a unit that is not a unit of the dataset', () => {
    expect(refusal(births('U1,2015,40\nU9,2015,8\n'))).toEqual({
      en: 'births.csv: line 3: unit_id "U9" is not a unit of the dataset',
      zh: 'births.csv: 第 3 行：数据集中没有小区/村 unit_id "U9"',
    });
  });

  it('for a unit and year given twice', () => {
    expect(refusal(births('U1,2015,40\nU2,2015,8\nU1,2015,41\n'))).toEqual({
      en: 'births.csv: line 4: "U1" 2015 is given twice',
      zh: 'births.csv: 第 4 行："U1" 2015 重复',
    });
  });

  it('for a count or a year that is not a number, or below its least value', () => {
    expect(refusal(births('U1,2015,四十\n'))).toEqual({
      en: 'births.csv: line 2: "births" must be a number ≥ 0, got "四十"',
      zh: 'births.csv: 第 2 行："births" 应为不小于 0 的数，实际为 "四十"',
    });
    expect(refusal(births('U1,2015,40\n\nU2,2015,-3\n')).en).toBe('births.csv: line 4: "births" must be a number ≥ 0, got "-3"');
    expect(refusal(births('U1,2015.5,40\n')).en).toBe('births.csv: line 2: "year" must be a whole number ≥ 1900, got "2015.5"');
    expect(refusal(births('U1,,40\n')).en).toBe('births.csv: line 2: "year" must be a whole number ≥ 1900, got ""');
  });

  it('for a missing column', () => {
    expect(refusal(texts({ 'births.csv': 'unit_id,births\nU1,40\n' })).en).toBe('births.csv: missing required column(s) "year" (found: unit_id, births)');
  });
});
