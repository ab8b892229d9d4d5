import { describe, expect, it } from 'vitest';
import { computeSchoolsNearOver } from '../../src/core/balance/nearOver';
import type { BalanceMove } from '../../src/core/balance/types';
import type { School } from '../../src/core/dataset';
import type { SchoolResult, SimulationResult } from '../../src/core/simulation';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { balanceRequestOf, balanceSettingsOf, computeLimitBreaks, computeMoveRows, DEFAULT_BALANCE_FORM, firstYearBreaks, keptMoves, nextBalanceName, planScenarioEdits, plannedYears } from '../../src/features/balance/balanceModel';
import { computeMoveFeatures } from '../../src/map/balanceMoves';
import { gridInput } from './balanceFixture';

const move = (unitId: string, from: string, to: string, byGrade: Record<number, number>, addedKm: number, reason: BalanceMove['reason'] = 'relieve', level: BalanceMove['level'] = 'primary'): BalanceMove => ({
  edit: { op: 'assignUnits', level, schoolId: to, unitIds: [unitId] },
  reason,
  unitId,
  level,
  from,
  to,
  pupilsByGrade: Array.from({ length: 10 }, (_, g) => byGrade[g] ?? 0),
  addedKm,
});

const MOVES = [move('U1', 'P01', 'P02', { 1: 3, 4: 5 }, 0.4), move('U2', 'P01', 'P03', { 2: 7 }, 1.25, 'makeRoom'), move('U3', '', 'J01', { 7: 2, 9: 1 }, 0, 'connect', 'junior')];

describe('自动均衡 panel model', () => {
  it('lists each move with named unit and schools, pupils by grade and their total, and marks removed ones', () => {
    const rows = computeMoveRows(MOVES, [1], (id) => `unit ${id}`, (id) => `school ${id}`);
    expect(rows).toEqual([
      { index: 0, unitId: 'U1', unit: 'unit U1', level: 'primary', from: 'school P01', to: 'school P02', grades: [{ grade: 1, n: 3 }, { grade: 4, n: 5 }], pupils: 8, addedKm: 0.4, reason: 'relieve', removed: false },
      { index: 1, unitId: 'U2', unit: 'unit U2', level: 'primary', from: 'school P01', to: 'school P03', grades: [{ grade: 2, n: 7 }], pupils: 7, addedKm: 1.25, reason: 'makeRoom', removed: true },
      { index: 2, unitId: 'U3', unit: 'unit U3', level: 'junior', from: '', to: 'school J01', grades: [{ grade: 7, n: 2 }, { grade: 9, n: 1 }], pupils: 3, addedKm: 0, reason: 'connect', removed: false },
    ]);
  });

  it('removing moves keeps the others in plan order; the scenario is the base edits then the kept moves', () => {
    expect(keptMoves(MOVES, [0, 2]).map((m) => m.unitId)).toEqual(['U2']);
    expect(keptMoves(MOVES, []).map((m) => m.unitId)).toEqual(['U1', 'U2', 'U3']);
    const base = { op: 'lockZone' as const, level: 'primary' as const, schoolId: 'P05', locked: true };
    expect(planScenarioEdits([base], MOVES, [1])).toEqual([base, MOVES[0].edit, MOVES[2].edit]);
  });

  it('names the next auto-balanced scenario with the least free number', () => {
    const template = (n: number) => `自动均衡 ${n}`;
    expect(nextBalanceName(['方案 1'], template)).toBe('自动均衡 1');
    expect(nextBalanceName(['自动均衡 1', '自动均衡 3'], template)).toBe('自动均衡 2');
  });

  it('turns the form into the request and the settings (seconds to ms; schools limited only when given)', () => {
    const form = { ...DEFAULT_BALANCE_FORM, level: 'junior' as const, lockedSchools: ['J01'], lockedUnits: ['U9'], timeLimitS: 2.5, iterations: 30, maxAddedKm: 1.5 };
    const base = { baseYear: 2020, rules: NO_RULES, projection: DEFAULT_PROJECTION };
    expect(balanceRequestOf(form, base)).toEqual({ levels: ['junior'], lockedSchoolIds: ['J01'], lockedUnitIds: ['U9'] });
    expect(balanceRequestOf(DEFAULT_BALANCE_FORM, base).levels).toEqual(['primary', 'junior']);
    const settings = balanceSettingsOf(form, ['P01', 'P02']);
    expect(settings).toEqual({ seed: 1, iterations: 30, timeLimitMs: 2500, nearestSchools: 5, maxDistanceKm: 5, maxAddedKm: 1.5, entrantWeight: 0.5, phaseIn: false, minOpeningUtilization: 0, schoolIds: ['P01', 'P02'] });
    expect('schoolIds' in balanceSettingsOf(form)).toBe(false);
  });

  it('finds the public schools over their limits in a result: oversized or with classes over the cap (a private one is not the plan’s)', () => {
    const school = (id: string, enrollment: number, oversize: boolean, classesOverCap: number, ownership = 'public') => ({ id, enrollment, oversize, classesOverCap, ownership }) as SchoolResult;
    const result = { schools: [school('A', 2100, true, 0), school('B', 900, false, 0), school('C', 1500, false, 2), school('R', 2700, true, 4, 'private')], summary: {} } as SimulationResult;
    expect(computeLimitBreaks(result)).toEqual([
      { id: 'A', enrollment: 2100, oversize: true, classesOverCap: 0 },
      { id: 'C', enrollment: 1500, oversize: false, classesOverCap: 2 },
    ]);
  });

  it('plans for a projected year, or every year up to it, with the scenario’s rules; the base year is the base year’s pupils', () => {
    const rules = { ...NO_RULES, phaseIn: { fromYear: 2022 } };
    const base = { baseYear: 2020, rules, projection: DEFAULT_PROJECTION };
    expect(plannedYears(DEFAULT_BALANCE_FORM, 2020)).toEqual([2020]);
    expect(plannedYears({ ...DEFAULT_BALANCE_FORM, year: 2024 }, 2020)).toEqual([2024]);
    expect(plannedYears({ ...DEFAULT_BALANCE_FORM, year: 2022, everyYear: true }, 2020)).toEqual([2020, 2021, 2022]);
    expect('future' in balanceRequestOf({ ...DEFAULT_BALANCE_FORM, year: 2020 }, base)).toBe(false);
    expect(balanceRequestOf({ ...DEFAULT_BALANCE_FORM, year: 2024 }, base).future).toEqual({ year: 2024, everyYear: false, scenario: rules, projection: DEFAULT_PROJECTION });
    expect(balanceRequestOf({ ...DEFAULT_BALANCE_FORM, year: 2022, everyYear: true }, base).future).toMatchObject({ year: 2022, everyYear: true });
  });

  it('names each school over its limits in some planned year once, with the first such year', () => {
    const school = (id: string, oversize: boolean, classesOverCap: number) => ({ id, enrollment: 1000, oversize, classesOverCap, ownership: 'public' }) as SchoolResult;
    const result = (...schools: SchoolResult[]) => ({ schools, summary: {} }) as SimulationResult;
    const breaks = firstYearBreaks([
      { year: 2021, result: result(school('A', false, 0), school('B', false, 1)) },
      { year: 2022, result: result(school('A', true, 0), school('B', false, 3)) },
    ]);
    expect(breaks.map((b) => [b.id, b.year, b.classesOverCap])).toEqual([['B', 2021, 1], ['A', 2022, 0]]);
  });
});

describe('schools next to a school over its limits', () => {
  // Four units in a row (u0–u1–u2–u3): u0, u1 with S0, u2 with S1, u3 with S2.
  const input = gridInput({ w: 4, h: 1, schools: [{ at: [0, 0] }, { at: [2, 0] }, { at: [3, 0] }], pupils: [{ 1: 1 }, { 1: 1 }, { 1: 1 }, { 1: 1 }], home: [0, 0, 1, 2] });

  it('are the over-limit schools and those owning a unit that borders one of theirs', () => {
    expect(computeSchoolsNearOver(input, new Set(['S0']))).toEqual(['S0', 'S1']);
    expect(computeSchoolsNearOver(input, new Set(['S2']))).toEqual(['S1', 'S2']);
    expect(computeSchoolsNearOver(input, new Set(['S1']))).toEqual(['S0', 'S1', 'S2']);
    expect(computeSchoolsNearOver(input, new Set())).toEqual([]);
  });

  it('are only the over-limit schools when the units have no adjacency', () => {
    const bare = { ...input, levels: input.levels.map((l) => ({ ...l, adjacency: undefined })) };
    expect(computeSchoolsNearOver(bare, new Set(['S0']))).toEqual(['S0']);
  });
});

describe('moves on the map', () => {
  const units = { type: 'FeatureCollection' as const, features: [['U1', 118.7, 36.8], ['U2', 118.71, 36.81]].map(([id, x, y]) => ({ type: 'Feature' as const, properties: { id }, geometry: { type: 'Point' as const, coordinates: [x as number, y as number] } })) };
  const schools = [{ id: 'P02', lon: 118.75, lat: 36.85 }, { id: 'P03', lon: 118.6, lat: 36.9 }] as School[];

  it('draw each kept move as its unit point and a line to its new school; removed moves and units without a point are left out', () => {
    const fc = computeMoveFeatures(MOVES, [1], units, schools);
    expect(fc.features).toEqual([
      { type: 'Feature', properties: { level: 'primary', from: 'P01', to: 'P02', index: 0 }, geometry: { type: 'LineString', coordinates: [[118.7, 36.8], [118.75, 36.85]] } },
      { type: 'Feature', properties: { level: 'primary', from: 'P01', to: 'P02', index: 0 }, geometry: { type: 'Point', coordinates: [118.7, 36.8] } },
    ]);
    expect(computeMoveFeatures(MOVES, [], units, schools).features.map((f) => f.properties!.index)).toEqual([0, 0, 1, 1]);
  });
});
