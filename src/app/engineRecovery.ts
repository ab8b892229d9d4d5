import type { InjectedFault } from '../../workers/engineApi';
import type { FileChoice, LoadOutcome } from '../../workers/loadContract';
import { NATIONAL_PROFILE } from '../core/standards';
import { applyZoneChanges } from '../io/zoneFeatures';
import { useAppStore, type EngineNotice } from '../store/store';
import { selectRuleSettings } from '../store/selectors';
import { callBudgetMs, type EngineSize } from './engineBudgets';
import { EngineFault, superviseWorker, type EngineRemote, type SupervisedWorker } from './engineCalls';
import { fetchPupilLayers } from './pupilLayers';
import { watchLifeLock } from '../../workers/lifeLock';
import { engineWorkerName } from '../../workers/engineWorkerName';
import { datasetKey } from './datasetKey';

/** How the current dataset was loaded, so that a fresh worker can load it again without the planner. */
export interface LoadRecipe {
  /** Loads the dataset again into `remote` (reading its files or snapshot again); `onProgress` is called as the load goes on. */
  load(remote: EngineRemote, onProgress: () => void): Promise<LoadOutcome>;
  /** The planner's choices of the mapping step ([] for files named as the data contract's, or the snapshot). */
  choices: FileChoice[];
  /** Size of the files, MB (for the load's time budget). */
  megabytes: number;
}

// A worker that fails again and again is not restarted forever: after this many restarts within
// the window the engine stops and the planner is asked to reload the page (the work is kept).
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 10 * 60_000;

// Calls that give the same answer when made again after the replay (it restores the page's
// history): they are retried once on the fresh worker. Edits, undo and redo are not: a step that
// met a fault is reported as not applied.
const RETRIED = new Set(['standards', 'setProfile', 'setRuleSettings', 'simulate', 'openScenario', 'project', 'changedAreas', 'zonesGeoJson', 'zonesShapefile', 'movedByUnit', 'previewArea', 'pupilDensity', 'pupilDots']);

let current: { engine: SupervisedWorker; recipe: LoadRecipe } | undefined;
let recovering: Promise<void> | undefined;
let stopped = false;
let restarts: number[] = [];
// Numbers the workers' names (their life locks' names, see lifeLock).
let workerCount = 0;

const currentSize = (): EngineSize => ({ pupils: useAppStore.getState().dataset?.pupilsLoaded ?? 0, megabytes: current?.recipe.megabytes ?? 0 });

/**
 * A fresh engine worker under supervision. Once it is the current one (adoptEngine) its budgets
 * follow the current dataset and a fault starts a recovery; before that (while it loads) they
 * follow `loadSize`, and a fault only fails the calls made to it. A worker given `prefetchUrl`
 * fetches that stored dataset at its start (see prefetchSnapshot).
 */
export function startSupervisedWorker(loadSize: () => EngineSize = currentSize, prefetchUrl?: string): SupervisedWorker {
  const name = engineWorkerName(`engine-${Date.now().toString(36)}-${(workerCount++).toString(36)}`, prefetchUrl);
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name });
  const isCurrent = () => current?.engine === engine;
  const engine: SupervisedWorker = superviseWorker(worker, {
    budgetMs: (method, args) => callBudgetMs(method, args, isCurrent() ? currentSize() : loadSize()),
    onFault: () => {
      if (isCurrent()) recovering ??= recover();
    },
    watchEnd: (onEnded) => watchLifeLock(name, onEnded),
  });
  return engine;
}

const notify = (engineNotice: EngineNotice | undefined) => useAppStore.setState({ engineNotice });

/**
 * Makes a loaded worker the current one (the previous one is stopped) and remembers how its
 * dataset was loaded. From now on its faults are recovered from.
 */
export function adoptEngine(engine: SupervisedWorker, recipe: LoadRecipe): void {
  current?.engine.stop();
  current = { engine, recipe };
  stopped = false;
  restarts = [];
  notify(undefined);
}

/** A reason recovery cannot go on (files no longer readable, or not the same dataset). */
class RecoveryFailure extends Error {}

/**
 * Loads the current dataset into a fresh worker and replays the page's history of the active
 * scenario (the page is the truth), with the same rule settings and profile. Resolves with the
 * worker, or rejects with EngineFault (it failed too) or RecoveryFailure.
 */
async function replay(recipe: LoadRecipe): Promise<SupervisedWorker> {
  const engine = startSupervisedWorker();
  try {
    await engine.remote.setRuleSettings(selectRuleSettings(useAppStore.getState()));
    // Its progress is its sign of life: the load is timed between progress reports.
    const outcome = await recipe.load(engine.remote, () => engine.beat());
    if (!outcome.ok) throw new RecoveryFailure(outcome.file ? `${outcome.file}: ${outcome.detail}` : outcome.detail);
    const { dataset, profile } = useAppStore.getState();
    if (!dataset || datasetKey(outcome.summary) !== datasetKey(dataset)) throw new RecoveryFailure('the files are no longer the ones loaded');
    await engine.remote.simulate();
    if (profile !== NATIONAL_PROFILE) await engine.remote.setProfile(profile);
    for (;;) {
      const { edits, redoEdits } = useAppStore.getState();
      const opened = await engine.remote.openScenario(edits, redoEdits);
      if (!opened.ok) throw new RecoveryFailure(`edit ${opened.index + 1} of the scenario is refused`);
      const now = useAppStore.getState();
      if (now.edits !== edits || now.redoEdits !== redoEdits) continue;
      const standards = await engine.remote.standards();
      const pupilLayers = await fetchPupilLayers(engine.remote);
      // The numbers follow from the history alone: they equal what the page shows unless the
      // fault came between an edit's numbers and its standards or dots, which this puts right.
      useAppStore.setState((s) => ({
        dataset: s.dataset && { ...s.dataset, zones: applyZoneChanges(s.dataset.zones, opened.zoneChanges) },
        result: opened.result,
        distance: opened.distance,
        movedDistance: opened.movedDistance,
        totalMoved: opened.totalMoved,
        lockedZones: opened.locked,
        standards,
        pupilLayers,
      }));
      return engine;
    }
  } catch (e) {
    engine.stop();
    throw e;
  }
}

/**
 * Replaces the failed worker: a fresh one loads the dataset again and replays the scenario; the
 * planner is told in one line. A worker that fails again is replaced again, up to MAX_RESTARTS
 * within RESTART_WINDOW_MS; after that, or when the files cannot be read again, the engine stops
 * and says so (the scenarios stay in the page and in the autosave).
 */
async function recover(): Promise<void> {
  try {
    notify({ code: 'engineRestarting' });
    for (;;) {
      const now = Date.now();
      restarts = restarts.filter((t) => now - t < RESTART_WINDOW_MS);
      if (!current || restarts.length >= MAX_RESTARTS) return stop({ code: 'engineStopped' });
      restarts.push(now);
      try {
        current.engine = await replay(current.recipe);
        notify({ code: 'engineRestarted' });
        return;
      } catch (e) {
        if (e instanceof RecoveryFailure) return stop({ code: 'engineRecoveryFailed', detail: e.message });
        if (!(e instanceof EngineFault)) return stop({ code: 'engineRecoveryFailed', detail: e instanceof Error ? e.message : String(e) });
      }
    }
  } finally {
    recovering = undefined;
  }
}

function stop(notice: EngineNotice) {
  stopped = true;
  current?.engine.stop();
  notify(notice);
}

/**
 * Calls the current engine: waits for a recovery under way; a call that met a worker fault and
 * gives the same answer on the replayed worker is made once more there; otherwise the EngineFault
 * reaches the caller (reason 'threw' for an error of the call itself, 'stopped' once the engine
 * has stopped).
 */
async function callCurrent(method: string, args: unknown[]): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    if (recovering) await recovering;
    if (stopped || !current) throw new EngineFault('stopped', method);
    try {
      return await (current.engine.remote[method as keyof EngineRemote] as (...a: unknown[]) => Promise<unknown>)(...args);
    } catch (e) {
      if (!(e instanceof EngineFault) || e.reason === 'threw' || attempt > 0 || !RETRIED.has(method)) throw e;
    }
  }
}

/** The current engine's API, supervised and recovered (see callCurrent). */
export const currentRemote = new Proxy({} as EngineRemote, {
  get: (_, name) => (typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => callCurrent(name, args) : undefined),
});

/** Whether a dataset is loaded in a worker (recovering or not). */
export const hasEngine = (): boolean => current !== undefined;

/**
 * Test-only (window.__planner.testFaults): injects a fault into the current worker — it hangs,
 * crashes, exits without a word, or throws inside its next edit.
 */
export async function injectFault(fault: InjectedFault): Promise<void> {
  if (!current) throw new Error('no dataset is loaded');
  await current.engine.raw.__injectFault(fault);
}
