// A small fixed seed set of the fuzz campaign (`npm run fuzz`, test/fuzz), run with the unit tests:
// edit sequences through the worker's edit session, and damaged input files through the CLI's
// reading path. Each case checks its invariants itself (see runEditCase and runFileCase); a
// failing case's message names the seed, the case and what broke, and
// `npm run fuzz -- --only <campaign> --seed <seed> --case <k>` replays it.
import { describe, expect, it } from 'vitest';
import { runEditCase } from '../fuzz/editCampaign';
import { runFileCase } from '../fuzz/fileCampaign';
import type { CaseReport } from '../fuzz/report';

const SEED = 1;

/** The failures of a case as lines that say how to replay it; [] when it passed. */
function failuresOf(campaign: string, k: number, report: CaseReport, extra = ''): string[] {
  return report.failures.map((f) => `${f.kind}: ${f.message} — npm run fuzz -- --only ${campaign} --seed ${SEED} --case ${k}${extra}`);
}

describe('fuzz smoke: edit sequences', () => {
  it('20 sequences of seed 1 (every dataset kind, faults injected) keep every invariant', () => {
    const failures: string[] = [];
    const did: Record<string, number> = {};
    for (let k = 0; k < 20; k++) {
      const report = runEditCase(SEED, k, { faults: true, maxSteps: 10 });
      failures.push(...failuresOf('edits', k, report));
      for (const [key, n] of Object.entries(report.notes)) did[key] = (did[key] ?? 0) + n;
    }
    expect(failures).toEqual([]);
    // The sequences did what they are for: edits applied, undone, redone and refused.
    expect(did.applied).toBeGreaterThan(40);
    expect(did.undo).toBeGreaterThan(5);
    expect(did['faults fired']).toBeGreaterThan(0);
    expect(did.refused).toBeGreaterThan(5);
  }, 120_000);

  it('2 sequences on the Shouguang sample (real zones, shared zones drawn over them)', () => {
    for (const k of [0, 1]) expect(failuresOf('edits', k, runEditCase(SEED, k, { faults: false, maxSteps: 6, dataset: 'shouguangSample' }), ' --no-faults --steps 6 --dataset shouguangSample')).toEqual([]);
  }, 120_000);
});

describe('fuzz smoke: damaged files', () => {
  it('25 damaged input sets of seed 1 are refused by name or loaded with reconciled counts and clean messages', async () => {
    const failures: string[] = [];
    let loaded = 0;
    for (let k = 0; k < 25; k++) {
      const report = await runFileCase(SEED, k, { budgetMs: 20_000 });
      failures.push(...failuresOf('files', k, report));
      loaded += report.notes.loaded ?? 0;
    }
    expect(failures).toEqual([]);
    expect(loaded).toBeGreaterThan(2);
  }, 120_000);
});

