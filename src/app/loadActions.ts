import type { SchoolSystem } from '../core/schoolSystem';
import * as Comlink from 'comlink';
import type { FileChoice, LoadFailure, LoadOutcome, LoadSummary, PickedFile, TimedResult } from '../../workers/loadContract';
import { translate } from '../i18n/format';
import { EMPTY_COMPARISON, EMPTY_SCENARIO, useAppStore, type ImportDraft, type LoadStep, type PupilLayers } from '../store/store';
import { selectRuleSettings } from '../store/selectors';
import { restoreWorkspace } from './workspace';
import { NATIONAL_PROFILE } from '../core/standards';
import { DEFAULT_SNAPSHOT_PATH } from './defaultDataset';
import { fetchPupilLayers, pupilLayersOf } from './pupilLayers';
import { checkFileSizes } from './fileSizeLimit';
import { confirmDrafts, draftsOf, needsMapping } from './importDrafts';
import { PART_FILES } from '../io/import/datasetPart';
import { EngineFault, type SupervisedWorker } from './engineCalls';
import { adoptEngine, startSupervisedWorker, type LoadRecipe } from './engineRecovery';

type Engine = SupervisedWorker;

/** Extensions of the files the importer reads (a folder's other files are left out). */
export const IMPORT_EXTENSIONS = ['.geojson', '.json', '.csv', '.txt', '.xlsx', '.xls', '.ods', '.et', '.zip', '.kml', '.kmz'] as const;

const CONTRACT_NAMES: ReadonlySet<string> = new Set(Object.values(PART_FILES));

let pending: Engine | undefined;
/** How the pending dataset is loaded: kept so that a worker that fails later can load it again. */
let pendingRecipe: LoadRecipe | undefined;
/** The dataset parsed in the pending worker while the planner reads its validation report. */
let reviewed: LoadSummary | undefined;

/**
 * How to load a dataset again in a fresh worker after a fault, without the planner: the embedded
 * snapshot fetched again, or the picked files (kept as File handles) read again with the choices
 * of the mapping step (set by runLoad).
 */
function recipeOf(source: 'default' | File[]): LoadRecipe {
  const recipe: LoadRecipe = {
    choices: [],
    megabytes: source === 'default' ? 0 : source.reduce((mb, f) => mb + f.size / 1e6, 0),
    async load(remote, onProgress) {
      if (source === 'default') return remote.loadSnapshotFrom(defaultSnapshotUrl());
      const files = readableFiles(source);
      if (!Array.isArray(files)) return files;
      const unread = await remote.stagePicked(files);
      if (unread) return unread;
      return remote.load(undefined, recipe.choices, Comlink.proxy(onProgress));
    },
  };
  return recipe;
}

/** Where the build stored the embedded dataset (read, parsed and validated then), absolute: the worker fetches it. */
const defaultSnapshotUrl = () => new URL(`${import.meta.env.BASE_URL}${DEFAULT_SNAPSHOT_PATH}`, location.href).href;

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
const progressOf = (engine: Engine) => Comlink.proxy((step: LoadStep, f: number, file?: string) => {
  engine.beat();
  reading = file;
  if (pending === engine && useAppStore.getState().load.status === 'loading') setStep(step, f);
});
/** The file the pending worker said it was reading last: named if the worker fails on it (a damaged workbook can take a reader's memory). */
let reading: string | undefined;

/**
 * The picked or dropped files the importer can read; others in a folder (notes, images) are left
 * out. Files too large for the page's memory are refused by their size; the others are read by
 * the worker (stagePicked).
 */
function readableFiles(files: File[]): PickedFile[] | LoadFailure {
  const readable = files.filter((f) => IMPORT_EXTENSIONS.some((ext) => f.name.toLowerCase().endsWith(ext)));
  return checkFileSizes(readable) ?? readable.map((f) => ({ name: f.name, blob: f }));
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
  reading = undefined;
  reviewed = undefined;
  useAppStore.setState({ highlight: undefined });
  setStep('read', 0);
  const recipe = recipeOf(source);
  const engine = startSupervisedWorker(() => ({ pupils: reviewed?.pupilsLoaded ?? 0, megabytes: recipe.megabytes }), source === 'default' ? defaultSnapshotUrl() : undefined);
  pending = engine;
  pendingRecipe = recipe;
  try {
    if (source === 'default') {
      // Both asked at once (the worker answers in order), and the first result comes with the load:
      // each answer awaited before the next call left the worker idle until the page's thread, busy
      // with the first render and the map, took it.
      const [, opened] = await Promise.all([engine.remote.setRuleSettings(selectRuleSettings(useAppStore.getState())), engine.remote.openSnapshotFrom(defaultSnapshotUrl())]);
      const first = opened.first && { timed: opened.first.timed, layers: pupilLayersOf(opened.first.density) };
      return await settleLoad(engine, opened.outcome, first);
    }
    const files = readableFiles(source);
    if (!Array.isArray(files)) return fail(engine, files);
    const contractNames = files.every((f) => CONTRACT_NAMES.has(f.name));
    const unread = await engine.remote.stagePicked(files);
    if (pending !== engine) return;
    if (unread) return fail(engine, unread);
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
  const locale = useAppStore.getState().locale;
  if (!(e instanceof EngineFault)) return fail(engine, { ok: false, file: '', detail: (e as Error).message });
  fail(engine, reading ? { ok: false, file: reading, detail: translate(locale, 'engineFileFault') } : { ok: false, file: '', detail: translate(locale, 'engineLoadFault') });
}

/** Loads the files of the mapping step with the planner's choices, remembering them for next time. */
export async function confirmMapping(drafts: ImportDraft[], baseYear?: number, schoolSystem?: SchoolSystem): Promise<void> {
  const engine = pending;
  if (!engine) return;
  try {
    await runLoad(engine, confirmDrafts(drafts, baseYear, schoolSystem));
  } catch (e) {
    failUnexpected(engine, e);
  }
}

/** Parses the staged files in the pending worker. */
async function runLoad(engine: Engine, choices: FileChoice[]): Promise<void> {
  setStep('read', 0);
  if (pendingRecipe) pendingRecipe.choices = choices;
  await engine.remote.setRuleSettings(selectRuleSettings(useAppStore.getState()));
  await settleLoad(engine, await engine.remote.load(undefined, choices, progressOf(engine)));
}

/** A clean validation report goes straight on; any finding waits for the planner. */
async function settleLoad(engine: Engine, outcome: LoadOutcome, first?: FirstResult): Promise<void> {
  if (pending !== engine) return;
  if (!outcome.ok) return fail(engine, outcome);
  if (outcome.report.items.length === 0) return finishLoad(engine, outcome.summary, first);
  reviewed = outcome.summary;
  const s = outcome.summary;
  useAppStore.setState({ load: { status: 'review', report: outcome.report, rowsRead: s.rowsRead, loaded: s.pupilsLoaded, rejected: s.rejected.length, skipped: s.skipped.length, zones: s.zones } });
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

/** A loaded dataset's first simulation and pupil layers, answered with the load. */
interface FirstResult {
  timed: TimedResult;
  layers: PupilLayers;
}

/** Runs the first simulation in the pending worker (or takes the one answered with the load) and makes it current. */
async function finishLoad(engine: Engine, summary: LoadSummary, first?: FirstResult): Promise<void> {
  setStep('compute', 0.95);
  const timed = first?.timed ?? (await engine.remote.simulate());
  const { profile } = useAppStore.getState();
  if (profile !== NATIONAL_PROFILE) timed.standards = await engine.remote.setProfile(profile);
  const pupilLayers = first?.layers ?? (await fetchPupilLayers(engine.remote));
  if (pending !== engine || !pendingRecipe) return;
  adoptEngine(engine, pendingRecipe);
  pending = undefined;
  useAppStore.setState((s) => ({
    dataset: summary,
    datasetVersion: s.datasetVersion + 1,
    result: timed.result,
    standards: timed.standards,
    distance: undefined,
    movedDistance: undefined,
    computeMs: timed.computeMs,
    pupilLayers,
    ...EMPTY_SCENARIO,
    ...EMPTY_COMPARISON,
    scenarios: [],
    activeScenarioId: '',
    workspaceReady: false,
    selectedSchoolId: undefined,
    highlight: undefined,
    load: { status: 'idle' },
  }));
  // The distances (就近入学), then the units' cells, are prepared in the worker once the map has
  // drawn the dataset: begun with the load, the distances (a second's work) took the 2 cores from
  // the map's first frame. An edit answered first brings the distances itself.
  const version = useAppStore.getState().datasetVersion;
  whenMapShown(version, PREPARATION_WAIT_MS).then(async () => {
    if (useAppStore.getState().datasetVersion !== version) return;
    const distance = await engine.remote.prepareForEdits();
    const s = useAppStore.getState();
    if (s.datasetVersion !== version) return;
    if (!s.distance) useAppStore.setState({ distance });
    return engine.remote.prepareUnits();
  }).catch(() => {});
  await restoreWorkspace();
}

// How long the preparation waits for the map's first frame with the dataset (no map, no WebGL: it does not come).
const PREPARATION_WAIT_MS = 4000;

/** Resolves once the map has drawn dataset `version` (see mapShownVersion), another dataset came, or `giveUpMs` passed. */
function whenMapShown(version: number, giveUpMs: number): Promise<void> {
  return new Promise((resolve) => {
    const shown = (s = useAppStore.getState()) => s.mapShownVersion >= version || s.datasetVersion !== version;
    if (shown()) return resolve();
    const done = () => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const unsubscribe = useAppStore.subscribe((s) => {
      if (shown(s)) done();
    });
    const timer = setTimeout(done, giveUpMs);
  });
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
