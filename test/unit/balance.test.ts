import { describe, expect, it } from 'vitest';
import { computeLimitExcess } from '../../src/core/balance/mustLeave';
import { runBalance } from '../../src/core/balance/run';
import { parseBalanceSettings } from '../../src/core/balance/settings';
import { bruteForceOptimum, referenceMustLeave, referenceObjective } from '../reference/balanceReference';
import { gridInput, SMALL_SETTINGS, type GridCounty } from './balanceFixture';

const cap = [0, 45, 45, 45, 45, 45, 45, 50, 50, 50];
const counts = (byGrade: Record<number, number>) => Array.from({ length: 10 }, (_, g) => byGrade[g] ?? 0);

describe('pupils who must leave', () => {
  it('is the DOMAIN worked example: rooms 6, grades 130/100/61 need 3+3+2 = 8 classes, 2 rooms short; the cheapest two last classes are 10 (grade 2) and 16 (grade 3)', () => {
    const e = computeLimitExcess(counts({ 1: 130, 2: 100, 3: 61 }), 0, cap, 6, 2000);
    expect(e).toEqual({ pupilsOver: 0, roomsShort: 2, mustLeave: 26 });
  });

  it('counts full classes once the last classes are taken: 4 rooms for 91 + 91 pupils of grades 1 and 2 (3 classes each) → 2 short, 1 + 1 pupils', () => {
    expect(computeLimitExcess(counts({ 1: 91, 2: 91 }), 0, cap, 4, 2000).mustLeave).toBe(2);
    expect(computeLimitExcess(counts({ 1: 91, 2: 91 }), 0, cap, 3, 2000).mustLeave).toBe(1 + 1 + 45);
  });

  it('takes the size limit when it asks for more: 2100 pupils, enough rooms → 100', () => {
    expect(computeLimitExcess(counts({ 1: 700, 2: 700, 3: 700 }), 0, cap, 60, 2000)).toEqual({ pupilsOver: 100, roomsShort: 0, mustLeave: 100 });
  });

  it('is 0 without a room limit under the size limit', () => {
    expect(computeLimitExcess(counts({ 1: 500 }), 0, cap, undefined, 2000).mustLeave).toBe(0);
  });

  it('equals the plain reference on every count of grades 1, 2 and 7 up to 100 with 0–5 rooms', () => {
    let checked = 0;
    for (let a = 0; a <= 100; a += 7) for (let b = 0; b <= 100; b += 9) for (let c = 0; c <= 100; c += 11) for (let rooms = 0; rooms <= 5; rooms++) {
      const n = counts({ 1: a, 2: b, 7: c });
      expect(computeLimitExcess(n, 0, cap, rooms, 150).mustLeave).toBe(referenceMustLeave(n, cap, rooms, 150));
      checked++;
    }
    expect(checked).toBe(15 * 12 * 10 * 6);
  });
});

/** The plan's objective equals the brute-force optimum (distances to rounding). */
function expectOptimal(got: { violation: number; moved: number; addedKm: number }, best: { violation: number; moved: number; addedKm: number }): void {
  expect(got.violation).toBe(best.violation);
  expect(got.moved).toBe(best.moved);
  expect(got.addedKm).toBeCloseTo(best.addedKm, 9);
}

/** 3 × 2 grid: S0 at (0,0) with 2 rooms holds units 0, 1, 3 (40 + 35 + 31 grade-1 pupils: 3 classes); S1 at (2,1) has room. */
const twoSchools: GridCounty = {
  w: 3,
  h: 2,
  schools: [{ at: [0, 0], rooms: 2 }, { at: [2, 1], rooms: 6 }],
  pupils: [{ 1: 40 }, { 1: 35 }, { 1: 10 }, { 1: 31 }, { 1: 20 }, { 1: 30 }],
};

describe('balancing small counties', () => {
  it('moves the cheapest border unit: unit 3 (31 entrants, cost 15.5) from S0 to S1, and no other', () => {
    const input = gridInput(twoSchools);
    const { plan } = runBalance(input, SMALL_SETTINGS);
    expect(plan.moves.map((m) => [m.unitId, m.from, m.to, m.reason])).toEqual([['u3', 'S0', 'S1', 'relieve']]);
    expect(plan.moves[0].edit).toEqual({ op: 'assignUnits', level: 'primary', schoolId: 'S1', unitIds: ['u3'] });
    expect(plan.moves[0].pupilsByGrade).toEqual([0, 31, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(plan.objective.violation).toBe(0);
    expect(plan.objective.moved).toBe(15.5);
    expect(plan).toMatchObject({ pupilsMoved: 31, unitsMoved: 1, limitsMet: true, failures: [], contiguityChecked: true });
    expectOptimal(plan.objective, bruteForceOptimum(input, SMALL_SETTINGS));
  });

  it('never moves a locked unit: with unit 3 locked, unit 1 (35 pupils, 17.5) goes instead', () => {
    const input = gridInput({ ...twoSchools, lockedUnits: [3] });
    const { plan } = runBalance(input, SMALL_SETTINGS);
    expect(plan.moves.map((m) => m.unitId)).toEqual(['u1']);
    expect(plan.objective.moved).toBe(17.5);
  });

  it('keeps zones contiguous: a 4 × 1 strip can only give the unit next to the other zone', () => {
    // S0 at x=0 holds units 0, 1, 2 (45 + 10 + 45 grade-2 pupils in 2 rooms); S1 at x=3 holds unit 3.
    const input = gridInput({ w: 4, h: 1, schools: [{ at: [0, 0], rooms: 2 }, { at: [3, 0], rooms: 5 }], pupils: [{ 2: 45 }, { 2: 10 }, { 2: 45 }, { 2: 5 }], home: [0, 0, 0, 1] });
    const { plan } = runBalance(input, SMALL_SETTINGS);
    // Unit 1 alone (10 pupils) would be the cheapest, but it would leave unit 2 cut off.
    expect(plan.moves.map((m) => m.unitId)).toEqual(['u2']);
    expect(plan.objective).toEqual({ violation: 0, moved: 45, addedKm: expect.any(Number) });
    expectOptimal(plan.objective, bruteForceOptimum(input, SMALL_SETTINGS));
  });

  it('returns the least-violating plan when the rooms in reach are too few, saying how many are missing', () => {
    // 3 units of 45 grade-3 pupils each, 1 room in S0 and 1 in S1: 3 classes, 2 rooms.
    const input = gridInput({ w: 3, h: 1, schools: [{ at: [0, 0], rooms: 1 }, { at: [2, 0], rooms: 1 }], pupils: [{ 3: 45 }, { 3: 45 }, { 3: 45 }], home: [0, 0, 1] });
    const { plan } = runBalance(input, SMALL_SETTINGS);
    expect(plan.limitsMet).toBe(false);
    expect(plan.objective.violation).toBe(45);
    expect(plan.failures).toEqual([{ schoolId: 'S0', year: 2024, pupilsOver: 0, roomsShort: 1, mustLeave: 45 }]);
    expect(plan.moves).toEqual([]);
  });

  it('never sends pupils to a private or closed school, nor out of a locked zone', () => {
    const input = gridInput({ ...twoSchools, schools: [{ at: [0, 0], rooms: 2 }, { at: [2, 1], rooms: 6, public: false }] });
    // S1 private keeps its units (home is the nearest school, private or not, in this fixture).
    expect(runBalance(input, SMALL_SETTINGS).plan.moves).toEqual([]);
    const closed = gridInput({ ...twoSchools, home: [0, 0, 1, 0, 1, 1], schools: [{ at: [0, 0], rooms: 2 }, { at: [2, 1], rooms: 6 }, { at: [1, 1], rooms: 9, open: false }] });
    expect(runBalance(closed, SMALL_SETTINGS).plan.moves.map((m) => m.to)).not.toContain('S2');
    const locked = gridInput({ ...twoSchools, schools: [{ at: [0, 0], rooms: 2, locked: true }, { at: [2, 1], rooms: 6 }] });
    const plan = runBalance(locked, SMALL_SETTINGS).plan;
    expect(plan.moves).toEqual([]);
    expect(plan.failures).toEqual([{ schoolId: 'S0', year: 2024, pupilsOver: 0, roomsShort: 1, mustLeave: 16 }]);
  });

  it('gives the same plan for the same input, seed and iterations', () => {
    const input = gridInput({ w: 4, h: 4, schools: [{ at: [0, 0], rooms: 3 }, { at: [3, 0], rooms: 4 }, { at: [1, 3], rooms: 4 }], pupils: Array.from({ length: 16 }, (_, u) => ({ 1: 10 + ((u * 7) % 23), 4: 5 + ((u * 5) % 17) })) });
    const a = runBalance(input, { ...SMALL_SETTINGS, seed: 3, iterations: 50 }).plan;
    const b = runBalance(input, { ...SMALL_SETTINGS, seed: 3, iterations: 50 }).plan;
    expect(b).toEqual(a);
    expect(referenceObjective(input, SMALL_SETTINGS, targetsOf(input.unitIds, a.moves))).toMatchObject({ violation: a.objective.violation, moved: a.objective.moved });
  });
});

/** A plan's moves as the targets of the reference (−1: unmoved). */
export function targetsOf(unitIds: string[], moves: { unitId: string; to: string }[]): number[] {
  const t = unitIds.map(() => -1);
  for (const m of moves) t[unitIds.indexOf(m.unitId)] = Number(m.to.slice(1));
  return t;
}

describe('balance settings', () => {
  it('fills defaults and refuses bad values and unknown keys by name', () => {
    const ok = parseBalanceSettings({ seed: 9, maxAddedKm: 1.5 });
    expect(ok).toMatchObject({ settings: { seed: 9, maxAddedKm: 1.5, nearestSchools: 5, iterations: 400 } });
    expect(parseBalanceSettings({ seed: 1.5 })).toEqual({ error: 'seed must be a whole number ≥ 0, got 1.5' });
    expect(parseBalanceSettings({ entrantWeight: 2 })).toEqual({ error: 'entrantWeight must be a number ≥ 0 and ≤ 1, got 2' });
    expect(parseBalanceSettings({ maxDistance: 3 })).toEqual({ error: 'unknown key "maxDistance" in balance settings (did you mean "maxDistanceKm"?)' });
  });
});
