import { translate } from '../i18n/format';
import { useAppStore, type AppState } from '../store/store';
import type { LoadSummary } from '../../workers/engineApi';
import { settleOutcome, setProfile } from './editActions';
import { currentEngine } from './engineClient';
import { loadWorkspace, saveWorkspace, type SavedWorkspace } from './persistence';
import { currentScenarios, emptyScenario } from './scenarioActions';

/** The key a dataset's workspace is saved under: its name, size and base year. */
export function datasetKey(d: LoadSummary): string {
  return `${d.name}|${d.baseYear}|${d.schools.length}|${d.rowsRead}`;
}

function snapshot(s: AppState): SavedWorkspace {
  return { version: 1, scenarios: currentScenarios(s), activeScenarioId: s.activeScenarioId, profile: s.profile, overlapRule: s.overlapRule, savedAt: Date.now() };
}

/**
 * Brings back the scenarios saved for the dataset just loaded (their edits, undo history and
 * rules) and reopens the one that was being edited; with nothing saved, starts one empty scenario.
 * A saved scenario whose edits no longer apply is kept as it is, and a new one is opened instead.
 */
export async function restoreWorkspace(): Promise<void> {
  const { dataset, locale } = useAppStore.getState();
  const engine = currentEngine();
  if (!dataset || !engine) return;
  const saved = await loadWorkspace(datasetKey(dataset)).catch(() => undefined);
  const first = emptyScenario(translate(locale, 'scenarioN', { n: 1 }));
  if (!saved) {
    useAppStore.setState({ scenarios: [first], activeScenarioId: first.id, workspaceReady: true });
    return;
  }
  if (saved.profile) await setProfile(saved.profile);
  if (saved.overlapRule && saved.overlapRule !== useAppStore.getState().overlapRule) {
    useAppStore.setState({ overlapRule: saved.overlapRule });
    await engine.remote.setOverlapRule(saved.overlapRule);
  }
  const active = saved.scenarios.find((d) => d.id === saved.activeScenarioId) ?? saved.scenarios[0];
  const outcome = await engine.remote.openScenario(active.edits, active.redoEdits);
  if (outcome.ok) {
    useAppStore.setState({ scenarios: saved.scenarios, activeScenarioId: active.id });
    await settleOutcome(outcome, { edits: active.edits, redoEdits: active.redoEdits });
  } else {
    const fresh = emptyScenario(translate(locale, 'scenarioN', { n: saved.scenarios.length + 1 }));
    useAppStore.setState({ scenarios: [...saved.scenarios, fresh], activeScenarioId: fresh.id, editError: outcome.problem });
  }
  useAppStore.setState({ workspaceReady: true });
}

let queue: Promise<void> = Promise.resolve();

/**
 * Saves the workspace to IndexedDB after every change of the scenarios, the history being edited
 * the profile or the overlap rule (saves run one after another, so the last change is the one kept).
 */
export function startAutosave(): () => void {
  return useAppStore.subscribe((s, prev) => {
    if (!s.workspaceReady || !s.dataset) return;
    const changed = s.scenarios !== prev.scenarios || s.activeScenarioId !== prev.activeScenarioId || s.edits !== prev.edits || s.redoEdits !== prev.redoEdits || s.profile !== prev.profile || s.overlapRule !== prev.overlapRule;
    if (!changed) return;
    const key = datasetKey(s.dataset);
    const data = snapshot(s);
    queue = queue.then(() => saveWorkspace(key, data)).then(
      () => useAppStore.setState({ savedAt: data.savedAt }),
      (e: Error) => useAppStore.setState({ saveError: e.message }),
    );
  });
}
