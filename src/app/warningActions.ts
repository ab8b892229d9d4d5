import * as Comlink from 'comlink';
import { describeEditProblem } from '../core/editProblems';
import { DEFAULT_WARNING, type WarningSettings } from '../core/warning/settings';
import { useAppStore, type AppState } from '../store/store';
import type { WarningRequest } from '../../workers/warningRun';
import { setProfile } from './editActions';
import { currentEngine } from './engineClient';
import { EngineFault } from './engineCalls';
import { activeScenario } from './scenarioActions';

/** The warning request of the active scenario: its edits, rules and projection, and the profile's warning settings. */
export function warningRequest(s: AppState = useAppStore.getState()): WarningRequest | undefined {
  const doc = activeScenario(s);
  return doc && { edits: doc.edits, rules: doc.rules, projection: doc.projection, warning: s.profile.warning ?? DEFAULT_WARNING };
}

/** What a warning was computed from (with the planner's rule settings, which set the intake's caps): one whose fingerprint differs is stale. */
export function warningFingerprint(r: WarningRequest, s: Pick<AppState, 'overlapRule' | 'limits'>): string {
  return JSON.stringify([r.edits, r.rules, r.projection, r.warning, s.overlapRule, s.limits]);
}

/** Whether the warning at hand belongs to the active scenario as it is now. */
export function warningFresh(s: AppState = useAppStore.getState()): boolean {
  const r = warningRequest(s);
  return !!r && s.warning?.fingerprint === warningFingerprint(r, s);
}

/**
 * Computes the active scenario's warning in the worker, with progress in the store; a newer call
 * or cancelWarning stops the one running (it leaves the warning at hand as it was). A refused
 * edit or an engine fault is kept as the warning's error.
 */
export async function computeWarning(): Promise<void> {
  const engine = currentEngine();
  const asked = useAppStore.getState();
  const r = warningRequest(asked);
  if (!engine || !r) return;
  useAppStore.setState({ warningProgress: 0, warningError: undefined });
  const progress = Comlink.proxy((f: number) => {
    if (useAppStore.getState().warningProgress !== undefined) useAppStore.setState({ warningProgress: f });
  });
  try {
    const outcome = await engine.remote.warning(r, progress);
    if (outcome.ok) useAppStore.setState({ warning: { fingerprint: warningFingerprint(r, asked), view: outcome.view }, warningProgress: undefined });
    else if (!outcome.cancelled) {
      const { locale } = useAppStore.getState();
      useAppStore.setState({ warningError: { problem: outcome.problem, fault: describeEditProblem(outcome.problem.code, outcome.problem.params, locale) }, warningProgress: undefined });
    }
  } catch (e) {
    if (!(e instanceof EngineFault)) throw e;
    useAppStore.setState({ warningError: { fault: e.detail || e.reason }, warningProgress: undefined });
  }
}

/** Stops the warning being computed; the warning at hand stays. */
export function cancelWarning(): void {
  useAppStore.setState({ warningProgress: undefined });
  void currentEngine()?.remote.cancelWarning();
}

/** Opens or closes the warning drawer; opening computes the warning when it is stale. */
export function openWarning(open: boolean): void {
  useAppStore.setState({ warningOpen: open });
  if (open && !warningFresh() && useAppStore.getState().warningProgress === undefined) void computeWarning();
}

/** Changes the warning settings of the standards profile (saved with it) and computes the warning again. */
export async function setWarningSettings(warning: WarningSettings): Promise<void> {
  await setProfile({ ...useAppStore.getState().profile, warning });
  await computeWarning();
}
