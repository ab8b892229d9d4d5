import { describe, expect, it } from 'vitest';
import { createBalanceApi, type BalanceReport } from '../../workers/balanceApi';
import { gridInput, SMALL_SETTINGS } from './balanceFixture';

/** A 12 × 12 grid county with 4 schools, one of them over its rooms: enough search for a run to be stopped midway. */
const input = gridInput({
  w: 12,
  h: 12,
  schools: [{ at: [1, 1], rooms: 20 }, { at: [10, 1], rooms: 40 }, { at: [1, 10], rooms: 40 }, { at: [10, 10], rooms: 40 }],
  pupils: Array.from({ length: 144 }, (_, u) => ({ 1: 20 + (u % 7), 2: 15 + (u % 5) })),
});

describe('balance worker API', () => {
  it('reports progress with the best plan, and a cancel answers the best plan so far', async () => {
    const api = createBalanceApi({ sliceMs: 5, reportMs: 0 });
    const reports: BalanceReport[] = [];
    let cancelledAt = -1;
    const done = api.run(input, { ...SMALL_SETTINGS, iterations: 1_000_000 }, (r) => {
      reports.push(r);
      // Cancelled in the search, once the repair has made a plan that meets the limits.
      if (cancelledAt < 0 && r.progress.phase === 'search') {
        cancelledAt = reports.length;
        api.cancel();
      }
    });
    const final = await done;
    expect(cancelledAt).toBeGreaterThan(0);
    expect(reports.length).toBe(cancelledAt + 1);
    expect(final.progress.phase).toBe('done');
    expect(final.progress.iteration).toBeLessThan(1_000_000);
    expect(final.plan.limitsMet).toBe(true);
    // The plan answered is the best one: never worse than any reported before.
    for (const r of reports) expect(final.plan.objective.moved).toBeLessThanOrEqual(r.plan.objective.moved + (r.plan.limitsMet ? 0 : Infinity));
    expect(reports.at(-1)).toEqual(final);
  });

  it('runs to the end without a cancel, the same plan as runBalance for the same seed and iterations', async () => {
    const api = createBalanceApi({ sliceMs: 2, reportMs: 1000 });
    const a = await api.run(input, { ...SMALL_SETTINGS, iterations: 20 });
    const b = await createBalanceApi({ sliceMs: 50, reportMs: 1000 }).run(input, { ...SMALL_SETTINGS, iterations: 20 });
    expect(a.plan).toEqual(b.plan);
    expect(a.progress.iteration).toBe(20);
  });
});
