import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../src/core/parseProfile';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DEFAULT_PROJECTION, NO_RULES, type ScenarioRules } from '../../src/core/scenarioRules';
import { computeWarningBase, type WarningBase } from '../../src/core/warning/warning';
import { createRangesRun } from '../../src/core/warning/ranges';
import { normalFrom, seededRandom } from '../../src/core/random';
import { DEFAULT_WARNING, type WarningSpreads } from '../../src/core/warning/settings';
import type { DatasetTexts } from '../../src/io/readDataset';
import { warningCounty } from './warningCounty';

const NO_SPREAD: WarningSpreads = { entryRate: 0, progression: 0, perHousehold: 0, fillYears: 0 };

function warn(extra: DatasetTexts = {}, scenario: Partial<ScenarioRules> = {}) {
  const dataset = warningCounty(extra);
  const base = computeWarningBase({ dataset, state: dataset.zoneState, scenario: { ...NO_RULES, ...scenario }, settings: DEFAULT_PROJECTION, rules: DEFAULT_RULES }, DEFAULT_WARNING, dataset.intakePlan);
  return { dataset, base };
}

/** The rows as [school, year, demand, places, tier]. */
const table = (base: WarningBase) => base.rows.map((r) => [r.schoolId, r.year, r.demand, r.intake?.places, r.tier]);

describe('学位预警 on a small county', () => {
  it('gives demand, places and tiers computed by hand, B turning red in year 3 as its estate fills', () => {
    const { base } = warn();
    // A: entrants = births six years earlier (81, 85, 90); its rooms left after grades 2–6 take
    // ceil(n/45) classes: 8 − 5 = 3, then 8 − (2 + 4) = 2, then 8 − (2 + 2 + 3) = 1, × 45.
    // B: births 60 + the estate's 600 × 0.3 / 6 = 30 per grade × 1/3, 2/3, 1 — 70, 80, 90; its grades
    // 2–6 have 50, 60 or 70–90 pupils, two classes each: 12 − 10 = 2 rooms, 90 places every year.
    // J: the primaries' grade 6, 5, 4 (45 + 40) + the estate's 600 × 0.1 / 3 = 20 × 1/3, 2/3, 1 →
    // 91.7 → 92, 98.3 → 98, 105; grades 8 and 9 (107/107, 98/113, 105/105) take 6, 5, 6 of 9 rooms.
    expect(table(base)).toEqual([
      ['A', 2021, 81, 135, 'green'], ['B', 2021, 70, 90, 'green'], ['J', 2021, 92, 150, 'green'],
      ['A', 2022, 85, 90, 'yellow'], ['B', 2022, 80, 90, 'green'], ['J', 2022, 98, 200, 'green'],
      ['A', 2023, 90, 45, 'red'], ['B', 2023, 90, 90, 'red'], ['J', 2023, 105, 150, 'green'],
    ]);
    expect(base.rows.find((r) => r.schoolId === 'B' && r.year === 2023)!.ratio).toBe(1);
    // Without diversions the terms alone give the projection's counts: rounding adds nothing.
    expect(base.components.cells.map((c) => c.terms.adjustment)).toEqual(base.rows.map(() => 0));
  });

  it('reads its settings from the standards profile, refusing what it cannot use', () => {
    const parsed = parseProfile({ warning: { yellowAt: 0.85, years: { junior: 1 }, spreads: { fillYears: 2 } } });
    expect('profile' in parsed && parsed.profile.warning).toEqual({ ...DEFAULT_WARNING, yellowAt: 0.85, years: { primary: 3, junior: 1 }, spreads: { ...DEFAULT_WARNING.spreads, fillYears: 2 } });
    expect(parseProfile({ warning: { redAt: 0.8 } })).toEqual({ error: 'profile.warning.yellowAt (0.9) must not exceed redAt (0.8)' });
    expect(parseProfile({ warning: { years: { primary: 0 } } })).toEqual({ error: 'profile.warning.years.primary must be a whole number from 1 to 10, got 0' });
    expect(parseProfile({ warning: { spread: {} } })).toEqual({ error: 'unknown key "spread" in profile.warning (did you mean "spreads"?)' });
  });

  it('takes the places of the intake plan where it has a row (classes × cap, or places)', () => {
    const { base } = warn({ 'intake_plan.csv': 'school_id,year,grade,classes,places\nA,2023,1,,100\nB,2021,1,1,\n' });
    const row = (id: string, year: number) => base.rows.find((r) => r.schoolId === id && r.year === year)!;
    expect([row('A', 2023).intake, row('A', 2023).ratio, row('A', 2023).tier]).toEqual([{ places: 100, source: 'plan' }, 0.9, 'yellow']);
    expect([row('B', 2021).intake?.places, row('B', 2021).tier]).toEqual([45, 'red']);
    expect(row('A', 2022).intake).toEqual({ classes: 2, places: 90, source: 'rooms' });
  });

  it('warns each level as many years ahead as the profile says', () => {
    const dataset = warningCounty();
    const settings = { ...DEFAULT_WARNING, years: { primary: 2, junior: 1 } };
    const base = computeWarningBase({ dataset, state: dataset.zoneState, scenario: NO_RULES, settings: DEFAULT_PROJECTION, rules: DEFAULT_RULES }, settings);
    expect(base.rows.map((r) => `${r.schoolId}${r.year}`)).toEqual(['A2021', 'B2021', 'J2021', 'A2022', 'B2022']);
  });

  it('follows the scenario: a diversion out of A in 2022 lowers its demand', () => {
    const { base } = warn({}, { diversions: [{ fromSchoolId: 'A', toSchoolId: 'B', grades: [1], count: 10, year: 2022 }] });
    const row = (id: string, year: number) => base.rows.find((r) => r.schoolId === id && r.year === year)!;
    expect([row('A', 2022).demand, row('B', 2022).demand]).toEqual([75, 90]);
    expect(row('A', 2022).tier).toBe('green');
  });
});

describe('the ranges', () => {
  const run = (base: WarningBase, dataset: ReturnType<typeof warningCounty>, spreads: WarningSpreads, seed: number, draws = 400) => {
    const r = createRangesRun(base, DEFAULT_PROJECTION, dataset.housing ?? [], spreads, draws, seed);
    while (r.step(64) < draws);
    r.finish();
    return base.rows.map((row) => row.range!);
  };

  it('are one figure at the scenario\'s own values when nothing is uncertain', () => {
    const { dataset, base } = warn();
    const ranges = run(base, dataset, NO_SPREAD, 1, 20);
    expect(ranges.map((r) => [r.p10, r.p50, r.p90])).toEqual(base.rows.map((r) => [r.demand, r.demand, r.demand]));
    expect(ranges.map((r, i) => r.likelihood[base.rows[i].tier!])).toEqual(base.rows.map(() => 1));
  });

  it('are the same with the same seed and differ with another', () => {
    const { dataset, base } = warn();
    const first = structuredClone(run(base, dataset, DEFAULT_WARNING.spreads, 7));
    const again = structuredClone(run(base, dataset, DEFAULT_WARNING.spreads, 7));
    const other = structuredClone(run(base, dataset, DEFAULT_WARNING.spreads, 8));
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    // Stepping in other chunks draws the same numbers.
    const r = createRangesRun(base, DEFAULT_PROJECTION, dataset.housing ?? [], DEFAULT_WARNING.spreads, 400, 7);
    r.step(1);
    r.step(399);
    r.finish();
    expect(base.rows.map((row) => row.range)).toEqual(first);
  });

  it('match a plain re-draw of B in 2023 when only the households and the fill year are uncertain', () => {
    const { dataset, base } = warn();
    const spreads = { ...NO_SPREAD, perHousehold: 0.25, fillYears: 1 };
    const draws = 1000;
    const ranges = run(base, dataset, spreads, 42, draws);
    // Reference: the draw order is entry rate, progression of grades 2–9, households, each estate's fill.
    const random = seededRandom(42);
    const demand: number[] = [];
    for (let d = 0; d < draws; d++) {
      for (let k = 0; k < 9; k++) normalFrom(random);
      const m = Math.max(0, 1 + 0.25 * normalFrom(random));
      const firstYear = 2021 + normalFrom(random);
      const ramp = Math.max(0, Math.min(1, (2023 - firstYear + 1) / 3));
      demand.push(Math.round(60 + 30 * m * ramp));
    }
    demand.sort((a, b) => a - b);
    const b2023 = ranges[base.rows.findIndex((r) => r.schoolId === 'B' && r.year === 2023)];
    expect([b2023.p10, b2023.p50, b2023.p90]).toEqual([demand[99], demand[499], demand[899]]);
    expect(b2023.likelihood.red).toBe(demand.filter((x) => x >= 90).length / draws);
    expect(b2023.likelihood.yellow).toBe(demand.filter((x) => x >= 81 && x < 90).length / draws);
  });
});
