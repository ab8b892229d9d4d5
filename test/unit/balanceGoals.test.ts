import { describe, expect, it } from 'vitest';
import { runBalance } from '../../src/core/balance/run';
import { parseBalanceSettings } from '../../src/core/balance/settings';
import { gridInput, SMALL_SETTINGS } from './balanceFixture';

// A 3 × 1 strip: S0 at x=0 holds units 0 and 1 (60 + 50 grade-2 pupils), S1 at x=2 holds unit 2
// (40); 4 rooms each, so 180 seats each (4 × 45) and no limit is broken.
const strip = gridInput({ w: 3, h: 1, schools: [{ at: [0, 0], rooms: 4 }, { at: [2, 0], rooms: 4 }], pupils: [{ 2: 60 }, { 2: 50 }, { 2: 40 }], home: [0, 0, 1] });

describe('target utilization', () => {
  it('is off by default: a plan within every limit moves nothing', () => {
    const { plan } = runBalance(strip, SMALL_SETTINGS);
    expect(plan.moves).toEqual([]);
    expect(plan.objective).toEqual({ violation: 0, moved: 0, addedKm: 0 });
  });

  it('at 50 % (90 of 180 seats) moves unit 1 (50 pupils) to S1: 60 and 90 pupils, gap 0', () => {
    const { plan } = runBalance(strip, { ...SMALL_SETTINGS, targetUtilization: 0.5 });
    expect(plan.moves.map((m) => [m.unitId, m.from, m.to])).toEqual([['u1', 'S0', 'S1']]);
    expect(plan.objective).toMatchObject({ violation: 0, utilizationGap: 0, moved: 50 });
    expect(plan.limitsMet).toBe(true);
  });

  it('at 30 % (54 seats) narrows the gap as far as it goes: 110 − 54 = 56 unmoved, 6 + 36 = 42 with unit 1 moved', () => {
    const { plan } = runBalance(strip, { ...SMALL_SETTINGS, targetUtilization: 0.3 });
    expect(plan.moves.map((m) => m.unitId)).toEqual(['u1']);
    expect(plan.objective.utilizationGap).toBeCloseTo(42, 9);
  });

  it('is a fraction from 0 to 1 in the settings', () => {
    expect(parseBalanceSettings({ targetUtilization: 0.9 })).toMatchObject({ settings: { targetUtilization: 0.9 } });
    expect(parseBalanceSettings({ targetUtilization: 1.2 })).toEqual({ error: 'targetUtilization must be a number ≥ 0 and ≤ 1, got 1.2' });
  });
});

describe('minimum utilization of a school opening in the scenario', () => {
  // S1 (x=2, 2 rooms) opens with no zone; units 0, 1, 2 (30, 30, 20 entrants) are S0's. At 50 % S1
  // needs 45 pupils: unit 2 (its root, the unit nearest to it) and unit 1 next to it, 50 entrants.
  const opening = gridInput({ w: 3, h: 1, schools: [{ at: [0, 0], rooms: 4 }, { at: [2, 0], rooms: 2, opening: true }], pupils: [{ 1: 30 }, { 1: 30 }, { 1: 20 }], home: [0, 0, 0] });

  it('gives the new school a zone of units 1 and 2: 50 entrants at 0.5 each = 25', () => {
    const { plan } = runBalance(opening, { ...SMALL_SETTINGS, minOpeningUtilization: 0.5 });
    expect(plan.moves.map((m) => [m.unitId, m.to, m.reason])).toEqual([['u1', 'S1', 'fillNew'], ['u2', 'S1', 'fillNew']]);
    expect(plan.objective).toMatchObject({ violation: 0, utilizationGap: 0, moved: 25 });
  });

  it('without a minimum leaves the new school empty', () => {
    expect(runBalance(opening, SMALL_SETTINGS).plan.moves).toEqual([]);
  });
});
