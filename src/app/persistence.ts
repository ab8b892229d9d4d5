import { openDB, type IDBPDatabase } from 'idb';
import type { OverlapRule } from '../core/rules';
import type { StandardsProfile } from '../core/standards';
import type { ScenarioDoc } from '../store/store';

/** What is saved per dataset: every scenario with its undo history, the active one, the profile, the overlap rule. */
export interface SavedWorkspace {
  version: 1;
  scenarios: ScenarioDoc[];
  activeScenarioId: string;
  profile: StandardsProfile;
  /** Absent in workspaces saved before the setting existed (the default rule then). */
  overlapRule?: OverlapRule;
  savedAt: number;
}

const DB_NAME = 'xuequ-guihua';
const STORE = 'workspaces';

let db: Promise<IDBPDatabase> | undefined;

function database(): Promise<IDBPDatabase> {
  db ??= openDB(DB_NAME, 1, { upgrade: (d) => d.createObjectStore(STORE) });
  return db;
}

/** Reads the workspace saved for a dataset, if any. */
export async function loadWorkspace(datasetKey: string): Promise<SavedWorkspace | undefined> {
  const saved = (await (await database()).get(STORE, datasetKey)) as SavedWorkspace | undefined;
  return saved?.version === 1 && Array.isArray(saved.scenarios) && saved.scenarios.length > 0 ? saved : undefined;
}

/** Saves a dataset's workspace, replacing what was saved before. */
export async function saveWorkspace(datasetKey: string, workspace: SavedWorkspace): Promise<void> {
  await (await database()).put(STORE, workspace, datasetKey);
}
