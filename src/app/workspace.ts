import { sameLimits } from '../core/limits';
import { translate } from '../i18n/format';
import { useAppStore, type AppState, type ScenarioDoc } from '../store/store';
import { datasetKey, formerDatasetKey } from './datasetKey';
import { offerEarlierWork } from './earlierWork';
import { settleOutcome, setProfile } from './editActions';
import { currentEngine } from './engineClient';
import { keepBoth, readWorkspace, saveWorkspace, storageProblemOf, type Revisions, type StoredWorkspace, type WorkspaceChange } from './persistence';
import { fetchPupilLayers } from './pupilLayers';
import { currentScenarios, emptyScenario } from './scenarioActions';
import { announceSave, listenForSaves, type SaveNotice } from './workspaceChannel';


/** What this tab last read from or wrote to storage for the dataset it shows. */
interface Session {
  key: string;
  revisions: Revisions;
  /** Scenarios as last read or saved, by id. */
  saved: Map<string, ScenarioDoc>;
  /** The scenario order and settings as last read or saved; undefined before the first save. */
  meta?: { ids: string[]; profile: AppState['profile']; overlapRule: AppState['overlapRule']; limits: AppState['limits'] };
  active?: string;
}

/** Undefined while autosave is off: nothing read yet, the saved work unreadable, or storage blocked. */
let session: Session | undefined;

const sameDoc = (a: ScenarioDoc, b: ScenarioDoc) => a.name === b.name && a.edits === b.edits && a.redoEdits === b.redoEdits && a.rules === b.rules && a.projection === b.projection;
const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** What differs between the store and what was last saved: undefined when nothing does. */
function changeOf(s: AppState, sess: Session): WorkspaceChange | undefined {
  const docs = currentScenarios(s);
  const ids = docs.map((d) => d.id);
  const put = docs.filter((d) => {
    const saved = sess.saved.get(d.id);
    return !saved || !sameDoc(saved, d);
  });
  const remove = [...sess.saved.keys()].filter((id) => !ids.includes(id));
  const m = sess.meta;
  const meta = !m || !sameIds(m.ids, ids) || m.profile !== s.profile || m.overlapRule !== s.overlapRule || m.limits !== s.limits ? { scenarioIds: ids, profile: s.profile, overlapRule: s.overlapRule, limits: s.limits } : undefined;
  if (put.length === 0 && remove.length === 0 && !meta && sess.active === s.activeScenarioId) return undefined;
  return { put, remove, meta, activeScenarioId: s.activeScenarioId };
}

/** Scenario names as this tab last saved or read them (the names the planner knows), else as shown, else as another tab named them. */
function namesOf(sess: Session, ids: string[], fallback: Record<string, string> = {}): string[] {
  const docs = useAppStore.getState().scenarios;
  return ids.map((id) => sess.saved.get(id)?.name ?? docs.find((d) => d.id === id)?.name ?? fallback[id] ?? id);
}

/** Writes what changed since the last save, unless autosave is off or paused. */
async function saveNow(replaceAll = false): Promise<void> {
  const s = useAppStore.getState();
  const sess = session;
  if (!sess || !s.workspaceReady || !s.dataset || datasetKey(s.dataset) !== sess.key || s.readError || s.saveConflict?.blocked) return;
  const change = changeOf(s, sess);
  if (!change) return;
  try {
    const outcome = await saveWorkspace(sess.key, change, sess.revisions, replaceAll);
    if (session !== sess) return;
    if (!outcome.ok) {
      const { scenarioIds, meta } = outcome.conflict;
      useAppStore.setState({ saveConflict: { names: namesOf(sess, scenarioIds), settings: meta, blocked: true } });
      return;
    }
    sess.revisions = outcome.revisions;
    for (const doc of change.put) sess.saved.set(doc.id, doc);
    for (const id of change.remove) sess.saved.delete(id);
    if (change.meta) sess.meta = { ids: change.meta.scenarioIds, profile: change.meta.profile, overlapRule: s.overlapRule, limits: s.limits };
    sess.active = change.activeScenarioId;
    useAppStore.setState({ savedAt: Date.now(), saveError: undefined });
    if (change.put.length + change.remove.length > 0 || change.meta) {
      announceSave({ key: sess.key, meta: outcome.revisions.meta, scenarios: Object.fromEntries(change.put.map((d) => [d.id, outcome.revisions.scenarios[d.id]])), names: Object.fromEntries(change.put.map((d) => [d.id, d.name])), removed: change.remove });
    }
  } catch (e) {
    if (session === sess) useAppStore.setState({ saveError: storageProblemOf(e) });
  }
}

let queue: Promise<void> = Promise.resolve();

/** Queues a save: saves run one after another, each writing what differs at the time it runs. */
function scheduleSave(replaceAll = false): Promise<void> {
  queue = queue.then(() => saveNow(replaceAll));
  return queue;
}

/** Tells the planner at once when another tab saved newer versions of what this tab shows. */
function onOtherTabSave(notice: SaveNotice): void {
  const sess = session;
  if (!sess || notice.key !== sess.key) return;
  const known = sess.revisions.scenarios;
  const newer = Object.entries(notice.scenarios).filter(([id, revision]) => revision > (known[id] ?? 0)).map(([id]) => id);
  const removed = notice.removed.filter((id) => known[id] !== undefined);
  const settings = notice.meta > sess.revisions.meta;
  if (newer.length + removed.length === 0 && !settings) return;
  useAppStore.setState((s) => ({
    saveConflict: {
      names: [...new Set([...(s.saveConflict?.names ?? []), ...namesOf(sess, [...newer, ...removed], notice.names)])],
      settings: (s.saveConflict?.settings ?? false) || (settings && newer.length + removed.length === 0),
      blocked: s.saveConflict?.blocked ?? false,
    },
  }));
}

/** Opens the saved workspace: settings, scenarios, the active one in the worker; then autosave is on. */
async function openSaved(key: string, saved: StoredWorkspace): Promise<void> {
  const engine = currentEngine();
  if (!engine) return;
  const { locale } = useAppStore.getState();
  if (saved.profile) await setProfile(saved.profile);
  const now = useAppStore.getState();
  const overlapRule = saved.overlapRule ?? now.overlapRule;
  const limits = saved.limits && !sameLimits(saved.limits, now.limits) ? saved.limits : now.limits;
  if (overlapRule !== now.overlapRule || limits !== now.limits) {
    useAppStore.setState({ overlapRule, limits });
    await engine.remote.setRuleSettings({ overlapRule, limits });
  }
  const active = saved.scenarios.find((d) => d.id === saved.activeScenarioId) ?? saved.scenarios[0];
  const outcome = await engine.remote.openScenario(active.edits, active.redoEdits);
  const s = useAppStore.getState();
  // A migrated workspace has nothing in version-2 records yet: everything counts as unsaved.
  session = saved.migrated
    ? { key, revisions: saved.revisions, saved: new Map() }
    : { key, revisions: saved.revisions, saved: new Map(saved.scenarios.map((d) => [d.id, d])), meta: { ids: saved.scenarios.map((d) => d.id), profile: s.profile, overlapRule: s.overlapRule, limits: s.limits }, active: saved.activeScenarioId };
  const compareIds = s.compareIds.filter((id) => id === 'baseline' || saved.scenarios.some((d) => d.id === id));
  if (outcome.ok) {
    settleOutcome(outcome, { edits: active.edits, redoEdits: active.redoEdits, scenarios: saved.scenarios, activeScenarioId: active.id, compareIds });
    useAppStore.setState({ pupilLayers: await fetchPupilLayers(engine.remote) });
  } else {
    const fresh = emptyScenario(translate(locale, 'scenarioN', { n: saved.scenarios.length + 1 }));
    useAppStore.setState({ scenarios: [...saved.scenarios, fresh], activeScenarioId: fresh.id, edits: [], redoEdits: [], compareIds, editError: outcome.problem });
  }
  useAppStore.setState({ workspaceReady: true });
  await scheduleSave();
}

/** Opens one empty scenario, keeping autosave off (session undefined) unless `on`. */
function openFresh(key: string, on: boolean): void {
  const first = emptyScenario(translate(useAppStore.getState().locale, 'scenarioN', { n: 1 }));
  session = on ? { key, revisions: { meta: 0, scenarios: {} }, saved: new Map() } : undefined;
  useAppStore.setState({ scenarios: [first], activeScenarioId: first.id, edits: [], redoEdits: [], workspaceReady: true });
}

/**
 * Brings back the scenarios saved for the dataset just loaded (their edits, undo history and
 * rules) and reopens the one that was being edited; with nothing saved, starts one empty scenario.
 * Saved work that cannot be read is never taken for "nothing saved": the planner is told why and
 * autosave stays off until they decide (blocked storage: off for this visit). A saved scenario whose
 * edits no longer apply is kept as it is, and a new one is opened instead. Work saved for another
 * version of the dataset (same name, other rows) is then offered (offerEarlierWork).
 */
export async function restoreWorkspace(): Promise<void> {
  const { dataset } = useAppStore.getState();
  if (!dataset || !currentEngine()) return;
  const key = datasetKey(dataset);
  session = undefined;
  useAppStore.setState({ readError: undefined, saveError: undefined, saveConflict: undefined, savedAt: undefined, earlierWork: undefined });
  let saved: StoredWorkspace | undefined;
  try {
    saved = await readWorkspace(key, formerDatasetKey(dataset));
  } catch (e) {
    const problem = storageProblemOf(e);
    useAppStore.setState(problem.code === 'blocked' ? { saveError: problem } : { readError: problem });
    openFresh(key, false);
    return;
  }
  if (!saved) {
    openFresh(key, true);
    await scheduleSave();
  } else await openSaved(key, saved);
  await offerEarlierWork(key);
}

/**
 * Reads the saved workspace again and shows it in place of this tab's (after another tab saved
 * newer work), opening `activeId` when given. If it cannot be read, this tab's work stays on screen.
 */
export async function reloadSavedWork(activeId?: string): Promise<void> {
  const { dataset } = useAppStore.getState();
  if (!dataset || !currentEngine()) return;
  const key = datasetKey(dataset);
  let saved: StoredWorkspace | undefined;
  try {
    saved = await readWorkspace(key);
  } catch (e) {
    useAppStore.setState({ saveError: storageProblemOf(e) });
    return;
  }
  if (!saved) return;
  session = undefined;
  useAppStore.setState({ workspaceReady: false, saveConflict: undefined, saveError: undefined, readError: undefined, drawing: false, pendingArea: undefined, preview: undefined });
  await openSaved(key, activeId ? { ...saved, activeScenarioId: activeId } : saved);
}

/**
 * Keeps this tab's unsaved scenarios beside the newer ones another tab saved: each one the other
 * tab also changed is saved as a copy ("name（本页版本）"), then the saved work is read back.
 */
export async function keepBothVersions(): Promise<void> {
  const s = useAppStore.getState();
  const sess = session;
  if (!sess) return;
  const mine = changeOf(s, sess)?.put ?? [];
  try {
    const active = await keepBoth(sess.key, mine, s.activeScenarioId, sess.revisions, { profile: s.profile, overlapRule: s.overlapRule, limits: s.limits }, () => emptyScenario('').id, (name) => translate(s.locale, 'keptCopyName', { name }));
    await reloadSavedWork(active);
    const now = session;
    if (now) announceSave({ key: now.key, meta: now.revisions.meta, scenarios: now.revisions.scenarios, names: Object.fromEntries([...now.saved].map(([id, d]) => [id, d.name])), removed: [] });
  } catch (e) {
    useAppStore.setState({ saveError: storageProblemOf(e) });
  }
}

/** The planner chose to start afresh after a read error: deletes what was saved for the dataset and saves what is on screen. */
export async function overwriteSavedWork(): Promise<void> {
  const { dataset } = useAppStore.getState();
  if (!dataset) return;
  session = { key: datasetKey(dataset), revisions: { meta: 0, scenarios: {} }, saved: new Map() };
  useAppStore.setState({ readError: undefined });
  await scheduleSave(true);
}

/**
 * Saves the workspace to IndexedDB after every change of the scenarios, the history being edited,
 * the profile or the overlap rule, and listens for saves of other tabs.
 */
export function startAutosave(): () => void {
  const stopListening = listenForSaves(onOtherTabSave);
  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (!s.workspaceReady || !s.dataset) return;
    const changed = s.scenarios !== prev.scenarios || s.activeScenarioId !== prev.activeScenarioId || s.edits !== prev.edits || s.redoEdits !== prev.redoEdits || s.profile !== prev.profile || s.overlapRule !== prev.overlapRule || s.limits !== prev.limits;
    if (changed) void scheduleSave();
  });
  return () => {
    unsubscribe();
    stopListening();
  };
}
