import type { Dataset } from '../src/core/dataset';
import type { EditProblem } from '../src/core/editProblems';
import { computePointSchools } from '../src/core/pointSchools';
import { ZONE_LEVELS, type Rules, type ZoneLevel } from '../src/core/rules';
import type { ProjectionSettings, ScenarioRules } from '../src/core/scenarioRules';
import { computeBacktest, type BacktestResult } from '../src/core/warning/backtest';
import { createRangesRun } from '../src/core/warning/ranges';
import type { WarningSettings } from '../src/core/warning/settings';
import { computeWarningBase, type WarningRow } from '../src/core/warning/warning';
import { EditError, type ZoneEdit } from '../src/core/zoneEdits';
import type { ZoneState } from '../src/core/zoneState';
import { yieldToCalls } from './yieldToCalls';

/** A scenario to warn about: its edits from the dataset's own zoning, its rules and projection, and the profile's warning settings. */
export interface WarningRequest {
  edits: ZoneEdit[];
  rules: ScenarioRules;
  projection: ProjectionSettings;
  warning: WarningSettings;
}

/** The warning of a scenario as the page shows it: a row per school, entry grade and year with its range, and the back-test when the dataset has history. */
export interface WarningView {
  baseYear: number;
  settings: WarningSettings;
  rows: WarningRow[];
  backtest?: BacktestResult;
  /** Years of the history the back-test used. */
  historyYears: number[];
  /** Per level, the ids of the compounds and villages (units) each school's zone holds under the scenario, for the notice. */
  zoneUnits: Record<ZoneLevel, Record<string, string[]>>;
  /** ms: the projection split into terms, then the draws. */
  projectMs: number;
  drawMs: number;
}

/** The outcome of a warning call: the view, a stop asked for by the page, or an edit of the scenario refused. */
export type WarningOutcome = { ok: true; view: WarningView } | { ok: false; cancelled: true } | { ok: false; cancelled: false; problem: EditProblem };

/** Draws run between two looks at the message queue (a cancel) and two progress reports. */
const DRAWS_PER_STEP = 50;

// The back-test depends on the dataset's own zoning only: computed once per dataset and settings.
const backtests = new WeakMap<Dataset, Map<string, BacktestResult>>();

function backtestOf(dataset: Dataset, projection: ProjectionSettings, rules: Rules): BacktestResult | undefined {
  if (!dataset.history || dataset.history.years.length === 0) return undefined;
  const key = JSON.stringify([projection.progression, rules]);
  const cache = backtests.get(dataset) ?? new Map<string, BacktestResult>();
  backtests.set(dataset, cache);
  let result = cache.get(key);
  if (!result) cache.set(key, (result = computeBacktest(dataset, dataset.history, projection, rules)));
  return result;
}

/** Per level, the units (ids) each school's own zone holds under `state`; units in shared zones are left out. */
function unitsByZone(dataset: Dataset, state: ZoneState, rules: Rules): Record<ZoneLevel, Record<string, string[]>> {
  const U = dataset.unitIds.length;
  const index = Int32Array.from({ length: U }, (_, u) => u);
  const S = dataset.schools.length;
  const out = { primary: {}, junior: {} } as Record<ZoneLevel, Record<string, string[]>>;
  for (const level of ZONE_LEVELS) {
    const schoolOf = computePointSchools(state, level, dataset.unitX, dataset.unitY, index, rules.overlapRule, S);
    for (let u = 0; u < U; u++) {
      const s = schoolOf[u];
      if (s < 0 || s >= S) continue;
      (out[level][dataset.schools[s].id] ??= []).push(dataset.unitIds[u]);
    }
  }
  return out;
}

/**
 * Computes a scenario's warning in the worker: replays its edits, splits its projection into terms
 * (computeWarningBase), then runs the seeded draws in steps, telling `onProgress` the share done
 * (0..1) and looking between steps whether `stopped()` says the page has asked to stop.
 */
export async function runWarning(
  dataset: Dataset,
  request: WarningRequest,
  stateAfter: (edits: ZoneEdit[]) => ZoneState,
  rules: Rules,
  stopped: () => boolean,
  onProgress?: (fraction: number) => void,
): Promise<WarningOutcome> {
  let state: ZoneState;
  try {
    state = stateAfter(request.edits);
  } catch (e) {
    if (!(e instanceof EditError)) throw e;
    return { ok: false, cancelled: false, problem: { code: e.code, params: e.params } };
  }
  const t0 = performance.now();
  const base = computeWarningBase({ dataset, state, scenario: request.rules, settings: request.projection, rules }, request.warning, dataset.intakePlan);
  const t1 = performance.now();
  const run = createRangesRun(base, request.projection, dataset.housing ?? [], request.warning.spreads, request.warning.draws, request.warning.seed);
  onProgress?.(0);
  while (run.done < run.total) {
    await yieldToCalls();
    if (stopped()) return { ok: false, cancelled: true };
    run.step(DRAWS_PER_STEP);
    onProgress?.(run.done / run.total);
  }
  run.finish();
  const t2 = performance.now();
  return {
    ok: true,
    view: {
      baseYear: dataset.baseYear,
      settings: request.warning,
      rows: base.rows,
      backtest: backtestOf(dataset, request.projection, rules),
      historyYears: dataset.history?.years ?? [],
      zoneUnits: unitsByZone(dataset, state, rules),
      projectMs: t1 - t0,
      drawMs: t2 - t1,
    },
  };
}
