import * as Comlink from 'comlink';
import type { FileChoice, LoadFailure, LoadSummary, StagedFile } from '../../workers/engineApi';
import { translate } from '../i18n/format';
import { EMPTY_COMPARISON, EMPTY_SCENARIO, useAppStore, type ImportDraft, type LoadStep } from '../store/store';
import { restoreWorkspace } from './workspace';
import { NATIONAL_PROFILE } from '../core/standards';
import { DEFAULT_DATASET_URLS } from './defaultDataset';
import { buildPupilLayers } from './pupilLayers';
import { confirmDrafts, draftsOf, needsMapping } from './importDrafts';
import { PART_FILES } from '../io/import';
import { EngineFault, type EngineRemote, type SupervisedWorker } from './engineCalls';
import { adoptEngine, currentRemote, hasEngine, startSupervisedWorker, type LoadRecipe } from './engineRecovery';

type Engine = SupervisedWorker;

/** Extensions of the files the importer reads (.xls only to say it must be saved as .xlsx). */
export const IMPORT_EXTENSIONS = ['.geojson', '.json', '.csv', '.txt', '.xlsx', '.xls', '.zip', '.kml'] as const;

const CONTRACT_NAMES: ReadonlySet<string> = new Set(Object.values(PART_FILES));

let pending: Engine | undefined;
/** How the pending dataset is loaded: kept so that a worker that fails later can load it again. */
let pendingRecipe: LoadRecipe | undefined;
/** The dataset parsed in the pending worker while the planner reads its validation report. */
let reviewed: LoadSummary | undefined;

/**
 * The engine holding the current dataset, if one is loaded: its calls are supervised, and wait
 * for (or are retried after) a restart when its worker fails (see engineRecovery).
 */
export function currentEngine(): { remote: EngineRemote } | undefined {
  return hasEngine() ? { remote: currentRemote } : undefined;
}

/** Reads the files of a load and stages them in a worker (transferred, not copied); returns their names. */
async function stageFiles(remote: EngineRemote, source: 'default' | File[]): Promise<string[]> {
  const files = source === 'default' ? await readDefaultFiles() : await readPickedFiles(source);
  await remote.stage(Comlink.transfer(files, files.map((f) => f.bytes)));
  return files.map((f) => f.name);
}

const STEP_KEYS = {
  read: 'stepRead', inspect: 'stepInspect', schools: 'stepSchools', zones: 'stepZones', students: 'stepStudents', index: 'stepIndex', validate: 'stepValidate', compute: 'stepCompute',
} as const;

function setStep(step: LoadStep, fraction: number) {
  const { locale } = useAppStore.getState();
  useAppStore.setState({ load: { status: 'loading', step, fraction, label: translate(locale, STEP_KEYS[step]) } });
}

/**
 * Progress from the worker, dropped once its load is no longer the pending one or has reached the
 * mapping step or the report: progress comes over its own port and may arrive after the answer.
 * It is also the worker's sign of life: a long load is timed between its progress reports.
 */
const progressOf = (engine: Engine) => Comlink.proxy((step: LoadStep, f: number) => {
  engine.beat();
  if (pending === engine && useAppStore.getState().load.status === 'loading') setStep(step, f);
});

async function readDefaultFiles(): Promise<StagedFile[]> {
  return Promise.all(
    Object.entries(DEFAULT_DATASET_URLS).map(async ([name, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return { name, bytes: await response.arrayBuffer() };
    }),
  );
}

/** The picked or dropped files the importer can read; others in a folder (notes, images) are left out. */
async function readPickedFiles(files: File[]): Promise<StagedFile[]> {
  const readable = files.filter((f) => IMPORT_EXTENSIONS.some((ext) => f.name.toLowerCase().endsWith(ext)));
  return Promise.all(readable.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
}

function fail(engine: Engine, outcome: LoadFailure) {
  useAppStore.setState({ load: { status: 'error', file: outcome.file, detail: outcome.detail, problem: outcome.problem } });
  engine.stop();
  if (pending === engine) pending = undefined;
}

/**
 * Loads a dataset into a fresh worker. Files named as the data contract's load straight away;
 * any other file (Excel, GBK CSV, zipped Shapefile, KML …) first goes through the mapping step,
 * where the planner confirms its part, coordinate system and columns. The previous worker keeps
 * its dataset until the new one is accepted, so a failed or cancelled load loses nothing.
 */
export async function loadDataset(source: 'default' | File[]): Promise<void> {
  pending?.stop();
  reviewed = undefined;
  useAppStore.setState({ highlight: undefined });
  setStep('read', 0);
  const megabytes = source === 'default' ? 0 : source.reduce((mb, f) => mb + f.size / 1e6, 0);
  const engine = startSupervisedWorker(() => ({ pupils: reviewed?.pupilsLoaded ?? 0, megabytes }));
  pending = engine;
  pendingRecipe = { stage: (remote) => stageFiles(remote, source).then(() => undefined), choices: [], megabytes };
  try {
    const names = await stageFiles(engine.remote, source);
    if (pending !== engine) return;
    const contractNames = names.every((name) => CONTRACT_NAMES.has(name));
    if (!contractNames) {
      const inspected = await engine.remote.inspect(progressOf(engine));
      if (pending !== engine) return;
      if (!inspected.ok) return fail(engine, inspected);
      const drafts = draftsOf(inspected.files);
      if (drafts.some(needsMapping)) {
        useAppStore.setState({ load: { status: 'mapping', files: drafts } });
        return;
      }
    }
    await runLoad(engine, []);
  } catch (e) {
    failUnexpected(engine, e);
  }
}

function failUnexpected(engine: Engine, e: unknown) {
  if (pending !== engine) return;
  const detail = e instanceof EngineFault ? translate(useAppStore.getState().locale, 'engineLoadFault') : (e as Error).message;
  fail(engine, { ok: false, file: '', detail });
}

/** Loads the files of the mapping step with the planner's choices, remembering them for next time. */
export async function confirmMapping(drafts: ImportDraft[], baseYear?: number): Promise<void> {
  const engine = pending;
  if (!engine) return;
  try {
    await runLoad(engine, confirmDrafts(drafts, baseYear));
  } catch (e) {
    failUnexpected(engine, e);
  }
}

/** Parses in the pending worker; a clean validation report goes straight on, any finding waits for the planner. */
async function runLoad(engine: Engine, choices: FileChoice[]): Promise<void> {
  setStep('read', 0);
  if (pendingRecipe) pendingRecipe.choices = choices;
  await engine.remote.setOverlapRule(useAppStore.getState().overlapRule);
  const outcome = await engine.remote.load(undefined, choices, progressOf(engine));
  if (pending !== engine) return;
  if (!outcome.ok) return fail(engine, outcome);
  if (outcome.report.items.length === 0) return finishLoad(engine, outcome.summary);
  reviewed = outcome.summary;
  const s = outcome.summary;
  useAppStore.setState({ load: { status: 'review', report: outcome.report, rowsRead: s.rowsRead, loaded: s.pupilsLoaded, rejected: s.rejected.length, zones: s.zones } });
}

/** Loads the reviewed dataset although its validation report has findings. */
export async function loadAnyway(): Promise<void> {
  const engine = pending;
  const summary = reviewed;
  if (!engine || !summary) return;
  reviewed = undefined;
  useAppStore.setState({ highlight: undefined });
  try {
    await finishLoad(engine, summary);
  } catch (e) {
    failUnexpected(engine, e);
  }
}

/** Runs the first simulation in the pending worker and makes it current. */
async function finishLoad(engine: Engine, summary: LoadSummary): Promise<void> {
  setStep('compute', 0.95);
  const timed = await engine.remote.simulate();
  const { profile } = useAppStore.getState();
  if (profile !== NATIONAL_PROFILE) timed.standards = await engine.remote.setProfile(profile);
  const points = await engine.remote.pupilPoints();
  if (pending !== engine || !pendingRecipe) return;
  adoptEngine(engine, pendingRecipe);
  pending = undefined;
  useAppStore.setState((s) => ({
    dataset: summary,
    datasetVersion: s.datasetVersion + 1,
    result: timed.result,
    standards: timed.standards,
    computeMs: timed.computeMs,
    pupilLayers: buildPupilLayers(points),
    ...EMPTY_SCENARIO,
    ...EMPTY_COMPARISON,
    scenarios: [],
    activeScenarioId: '',
    workspaceReady: false,
    selectedSchoolId: undefined,
    highlight: undefined,
    load: { status: 'idle' },
  }));
  await restoreWorkspace();
}

/** Stops a load in progress, in the mapping step or under review; the current dataset stays. */
export function cancelLoad(): void {
  pending?.stop();
  pending = undefined;
  reviewed = undefined;
  useAppStore.setState({ load: { status: 'idle' }, highlight: undefined });
}

/** Dismisses a load error. */
export function dismissLoadError(): void {
  useAppStore.setState({ load: { status: 'idle' } });
}
