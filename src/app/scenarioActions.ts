import { DEFAULT_PROJECTION, NO_RULES, type ProjectionSettings, type ScenarioRules } from '../core/scenarioRules';
import { describeDataProblem } from '../core/dataProblems';
import type { EditProblem } from '../core/editProblems';
import { DataError } from '../io/dataError';
import { parseScenario } from '../io/parseScenario';
import { translate } from '../i18n/format';
import { BASELINE_ID, useAppStore, type AppState, type ScenarioDoc } from '../store/store';
import { engineProblem, settleOutcome } from './editActions';
import { fetchPupilLayers } from './pupilLayers';
import { currentEngine } from './engineClient';
import { EngineFault } from './engineCalls';
import { scenarioFileJson } from './scenarioFile';

let counter = 0;
const newId = () => `s${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A scenario with nothing in it yet. */
export function emptyScenario(name: string): ScenarioDoc {
  return { id: newId(), name, edits: [], redoEdits: [], rules: NO_RULES, projection: DEFAULT_PROJECTION };
}

/** The scenarios with the active one's history as it is now. */
export function currentScenarios(s: Pick<AppState, 'scenarios' | 'activeScenarioId' | 'edits' | 'redoEdits'>): ScenarioDoc[] {
  return s.scenarios.map((d) => (d.id === s.activeScenarioId ? { ...d, edits: s.edits, redoEdits: s.redoEdits } : d));
}

/** The active scenario (with its current history). */
export function activeScenario(s: AppState = useAppStore.getState()): ScenarioDoc | undefined {
  return currentScenarios(s).find((d) => d.id === s.activeScenarioId);
}

function nextName(): string {
  const { scenarios, locale } = useAppStore.getState();
  let n = scenarios.length + 1;
  while (scenarios.some((d) => d.name === translate(locale, 'scenarioN', { n }))) n++;
  return translate(locale, 'scenarioN', { n });
}

/** Why a scenario could not be opened: which of its edits (from 0) is refused, and why. */
export interface OpenRefusal {
  index: number;
  problem: EditProblem;
}

/**
 * Opens a scenario in the worker; on a refused edit nothing changes and the refusal is returned.
 * When the worker fails (twice: the open is retried on the restarted worker) nothing changes
 * either, and the refusal has index −1.
 */
async function open(doc: ScenarioDoc, scenarios: ScenarioDoc[]): Promise<true | OpenRefusal> {
  const engine = currentEngine();
  // The scenario controls only show once a dataset is loaded.
  if (!engine) throw new Error('no dataset is loaded');
  let outcome: Awaited<ReturnType<typeof engine.remote.openScenario>>;
  try {
    outcome = await engine.remote.openScenario(doc.edits, doc.redoEdits);
  } catch (e) {
    const problem = engineProblem(e);
    useAppStore.setState({ editError: problem });
    return { index: -1, problem };
  }
  if (!outcome.ok) {
    useAppStore.setState({ editError: outcome.problem });
    return { index: outcome.index, problem: outcome.problem };
  }
  // One update, so that autosave never sees the new scenario with the old one's history.
  settleOutcome(outcome, { edits: doc.edits, redoEdits: doc.redoEdits, scenarios, activeScenarioId: doc.id, drawing: false });
  // Another scenario may leave other pupils outside every zone: redraw the pupils (after a fault
  // in between, the replay redraws them).
  try {
    useAppStore.setState({ pupilLayers: await fetchPupilLayers(engine.remote) });
  } catch (e) {
    if (!(e instanceof EngineFault)) throw e;
  }
  return true;
}

const opened = async (p: Promise<true | OpenRefusal>) => (await p) === true;

/** Makes another scenario the one being edited. */
export function switchScenario(id: string): Promise<boolean> {
  const s = useAppStore.getState();
  const docs = currentScenarios(s);
  const doc = docs.find((d) => d.id === id);
  return doc && id !== s.activeScenarioId ? opened(open(doc, docs)) : Promise.resolve(false);
}

/** Starts a new, empty scenario and edits it. */
export function createScenario(): Promise<boolean> {
  const doc = emptyScenario(nextName());
  return opened(open(doc, [...currentScenarios(useAppStore.getState()), doc]));
}

/** Copies a scenario (edits, undo history, rules) under a new name and edits the copy. */
export function duplicateScenario(id: string): Promise<boolean> {
  const s = useAppStore.getState();
  const docs = currentScenarios(s);
  const source = docs.find((d) => d.id === id);
  if (!source) return Promise.resolve(false);
  const copy = { ...source, id: newId(), name: translate(s.locale, 'copyOf', { name: source.name }) };
  return opened(open(copy, [...docs, copy]));
}

/** Renames a scenario (a blank name is ignored). */
export function renameScenario(id: string, name: string): void {
  if (name.trim() === '') return;
  useAppStore.setState((s) => ({ scenarios: s.scenarios.map((d) => (d.id === id ? { ...d, name: name.trim() } : d)) }));
}

/** Deletes a scenario; the last one cannot go. Deleting the active one opens its neighbour. */
export async function deleteScenario(id: string): Promise<void> {
  const s = useAppStore.getState();
  const docs = currentScenarios(s).filter((d) => d.id !== id);
  if (docs.length === 0) return;
  const compareIds = s.compareIds.filter((c) => c !== id);
  if (id !== s.activeScenarioId) {
    useAppStore.setState({ scenarios: docs, compareIds });
    return;
  }
  if (await opened(open(docs[Math.max(0, s.scenarios.findIndex((d) => d.id === id) - 1)], docs))) useAppStore.setState({ compareIds });
}

/** Changes a scenario's rules and projection settings. */
export function setScenarioRules(id: string, rules: ScenarioRules, projection: ProjectionSettings): void {
  useAppStore.setState((s) => ({ scenarios: s.scenarios.map((d) => (d.id === id ? { ...d, rules, projection } : d)) }));
}

/** The active scenario as a scenario file (versioned JSON) with the standards profile. */
export function scenarioFileText(): string {
  const doc = activeScenario();
  const { profile } = useAppStore.getState();
  return doc ? scenarioFileJson(doc, profile) : '';
}

/** The outcome of reading a scenario file: a scenario to add, or why the file cannot be used. */
export type ScenarioImport =
  | { ok: true; doc: ScenarioDoc; replaces?: ScenarioDoc }
  | { ok: false; message: string };

/**
 * Reads a scenario file against the loaded dataset (structure, rules' schools); the edits are
 * checked when it is opened. `replaces` is the scenario of the same name, if any: the caller asks.
 */
export function readScenarioFile(fileName: string, text: string): ScenarioImport {
  const { dataset, locale } = useAppStore.getState();
  if (!dataset) return { ok: false, message: '' };
  try {
    const parsed = parseScenario(fileName, text, dataset.schools);
    const doc = { ...emptyScenario(parsed.name || fileName.replace(/\.json$/i, '')), edits: parsed.edits, rules: parsed.rules, projection: parsed.projection };
    return { ok: true, doc, replaces: useAppStore.getState().scenarios.find((d) => d.name === doc.name) };
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return { ok: false, message: `${e.file}: ${describeDataProblem(e.code, e.params, locale)}` };
  }
}

/**
 * Adds an imported scenario (replacing `replaces` when given) and opens it. When one of its
 * edits is refused nothing changes: the scenarios stay as they were and the reason is shown.
 */
export async function addImportedScenario(doc: ScenarioDoc, replaces?: ScenarioDoc): Promise<true | OpenRefusal> {
  const docs = currentScenarios(useAppStore.getState());
  const next = replaces ? docs.map((d) => (d.id === replaces.id ? { ...doc, id: replaces.id } : d)) : [...docs, doc];
  return open(replaces ? { ...doc, id: replaces.id } : doc, next);
}

/**
 * Adds a scenario saved for another version of the dataset, keeping its id (so that it is known as
 * brought in), in place of `drop` when given, and opens it. When one of its edits is refused
 * nothing changes.
 */
export async function addEarlierScenario(doc: ScenarioDoc, drop?: ScenarioDoc): Promise<true | OpenRefusal> {
  const docs = currentScenarios(useAppStore.getState()).filter((d) => d.id !== drop?.id);
  const outcome = await open(doc, [...docs, doc]);
  if (outcome === true && drop) useAppStore.setState((s) => ({ compareIds: s.compareIds.filter((id) => id !== drop.id) }));
  return outcome;
}

/** Whether a scenario is as a new one starts: no edits, no undo history, the default rules (also as read back from storage). */
export function isBlankScenario(d: ScenarioDoc): boolean {
  const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
  return d.edits.length === 0 && d.redoEdits.length === 0 && same(d.rules, NO_RULES) && same(d.projection, DEFAULT_PROJECTION);
}

/** Every scenario id that can be compared, 现状 first. */
export function comparableIds(): string[] {
  return [BASELINE_ID, ...useAppStore.getState().scenarios.map((d) => d.id)];
}
