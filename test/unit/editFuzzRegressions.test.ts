// The edit-campaign cases of seed 1 that failed before zone edits were made robust (clip.ts,
// cleanGeometry.ts): polyclip threw "Unable to complete output ring" or overflowed its stack in
// isExteriorRing on near-coincident edges of the messy county, and the session refused the
// planner's valid edit as an engine error (case 1027: that error, with a fault injected in the same
// edit, left the session unable to restore itself). Each is replayed step by step through the edit
// session with every check of the campaign (incremental = from scratch, counts reconcile, undo and
// redo exact, refusals change nothing, clean outlines; an engine error is a failure unless an
// injected fault caused it). Replay one by hand with
// `npm run fuzz -- --only edits --seed 1 --case <k>` (FUZZ_TRACE=1 lists its steps).
import { describe, expect, it } from 'vitest';
import { runEditCase } from '../fuzz/editCampaign';

/** Case → the step that failed and how, before the fix. */
const PINNED = new Map<number, string>([
  [255, 'step 3, shareArea: Maximum call stack size exceeded'],
  [261, 'step 5, shareArea: Unable to complete output ring'],
  [1027, 'step 6, split → assignArea with a fault: the session could not be restored'],
  [3672, 'step 7, moveVertex: Maximum call stack size exceeded'],
  [5141, 'step 5, shareArea: Unable to complete output ring'],
  [7579, 'step 3, split → assignArea: Unable to complete output ring'],
  [8445, 'step 1, assignArea: Unable to complete output ring'],
]);

describe('edit campaign cases of seed 1 that polyclip failed on (near-coincident edges)', () => {
  for (const [k, before] of PINNED) {
    it(`case ${k} (before: ${before}) keeps every invariant and applies its edits`, () => {
      const report = runEditCase(1, k, { faults: true, maxSteps: 10 });
      expect(report.failures).toEqual([]);
      expect(report.notes.applied).toBeGreaterThan(0);
    }, 60_000);
  }
});

// Cases of seed 20261204: four failed before a change of the overlap rule made the session's
// history again (the session kept the zones its unit reassignments had made under the old rule's
// unit cells, while a reload, which replays the edits, gave the new rule's: reopening a scenario
// changed its zones); one before a unit's cell was joined from its pieces by the robust polygon
// operations (polyclip threw on near-coincident edges and the valid edit was an engine error).
const SEED_20261204 = new Map<number, string>([
  [129, 'step 10, restore after a rules change: reopened state differs'],
  [1594, 'step 3, rules change after assignUnits: replayed state differs'],
  [1788, 'step 5, shareArea after a rules change: replayed state differs'],
  [9125, 'step 9, shareArea after a rules change: replayed state differs'],
  [8539, 'step 1, assignUnits: Unable to complete output ring'],
]);

describe('edit campaign cases of seed 20261204: rules changes after unit reassignments, a unit cell on near-coincident edges', () => {
  for (const [k, before] of SEED_20261204) {
    it(`case ${k} (before: ${before}) keeps every invariant and applies its edits`, () => {
      const report = runEditCase(20261204, k, { faults: true, maxSteps: 10 });
      expect(report.failures).toEqual([]);
      expect(report.notes.applied).toBeGreaterThan(0);
    }, 60_000);
  }
});
