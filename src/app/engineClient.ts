import * as Comlink from 'comlink';
import type { DatasetFiles, EngineApi } from '../../workers/engineApi';
import { OPTIONAL_FILES, REQUIRED_FILES } from '../io/readDataset';
import { translate } from '../i18n/format';
import { EMPTY_COMPARISON, EMPTY_SCENARIO, useAppStore, type LoadStep } from '../store/store';
import { restoreWorkspace } from './workspace';
import { NATIONAL_PROFILE } from '../core/standards';
import { DEFAULT_DATASET_URLS } from './defaultDataset';
import { buildPupilLayers } from './pupilLayers';

interface Engine {
  worker: Worker;
  remote: Comlink.Remote<EngineApi>;
}

const KNOWN_FILES: readonly string[] = [...REQUIRED_FILES, ...OPTIONAL_FILES];

let current: Engine | undefined;
let pending: Engine | undefined;

/** The worker holding the current dataset, if one is loaded. */
export function currentEngine(): Engine | undefined {
  return current;
}

function startEngine(): Engine {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
  return { worker, remote: Comlink.wrap<EngineApi>(worker) };
}

function setStep(step: LoadStep, fraction: number) {
  const { locale } = useAppStore.getState();
  const key = ({ schools: 'stepSchools', zones: 'stepZones', students: 'stepStudents', index: 'stepIndex', compute: 'stepCompute' } as const)[step];
  useAppStore.setState({ load: { status: 'loading', step, fraction, label: translate(locale, key) } });
}

async function readDefaultFiles(): Promise<DatasetFiles> {
  const entries = await Promise.all(
    Object.entries(DEFAULT_DATASET_URLS).map(async ([name, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return [name, await response.arrayBuffer()] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function readPickedFiles(files: File[]): Promise<DatasetFiles> {
  const out: DatasetFiles = {};
  for (const file of files) {
    if (KNOWN_FILES.includes(file.name)) out[file.name as keyof DatasetFiles] = await file.arrayBuffer();
  }
  return out;
}

/**
 * Loads a dataset into a fresh worker and, when it succeeds, makes it current and runs the first
 * simulation. The previous worker keeps its dataset until then, so a failed or cancelled load
 * loses nothing.
 */
export async function loadDataset(source: 'default' | File[]): Promise<void> {
  pending?.worker.terminate();
  setStep('schools', 0);
  const engine = startEngine();
  pending = engine;
  try {
    const files = source === 'default' ? await readDefaultFiles() : await readPickedFiles(source);
    const buffers = Object.values(files) as ArrayBuffer[];
    const outcome = await engine.remote.load(Comlink.transfer(files, buffers), Comlink.proxy((step: LoadStep, f: number) => {
      if (pending === engine) setStep(step, f);
    }));
    if (pending !== engine) return;
    if (!outcome.ok) {
      useAppStore.setState({ load: { status: 'error', file: outcome.file, detail: outcome.detail, problem: outcome.problem } });
      engine.worker.terminate();
      pending = undefined;
      return;
    }
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
      dataset: outcome.summary,
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
      load: { status: 'idle' },
    }));
    await restoreWorkspace();
  } catch (e) {
    if (pending !== engine) return;
    engine.worker.terminate();
    pending = undefined;
    useAppStore.setState({ load: { status: 'error', file: '', detail: (e as Error).message } });
  }
}

/** Stops a load in progress; the current dataset stays. */
export function cancelLoad(): void {
  pending?.worker.terminate();
  pending = undefined;
  useAppStore.setState({ load: { status: 'idle' } });
}

/** Dismisses a load error. */
export function dismissLoadError(): void {
  useAppStore.setState({ load: { status: 'idle' } });
}
