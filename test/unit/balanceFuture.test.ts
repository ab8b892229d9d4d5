import { describe, expect, it } from 'vitest';
import { buildBalanceInput } from '../../src/core/balance/buildInput';
import { runBalance } from '../../src/core/balance/run';
import { DEFAULT_BALANCE_SETTINGS } from '../../src/core/balance/settings';
import type { BalanceInput } from '../../src/core/balance/types';
import { computeProjection } from '../../src/core/projection';
import { DEFAULT_RULES, type ZoneLevel } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { unitCellArea } from '../../src/core/units/datasetCells';
import { applyZoneEdit } from '../../src/core/zoneEdits';
import { bruteForceOptimum } from '../reference/balanceReference';
import { loadFutureCounty } from './balanceFutureFixture';

// Hand count (base year 2020, P1 4 rooms, private share of entrants 1/4):
// 2020  P1: U1's grades 1, 1, 2, 5 → 3 classes; U3 has nobody yet.
// 2021  P1: U1 30 entrants + b1, b2 (grade 2), d (3), a (6); U3 30 entrants → grade 1 60 = 2 classes,
//       5 classes in 4 rooms. Unit U1 is P1's root (nearest to it), so U3 (next to P2's zone) goes:
//       30 entrants at 0.5 = 15. P2 then has U2's 6 entrants + c (grade 2) + U3's 30.
// 2022  P1 without the move: grade 1 15 (U1's 2016 births 20 × 3/4), grade 2 60, 3: 2, 4: 1 → 5 classes.
const dataset = loadFutureCounty();
const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
const settings = { ...DEFAULT_BALANCE_SETTINGS, iterations: 30, timeLimitMs: undefined };
const inputFor = (future?: { year: number; everyYear: boolean }) =>
  buildBalanceInput(dataset, run, DEFAULT_RULES, { levels: ['primary'], ...(future && { future: { ...future, scenario: NO_RULES, projection: DEFAULT_PROJECTION } }) });

/** Pupils of school `id` in year slot y of the input when no unit moves, by grade (grades with pupils). */
function loadOf(input: BalanceInput, y: number, id: string): Record<number, number> {
  const S = input.schools.length;
  const s = input.schools.findIndex((x) => x.id === id);
  const n = Array.from(input.fixed.subarray((y * S + s) * 10, (y * S + s) * 10 + 10));
  const p = input.levels[0].pupils;
  for (let e = 0; e < p.count.length; e++) if (p.year[e] === y && p.school[e] === s) n[p.grade[e]] += p.count[e];
  return Object.fromEntries(n.map((v, g) => [g, v]).filter(([, v]) => v > 0));
}

describe('balancing a future year', () => {
  it('the base year needs nothing: P1 has 3 classes in 4 rooms', () => {
    const input = inputFor();
    expect(input.years).toEqual([2020]);
    expect(loadOf(input, 0, 'P1')).toEqual({ 1: 2, 2: 1, 5: 1 });
    expect(runBalance(input, settings).plan).toMatchObject({ moves: [], limitsMet: true });
  });

  it('--year 2021 takes the projected pupils of 2021 and moves U3 (30 entrants) to P2', () => {
    const input = inputFor({ year: 2021, everyYear: false });
    expect(input.years).toEqual([2021]);
    expect(loadOf(input, 0, 'P1')).toEqual({ 1: 60, 2: 2, 3: 1, 6: 1 });
    expect(loadOf(input, 0, 'P2')).toEqual({ 1: 6, 2: 1 });
    // The private school keeps its share of each unit's entrants (10 + 10 + 2) and r, now in grade 2.
    expect(loadOf(input, 0, 'R')).toEqual({ 1: 22, 2: 1 });
    const { plan } = runBalance(input, settings);
    expect(plan.moves.map((m) => [m.unitId, m.from, m.to, m.pupilsByGrade[1]])).toEqual([['U3', 'P1', 'P2', 30]]);
    expect(plan).toMatchObject({ pupilsMoved: 30, unitsMoved: 1, limitsMet: true, failures: [] });
    expect(plan.objective.moved).toBe(15);
    expect(plan.objective).toEqual(expect.objectContaining(bruteForceOptimum(input, settings)));
  });

  it('every year to 2022: three year slots, the same move, and only its 2021 entrants count as moved', () => {
    const input = inputFor({ year: 2022, everyYear: true });
    expect(input.years).toEqual([2020, 2021, 2022]);
    expect(loadOf(input, 2, 'P1')).toEqual({ 1: 15, 2: 60, 3: 2, 4: 1 });
    const { plan } = runBalance(input, settings);
    expect(plan.moves.map((m) => m.unitId)).toEqual(['U3']);
    expect(plan.pupilsMoved).toBe(30);
    expect(plan.objective.moved).toBe(15);
    const best = bruteForceOptimum(input, settings);
    expect([plan.objective.violation, plan.objective.moved]).toEqual([best.violation, best.moved]);
  });

  it('counts a housing estate without a unit with the unit whose cell holds it, and moves it with that unit', () => {
    // 2021: the estate adds 0.75 entrants to P1 (a quarter to R) and 1 pupil to each of grades 2–6.
    const county = loadFutureCounty(true);
    const base = computeScenarioRun(county, county.zoneState, DEFAULT_RULES);
    const input = buildBalanceInput(county, base, DEFAULT_RULES, { levels: ['primary'], future: { year: 2021, everyYear: false, scenario: NO_RULES, projection: DEFAULT_PROJECTION } });
    const p = input.levels[0].pupils;
    const u3 = county.unitIds.indexOf('U3');
    const u3Grades = Object.fromEntries(Array.from({ length: p.offsets[u3 + 1] - p.offsets[u3] }, (_, k) => [p.grade[p.offsets[u3] + k], p.count[p.offsets[u3] + k]]));
    // 30 entrants and the estate's 0.75, kept exact: a school's grade rounds their sum, as the projection does.
    expect(u3Grades).toEqual({ 1: 30.75, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1 });
    const { plan } = runBalance(input, settings);
    expect(plan.moves.map((m) => m.unitId)).toEqual(['U3']);
    expect(plan.pupilsMoved).toBe(36);
    const ctx = { schools: county.schools, schoolIndex: new Map(county.schools.map((s, i) => [s.id, i])), unitIndex: new Map(county.unitIds.map((u, i) => [u, i])), unitArea: (level: ZoneLevel, u: number) => unitCellArea(county, level, u) };
    const state = plan.moves.reduce((s, m) => applyZoneEdit(s, m.edit, ctx), county.zoneState);
    const y2021 = computeProjection({ dataset: county, state, scenario: NO_RULES, settings: { ...DEFAULT_PROJECTION, years: 1 }, rules: DEFAULT_RULES }).years[1];
    const grades = (id: string) => Object.fromEntries(Object.entries(y2021.result.schools.find((s) => s.id === id)!.grades).filter(([, n]) => n > 0).map(([g, n]) => [Number(g), n]));
    expect(grades('P1')).toEqual({ 1: 30, 2: 2, 3: 1, 6: 1 });
    expect(grades('P2')).toEqual({ 1: 37, 2: 2, 3: 1, 4: 1, 5: 1, 6: 1 });
  });

  it('replays: the projection of the zones after the plan gives P1 4 classes in 4 rooms in 2021 and 2022', () => {
    const { plan } = runBalance(inputFor({ year: 2022, everyYear: true }), settings);
    const ctx = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])), unitArea: (level: ZoneLevel, u: number) => unitCellArea(dataset, level, u) };
    const state = plan.moves.reduce((s, m) => applyZoneEdit(s, m.edit, ctx), dataset.zoneState);
    const projection = computeProjection({ dataset, state, scenario: NO_RULES, settings: { ...DEFAULT_PROJECTION, years: 2 }, rules: DEFAULT_RULES });
    const p1 = (year: number) => projection.years.find((y) => y.year === year)!.result.schools.find((s) => s.id === 'P1')!;
    const p2 = projection.years.find((y) => y.year === 2021)!.result.schools.find((s) => s.id === 'P2')!;
    expect(Object.fromEntries(Object.entries(p1(2021).grades).filter(([, n]) => n > 0))).toEqual({ 1: 30, 2: 2, 3: 1, 6: 1 });
    expect(Object.fromEntries(Object.entries(p2.grades).filter(([, n]) => n > 0))).toEqual({ 1: 36, 2: 1 });
    for (const year of [2020, 2021, 2022]) expect(p1(year).classesOverCap).toBe(0);
  });
});
