import * as Comlink from 'comlink';
import type { EngineApi, FileChoice, LoadFailure, LoadOutcome, LoadSummary, StagedFile } from '../../workers/engineApi';
import { translate } from '../i18n/format';
import { EMPTY_COMPARISON, EMPTY_SCENARIO, useAppStore, type ImportDraft, type LoadStep } from '../store/store';
import { restoreWorkspace } from './workspace';
import { NATIONAL_PROFILE } from '../core/standards';
import { DEFAULT_SNAPSHOT_PATH } from './defaultDataset';
import { buildPupilLayers } from './pupilLayers';
import { confirmDrafts, draftsOf, needsMapping } from './importDrafts';
import { PART_FILES } from '../io/import';

interface Engine {
  worker: Worker;
  remote: Comlink.Remote<EngineApi>;
}

/** Extensions of the files the importer reads (.xls only to say it must be saved as .xlsx). */
export const IMPORT_EXTENSIONS = ['.geojson', '.json', '.csv', '.txt', '.xlsx', '.xls', '.zip', '.kml'] as const;

const CONTRACT_NAMES: ReadonlySet<string> = new Set(Object.values(PART_FILES));

let current: Engine | undefined;
let pending: Engine | undefined;
/** The dataset parsed in the pending worker while the planner reads its validation report. */
let reviewed: LoadSummary | undefined;

/** The worker holding the current dataset, if one is loaded. */
export function currentEngine(): Engine | undefined {
  return current;
}

function startEngine(): Engine {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
  return { worker, remote: Comlink.wrap<EngineApi>(worker) };
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
 */
const progressOf = (engine: Engine) => Comlink.proxy((step: LoadStep, f: number) => {
  if (pending === engine && useAppStore.getState().load.status === 'loading') setStep(step, f);
});

/** The embedded dataset as the build stored it (read, parsed and validated then). */
async function readDefaultSnapshot(): Promise<ArrayBuffer> {
  const response = await fetch(`${import.meta.env.BASE_URL}${DEFAULT_SNAPSHOT_PATH}`);
  if (!response.ok) throw new Error(`${DEFAULT_SNAPSHOT_PATH}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** The picked or dropped files the importer can read; others in a folder (notes, images) are left out. */
async function readPickedFiles(files: File[]): Promise<StagedFile[]> {
  const readable = files.filter((f) => IMPORT_EXTENSIONS.some((ext) => f.name.toLowerCase().endsWith(ext)));
  return Promise.all(readable.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
}

function fail(engine: Engine, outcome: LoadFailure) {
  useAppStore.setState({ load: { status: 'error', file: outcome.file, detail: outcome.detail, problem: outcome.problem } });
  engine.worker.terminate();
  if (pending === engine) pending = undefined;
}

/**
 * Loads a dataset into a fresh worker. Files named as the data contract's load straight away;
 * any other file (Excel, GBK CSV, zipped Shapefile, KML …) first goes through the mapping step,
 * where the planner confirms its part, coordinate system and columns. The previous worker keeps
 * its dataset until the new one is accepted, so a failed or cancelled load loses nothing.
 */
export async function loadDataset(source: 'default' | File[]): Promise<void> {
  pending?.worker.terminate();
  reviewed = undefined;
  useAppStore.setState({ highlight: undefined });
  setStep('read', 0);
  const engine = startEngine();
  pending = engine;
  try {
    if (source === 'default') {
      const bytes = await readDefaultSnapshot();
      if (pending !== engine) return;
      await engine.remote.setOverlapRule(useAppStore.getState().overlapRule);
      return await settleLoad(engine, await engine.remote.loadSnapshot(Comlink.transfer(bytes, [bytes])));
    }
    const files = await readPickedFiles(source);
    if (pending !== engine) return;
    const contractNames = files.every((f) => CONTRACT_NAMES.has(f.name));
    await engine.remote.stage(Comlink.transfer(files, files.map((f) => f.bytes)));
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
  fail(engine, { ok: false, file: '', detail: (e as Error).message });
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

/** Parses the staged files in the pending worker. */
async function runLoad(engine: Engine, choices: FileChoice[]): Promise<void> {
  setStep('read', 0);
  await engine.remote.setOverlapRule(useAppStore.getState().overlapRule);
  await settleLoad(engine, await engine.remote.load(undefined, choices, progressOf(engine)));
}

/** A clean validation report goes straight on; any finding waits for the planner. */
async function settleLoad(engine: Engine, outcome: LoadOutcome): Promise<void> {
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
  if (pending !== engine) return;
  current?.worker.terminate();
  current = engine;
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
  pending?.worker.terminate();
  pending = undefined;
  reviewed = undefined;
  useAppStore.setState({ load: { status: 'idle' }, highlight: undefined });
}

/** Dismisses a load error. */
export function dismissLoadError(): void {
  useAppStore.setState({ load: { status: 'idle' } });
}
