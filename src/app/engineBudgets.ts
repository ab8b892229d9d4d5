import type { ScenarioRequest } from '../../workers/scenarioProjection';

/** What a call's time budget scales with: the pupils resident in the worker, the megabytes of files staged. */
export interface EngineSize {
  pupils: number;
  megabytes: number;
}

// Measured in Node on this project's machine (2 shared cores), the Shouguang dataset (121,429
// pupils) and 1,000,000 synthetic pupils on its zones: an edit 0.25 s (0.9 s with a rollback),
// undo 0.1–0.2 s, a full recompute 0.1–0.3 s, standards 0.1 s, opening a scenario of 10 edits
// 0.6–0.9 s, the changed areas of 10 edits 0.7–2.3 s, a ten-year projection of one scenario 2.6 s
// and 6 s, zone exports under 0.1 s; loading a million rows (74 MB) takes about 13 s in the browser.
// The budgets are 10–40 times these, so that only a worker that is dead or stuck runs out.
const QUICK_MS = 10_000;
const PER_MILLION_PUPILS_MS = 20_000;
const PER_EDIT_MS = 2_000;
const PROJECTION_MS = 30_000;
const PER_MEGABYTE_MS = 1_000;

const editsIn = (x: unknown): number => (Array.isArray(x) ? x.length : 0);

/**
 * The time (ms) a call to the engine worker may take before the worker is taken for hung: a few
 * seconds for edits, more with every edit a call replays, a scenario projected or a megabyte read.
 * Inspecting and loading files report progress, and each report gives the call its budget again.
 */
export function callBudgetMs(method: string, args: unknown[], size: EngineSize): number {
  const quick = QUICK_MS + (PER_MILLION_PUPILS_MS * size.pupils) / 1e6;
  switch (method) {
    case 'stage':
      return 30_000;
    case 'stagePicked':
    case 'inspect':
      return 30_000 + PER_MEGABYTE_MS * size.megabytes;
    case 'load':
      return 60_000 + PER_MEGABYTE_MS * size.megabytes;
    case 'openScenario':
      return quick + PER_EDIT_MS * (editsIn(args[0]) + editsIn(args[1]));
    case 'warning':
    case 'publication':
      // A projection, then draws that report progress (each report gives the call its budget again).
      return quick + PROJECTION_MS + (PROJECTION_MS * size.pupils) / 1e6 + PER_EDIT_MS * editsIn((args[0] as { edits?: unknown } | undefined)?.edits);
    case 'changedAreas':
    case 'checkEdits':
      return quick + PER_EDIT_MS * editsIn(args[0]);
    case 'project': {
      const requests = (args[0] ?? []) as ScenarioRequest[];
      return requests.reduce((ms, r) => ms + PROJECTION_MS + (PROJECTION_MS * size.pupils) / 1e6 + PER_EDIT_MS * r.edits.length, QUICK_MS);
    }
    default:
      return quick;
  }
}
