import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { computeProjection, type Projection } from '../../src/core/projection';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { DEFAULT_PROJECTION, NO_RULES, type ScenarioRules } from '../../src/core/scenarioRules';
import { applyZoneEdit, type ZoneEdit } from '../../src/core/zoneEdits';
import type { ZoneState } from '../../src/core/zoneState';
import { parseScenario } from '../../src/io/parseScenario';
import { countyOutline } from '../../src/io/countyOutline';
import { readDataset, type DatasetTexts } from '../../src/io/readDataset';

const FIXTURE = join(__dirname, '../fixtures/projection');

function load(withBirths = true) {
  const texts: DatasetTexts = {};
  for (const f of readdirSync(FIXTURE)) if (withBirths || f !== 'births.csv') texts[f as keyof DatasetTexts] = readFileSync(join(FIXTURE, f), 'utf8');
  return readDataset(texts, DEFAULT_RULES, 2020).dataset;
}

type Dataset = ReturnType<typeof load>;

function stateAfter(dataset: Dataset, edits: ZoneEdit[]): ZoneState {
  const ctx = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])) };
  return edits.reduce((s, e) => applyZoneEdit(s, e, ctx), dataset.zoneState);
}

function project(dataset: Dataset, opts: { state?: ZoneState; scenario?: Partial<ScenarioRules>; years?: number; entryRate?: number; progression?: Record<number, number> } = {}): Projection {
  return computeProjection({
    dataset,
    state: opts.state ?? dataset.zoneState,
    scenario: { ...NO_RULES, ...opts.scenario },
    settings: { years: opts.years ?? 2, entryRate: opts.entryRate ?? 1, progression: opts.progression ?? {} },
    rules: DEFAULT_RULES,
  });
}

/** Pupils by grade of a school in a projected year, grades with pupils only. */
function grades(p: Projection, year: number, id: string): Record<number, number> {
  const school = p.years.find((y) => y.year === year)!.result.schools.find((s) => s.id === id)!;
  return Object.fromEntries(Object.entries(school.grades).filter(([, n]) => n > 0).map(([g, n]) => [Number(g), n]));
}

// The fixture (base year 2020): P1's zone holds a (grade 5), b1 and b2 (grade 1), d (grade 2) and
// unit U1; P2's holds c (grade 1) and unit U2; r (grade 1, home in P2's zone) attends private R.
// One of the four grade-1 pupils is at R: the observed private share of grade 1 is 1/4.
const P1_AREA: ZoneEdit = { op: 'assignArea', level: 'primary', schoolId: 'P2', area: { type: 'Polygon', coordinates: [[[118.0, 36.0], [118.01, 36.0], [118.01, 36.01], [118.0, 36.01], [118.0, 36.0]]] } };

describe('projection', () => {
  it('ages pupils a grade a year, sends grade 6 to the junior zone and lets grade 9 leave', () => {
    const p = project(load(false), { years: 5 });
    expect(grades(p, 2020, 'P1')).toEqual({ 1: 2, 2: 1, 5: 1 });
    // 2021: a is in grade 6, b1 b2 in grade 2, d in grade 3; the repeated intake adds b1 b2's homes again.
    expect(grades(p, 2021, 'P1')).toEqual({ 1: 2, 2: 2, 3: 1, 6: 1 });
    // 2022: a enters junior at home (J1's zone).
    expect(grades(p, 2022, 'J1')).toEqual({ 7: 1 });
    expect(grades(p, 2024, 'J1')).toEqual({ 9: 1 });
    // 2025: a has left after grade 9; d (grade 2 in 2020) arrives in grade 7.
    expect(grades(p, 2025, 'J1')).toEqual({ 7: 1 });
    expect(p.intake).toBe('repeat');
    expect(p.notes).toEqual([{ code: 'intakeRepeats' }]);
  });

  it('repeats the base year grade 1 with its private choices when there are no births', () => {
    const p = project(load(false));
    expect(grades(p, 2021, 'P2')).toEqual({ 1: 1, 2: 1 });
    expect(grades(p, 2021, 'R')).toEqual({ 1: 1, 2: 1 });
  });

  it('takes grade-1 intake from births six years earlier, sharing it with private schools as observed', () => {
    const p = project(load());
    expect(p.intake).toBe('births');
    // 2021 = births 2015: U1 40 → R 10 (1/4), P1 30; U2 8 → R 2, P2 6.
    expect(grades(p, 2021, 'P1')).toEqual({ 1: 30, 2: 2, 3: 1, 6: 1 });
    expect(grades(p, 2021, 'P2')).toEqual({ 1: 6, 2: 1 });
    expect(grades(p, 2021, 'R')).toEqual({ 1: 12, 2: 1 });
    // 2022 = births 2016 (U1 20, U2 12) and 2021's entrants in grade 2.
    expect(grades(p, 2022, 'P1')).toEqual({ 1: 15, 2: 30, 3: 2, 4: 1 });
    expect(grades(p, 2022, 'R')).toEqual({ 1: 8, 2: 12, 3: 1 });
    // An entry rate scales births.
    expect(grades(project(load(), { entryRate: 0.5 }), 2021, 'P1')[1]).toBe(15);
  });

  it('applies a progression ratio per grade', () => {
    const p = project(load(false), { progression: { 2: 0.5 } });
    // b1 and b2 move into grade 2 at half weight: 1 pupil.
    expect(grades(p, 2021, 'P1')[2]).toBe(1);
  });

  it('phase-in: the new zoning takes only entrants from its year; enrolled pupils stay', () => {
    const d = load();
    const state = stateAfter(d, [P1_AREA]);
    const phased = project(d, { state, scenario: { phaseIn: { fromYear: 2021 } } });
    expect(grades(phased, 2020, 'P1')).toEqual({ 1: 2, 2: 1, 5: 1 });
    expect(grades(phased, 2021, 'P1')).toEqual({ 2: 2, 3: 1, 6: 1 });
    expect(grades(phased, 2021, 'P2')).toEqual({ 1: 36, 2: 1 });
    // Without phase-in the re-zoning moves everybody at once, in the base year too.
    const immediate = project(d, { state });
    expect(grades(immediate, 2020, 'P1')).toEqual({});
    expect(grades(immediate, 2020, 'P2')).toEqual({ 1: 3, 2: 1, 5: 1 });
  });

  it('a zone given to a school that opens later takes effect when it opens', () => {
    const d = load();
    const state = stateAfter(d, [{ ...P1_AREA, schoolId: 'N' }]);
    const p = project(d, { state, years: 3 });
    expect(grades(p, 2021, 'N')).toEqual({});
    expect(grades(p, 2021, 'P1')[1]).toBe(30);
    expect(p.years[1].result.schools.find((s) => s.id === 'N')!.planned).toBe(true);
    // 2022: N opens (dataset) and takes its zone's pupils of every grade: intake 15, 2021's 30, b1 b2, d.
    expect(grades(p, 2022, 'N')).toEqual({ 1: 15, 2: 30, 3: 2, 4: 1 });
    expect(grades(p, 2022, 'P1')).toEqual({});
    // An opening rule brings it forward.
    const early = project(d, { state, scenario: { openings: [{ schoolId: 'N', year: 2021 }] } });
    expect(grades(early, 2021, 'N')[1]).toBe(30);
  });

  it('adds classrooms from their year', () => {
    const p = project(load(), { scenario: { classroomAdditions: [{ schoolId: 'P1', year: 2021, rooms: 2 }] } });
    expect(p.years.map((y) => y.result.schools.find((s) => s.id === 'P1')!.classrooms)).toEqual([3, 5, 5]);
  });

  it('a private share rule replaces the observed share from its year', () => {
    const p = project(load(), { scenario: { privateShares: [{ schoolId: 'R', level: 'primary', share: 0.5, fromYear: 2022 }] } });
    expect(grades(p, 2021, 'P1')[1]).toBe(30);
    // 2022: U1 20 → R 10, P1 10; U2 12 → R 6, P2 6.
    expect(grades(p, 2022, 'P1')[1]).toBe(10);
    expect(grades(p, 2022, 'R')[1]).toBe(16);
  });

  it('a diversion moves pupils spread over grades and keeps them as they move up', () => {
    // 2 pupils of grades 1–2 from P1 (2 in grade 1, 1 in grade 2): 4/3 and 2/3 → 1 and 1 (largest remainder).
    const p = project(load(false), { scenario: { diversions: [{ fromSchoolId: 'P1', toSchoolId: 'P2', grades: [1, 2], count: 2, year: 2020 }] } });
    expect(grades(p, 2020, 'P1')).toEqual({ 1: 1, 5: 1 });
    expect(grades(p, 2020, 'P2')).toEqual({ 1: 2, 2: 1 });
    // 2021: the diverted grade-1 pupil is in grade 2 and the grade-2 one in grade 3, both still at P2.
    expect(grades(p, 2021, 'P1')).toEqual({ 1: 2, 2: 1, 6: 1 });
    expect(grades(p, 2021, 'P2')).toEqual({ 1: 1, 2: 2, 3: 1 });
  });

  it('reports births coverage and reads the births file', () => {
    const d = load();
    expect(d.births?.get(d.unitIds.indexOf('U1'))?.get(2016)).toBe(20);
    expect(project(d).notes).toEqual([]);
  });
});

describe('projection of the Shouguang dataset', () => {
  const loaded = (() => {
    const dir = join(__dirname, '../../data/shouguang');
    const texts: DatasetTexts = {};
    for (const f of readdirSync(dir)) texts[f as keyof DatasetTexts] = readFileSync(join(dir, f), 'utf8');
    return readDataset(texts, DEFAULT_RULES, 2020);
  })();
  const d = loaded.dataset;

  it('gives the base year exactly as the simulation, for the baseline and for the plan scenario', () => {
    const scenario = parseScenario('s.json', readFileSync(join(__dirname, '../../data/scenarios/shengcheng-to-huiwen.json'), 'utf8'), d.schools);
    const state = stateAfter(d, scenario.edits.map((e) => e));
    for (const s of [d.zoneState, state]) {
      const p = computeProjection({ dataset: d, state: s, scenario: NO_RULES, settings: { ...DEFAULT_PROJECTION, years: 1 }, rules: DEFAULT_RULES });
      const run = computeScenarioRun(d, s, DEFAULT_RULES);
      expect(Array.from(p.years[0].counts)).toEqual(Array.from(run.counts));
      expect(p.years[0].result.summary).toEqual(run.result.summary);
    }
    // The outline the edits are clipped to is the county file's: the same area.
    const outline = countyOutline(loaded.county)!;
    expect(area({ type: 'MultiPolygon', coordinates: outline })).toBeCloseTo(area(loaded.county!), 0);
  });

  it('follows the births and the new estates: grade 1 each year is births six years before plus the estates’ share', () => {
    const p = computeProjection({ dataset: d, state: d.zoneState, scenario: NO_RULES, settings: DEFAULT_PROJECTION, rules: DEFAULT_RULES });
    expect(p.intake).toBe('births');
    expect(p.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    // Computed from births.csv and housing.csv alone: births of the county by year, and each
    // estate's households × primary pupils per household × ramp, spread over 6 grades.
    const dir = join(__dirname, '../../data/shouguang');
    const births = new Map<number, number>();
    for (const line of readFileSync(join(dir, 'births.csv'), 'utf8').trim().split('\n').slice(1)) {
      const [, year, n] = line.split(',');
      births.set(Number(year), (births.get(Number(year)) ?? 0) + Number(n));
    }
    const estates = readFileSync(join(dir, 'housing.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const housing = (year: number) => estates.reduce((a, [, , , , households, first, primary, , ramp]) => a + (year < first ? 0 : (households * primary * Math.min(1, (year - first + 1) / ramp)) / 6), 0);
    // The base year's grade 1 is the pupils file's; the births of 2014 were made to match it.
    expect(births.get(2014)).toBe(14_649);
    for (const y of p.years) {
      const gradeOne = y.result.schools.reduce((a, s) => a + (s.grades[1] ?? 0), 0);
      const schools = y.result.schools.filter((s) => s.grades[1] > 0).length;
      // Counts are rounded per school and grade: at most ½ a pupil off per school.
      expect(Math.abs(gradeOne - births.get(y.year - 6)! - housing(y.year)), String(y.year)).toBeLessThanOrEqual(schools / 2);
      expect(y.result.summary.unassigned).toBe(0);
    }
  });
});
