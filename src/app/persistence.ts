import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { OverlapRule } from '../core/rules';
import { limitsProblems, type Limits } from '../core/limits';
import type { StandardsProfile } from '../core/standards';
import type { ScenarioDoc } from '../store/store';
import { keyParts } from './datasetKey';

/** The workspace as saved before version 2: one record per dataset holding every scenario. */
export interface SavedWorkspaceV1 {
  version: 1;
  scenarios: ScenarioDoc[];
  activeScenarioId: string;
  profile: StandardsProfile;
  /** Absent in workspaces saved before the setting existed (the default rule then). */
  overlapRule?: OverlapRule;
  savedAt: number;
}

/** A dataset's workspace settings and scenario order (version 2); each scenario is a record of its own. */
export interface WorkspaceMeta {
  version: 2;
  /** Increases by one with every save that changes the scenario list or the settings. */
  revision: number;
  scenarioIds: string[];
  /** The scenario opened last (a hint for the next start, not versioned). */
  activeScenarioId: string;
  profile: StandardsProfile;
  overlapRule?: OverlapRule;
  /** Absent in workspaces saved before the setting existed (the national limits then). */
  limits?: Limits;
  savedAt: number;
}

/** One saved scenario (version 2). */
export interface SavedScenario {
  version: 2;
  /** Increases by one with every save of this scenario. */
  revision: number;
  doc: ScenarioDoc;
  savedAt: number;
}

/** The revisions a tab last read or wrote: 0 for a record that did not exist. */
export interface Revisions {
  meta: number;
  scenarios: Record<string, number>;
}

/** A workspace as read back: the scenarios in order, its settings and the revisions read. */
export interface StoredWorkspace {
  scenarios: ScenarioDoc[];
  activeScenarioId: string;
  profile: StandardsProfile;
  overlapRule?: OverlapRule;
  limits?: Limits;
  revisions: Revisions;
  /** Read from the version-1 record or under the dataset's former key: nothing of it is under this key in version-2 records yet. */
  migrated: boolean;
}

/** Why saved work could not be read or written. */
export type StorageProblemCode = 'quota' | 'blocked' | 'oldTab' | 'version' | 'damaged' | 'unknown';

/** A storage failure in words the app can translate: the code and, for some codes, what was found. */
export interface StorageProblem {
  code: StorageProblemCode;
  /** 'version': the version found; 'damaged': what is missing; 'unknown': the DOMException name. */
  detail?: string;
}

/** A failure of the browser's storage, or a saved record the app cannot read. */
export class StorageError extends Error {
  constructor(readonly problem: StorageProblem) {
    super(`${problem.code}${problem.detail ? `: ${problem.detail}` : ''}`);
  }
}

/** What a save changes: scenarios written or deleted, and the list and settings when they changed. */
export interface WorkspaceChange {
  put: ScenarioDoc[];
  remove: string[];
  /** The scenario order and settings; undefined when they did not change. */
  meta?: Pick<WorkspaceMeta, 'scenarioIds' | 'profile' | 'overlapRule' | 'limits'>;
  activeScenarioId: string;
}

/** The outcome of a save: the revisions now stored, or which records another tab saved since this one read them. */
export type SaveOutcome =
  | { ok: true; revisions: Revisions }
  | { ok: false; conflict: { scenarioIds: string[]; meta: boolean } };

const DB_NAME = 'xuequ-guihua';
const LEGACY = 'workspaces';
const META = 'workspaceMeta';
const SCENARIOS = 'scenarios';

let db: Promise<IDBPDatabase> | undefined;

/** The browser's IndexedDB, or a StorageError 'blocked' when the site may not use it. */
function idbFactory(): IDBFactory {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    return indexedDB;
  } catch {
    throw new StorageError({ code: 'blocked' });
  }
}

function database(): Promise<IDBPDatabase> {
  db ??= (async () => {
    idbFactory();
    try {
      // A tab of an older version holding the database open would keep this open waiting for ever.
      let refuse: (e: StorageError) => void = () => undefined;
      const blocked = new Promise<never>((_, reject) => (refuse = reject));
      const opened = openDB(DB_NAME, 2, {
        upgrade(d, oldVersion) {
          if (oldVersion < 1) d.createObjectStore(LEGACY);
          d.createObjectStore(META);
          d.createObjectStore(SCENARIOS);
        },
        blocked: () => refuse(new StorageError({ code: 'oldTab' })),
        // A newer version opening in another tab: let it upgrade; this tab opens again at its next save.
        blocking: () => void opened.then((d) => d.close()).finally(() => (db = undefined)),
      });
      return await Promise.race([opened, blocked]);
    } catch (e) {
      if (e instanceof StorageError) throw e;
      // Opening refused (storage blocked, private mode, a broken profile): say so in the app's words.
      throw new StorageError(e instanceof DOMException && e.name === 'QuotaExceededError' ? { code: 'quota' } : { code: 'blocked' });
    }
  })();
  // A refused open is tried again at the next save: the planner may have allowed storage meanwhile.
  db.catch(() => (db = undefined));
  return db;
}

/** Closes the database (tests delete it between cases). */
export async function closeDatabase(): Promise<void> {
  const open = db;
  db = undefined;
  (await open?.catch(() => undefined))?.close();
}

/** The storage problem a thrown value stands for: quota, blocked storage, or an unknown failure named by its DOMException name. */
export function storageProblemOf(e: unknown): StorageProblem {
  if (e instanceof StorageError) return e.problem;
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'QuotaExceededError') return { code: 'quota' };
  if (name === 'SecurityError') return { code: 'blocked' };
  return { code: 'unknown', detail: name || undefined };
}

const scenarioKey = (key: string, id: string) => [key, id];
/** Every scenario record of a dataset: arrays sort after strings, so [key, []] bounds [key, id]. */
const scenarioRange = (key: string) => IDBKeyRange.bound([key], [key, []]);

const isDoc = (d: unknown): d is ScenarioDoc => {
  const o = d as ScenarioDoc | null;
  return !!o && typeof o.id === 'string' && typeof o.name === 'string' && Array.isArray(o.edits) && Array.isArray(o.redoEdits) && typeof o.rules === 'object' && typeof o.projection === 'object';
};

// Stored limits are read only when every figure is there and the set could be applied.
const validLimits = (l: Limits): boolean => typeof l === 'object' && l !== null && typeof l.classCap === 'object' && l.classCap !== null && limitsProblems(l).length === 0;

const damaged = (detail: string) => new StorageError({ code: 'damaged', detail });
const unknownVersion = (v: unknown) => new StorageError({ code: 'version', detail: String(v) });

function fromLegacy(saved: SavedWorkspaceV1): StoredWorkspace {
  if (!Array.isArray(saved.scenarios) || saved.scenarios.length === 0 || !saved.scenarios.every(isDoc)) throw damaged('scenarios');
  return { scenarios: saved.scenarios, activeScenarioId: saved.activeScenarioId, profile: saved.profile, overlapRule: saved.overlapRule, revisions: { meta: 0, scenarios: {} }, migrated: true };
}

/**
 * Reads the workspace saved for a dataset (version 2, or version 1 converted in memory: the caller
 * saves it as version 2). With nothing under `key`, what is saved under `formerKey` (the key the
 * dataset had before, see formerDatasetKey) is read as if migrated: the caller saves it under `key`.
 * Undefined when nothing is saved. Throws a StorageError when storage fails or a record has an
 * unknown version or is incomplete — never reports such a record as "nothing saved".
 */
export async function readWorkspace(key: string, formerKey?: string): Promise<StoredWorkspace | undefined> {
  const saved = await readWorkspaceAt(key);
  if (saved || formerKey === undefined) return saved;
  const former = await readWorkspaceAt(formerKey);
  return former && { ...former, revisions: { meta: 0, scenarios: {} }, migrated: true };
}

async function readWorkspaceAt(key: string): Promise<StoredWorkspace | undefined> {
  const tx = (await database()).transaction([LEGACY, META, SCENARIOS], 'readonly');
  const meta = (await tx.objectStore(META).get(key)) as WorkspaceMeta | undefined;
  if (meta === undefined) {
    const legacy = (await tx.objectStore(LEGACY).get(key)) as SavedWorkspaceV1 | undefined;
    if (legacy === undefined) return undefined;
    if (legacy?.version !== 1) throw unknownVersion(legacy?.version);
    return fromLegacy(legacy);
  }
  if (meta?.version !== 2) throw unknownVersion(meta?.version);
  if (!Array.isArray(meta.scenarioIds) || meta.scenarioIds.length === 0 || typeof meta.revision !== 'number') throw damaged('meta');
  if (meta.limits !== undefined && !validLimits(meta.limits)) throw damaged('limits');
  const revisions: Revisions = { meta: meta.revision, scenarios: {} };
  const scenarios: ScenarioDoc[] = [];
  for (const id of meta.scenarioIds) {
    const saved = (await tx.objectStore(SCENARIOS).get(scenarioKey(key, id))) as SavedScenario | undefined;
    if (saved === undefined) throw damaged(id);
    if (saved?.version !== 2) throw unknownVersion(saved?.version);
    if (!isDoc(saved.doc) || saved.doc.id !== id || typeof saved.revision !== 'number') throw damaged(id);
    scenarios.push(saved.doc);
    revisions.scenarios[id] = saved.revision;
  }
  return { scenarios, activeScenarioId: meta.activeScenarioId, profile: meta.profile, overlapRule: meta.overlapRule, limits: meta.limits, revisions, migrated: false };
}

type WriteTx = IDBPTransaction<unknown, string[], 'readwrite'>;

/** Runs `body` in one readwrite transaction; any throw aborts it, so nothing of it is written. */
async function inTransaction<T>(stores: string[], body: (tx: WriteTx) => Promise<T>): Promise<T> {
  const tx = (await database()).transaction(stores, 'readwrite') as WriteTx;
  try {
    const out = await body(tx);
    await tx.done;
    return out;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the browser (its error is the one thrown).
    }
    tx.done.catch(() => undefined);
    throw e;
  }
}

/**
 * Saves a change atomically (one transaction for the scenarios and the workspace meta), each record
 * only if its stored revision is still the one this tab knows; otherwise nothing is written and the
 * records another tab saved since are returned. `replaceAll` first deletes everything saved for the
 * dataset (the planner chose to start afresh) and skips the check.
 */
export function saveWorkspace(key: string, change: WorkspaceChange, known: Revisions, replaceAll = false): Promise<SaveOutcome> {
  return inTransaction([LEGACY, META, SCENARIOS], async (tx) => {
    const metaStore = tx.objectStore(META);
    const scenarioStore = tx.objectStore(SCENARIOS);
    if (replaceAll) {
      await Promise.all([tx.objectStore(LEGACY).delete(key), metaStore.delete(key), scenarioStore.delete(scenarioRange(key))]);
    }
    const stored = (await metaStore.get(key)) as WorkspaceMeta | undefined;
    const storedRevision = stored?.version === 2 ? stored.revision : stored === undefined ? 0 : Infinity;
    const metaConflict = change.meta !== undefined && storedRevision !== known.meta;
    const conflicts: string[] = [];
    const current: Record<string, number> = {};
    for (const id of [...change.put.map((d) => d.id), ...change.remove]) {
      const record = (await scenarioStore.get(scenarioKey(key, id))) as SavedScenario | undefined;
      current[id] = record === undefined ? 0 : record.version === 2 ? record.revision : Infinity;
      if (current[id] !== (known.scenarios[id] ?? 0)) conflicts.push(id);
    }
    // Nothing written: the transaction commits only the reads.
    if (metaConflict || conflicts.length > 0) return { ok: false as const, conflict: { scenarioIds: conflicts, meta: metaConflict } };
    const savedAt = Date.now();
    const revisions: Revisions = { meta: known.meta, scenarios: { ...known.scenarios } };
    for (const doc of change.put) {
      revisions.scenarios[doc.id] = current[doc.id] + 1;
      await scenarioStore.put({ version: 2, revision: current[doc.id] + 1, doc, savedAt } satisfies SavedScenario, scenarioKey(key, doc.id));
    }
    for (const id of change.remove) {
      delete revisions.scenarios[id];
      await scenarioStore.delete(scenarioKey(key, id));
    }
    if (change.meta) {
      revisions.meta = known.meta + 1;
      await metaStore.put({ version: 2, revision: revisions.meta, ...change.meta, activeScenarioId: change.activeScenarioId, savedAt } satisfies WorkspaceMeta, key);
    } else if (stored && stored.activeScenarioId !== change.activeScenarioId && stored.scenarioIds.includes(change.activeScenarioId)) {
      await metaStore.put({ ...stored, activeScenarioId: change.activeScenarioId }, key);
    }
    return { ok: true as const, revisions };
  }).catch((e: unknown) => {
    throw e instanceof StorageError ? e : new StorageError(storageProblemOf(e));
  });
}

/**
 * Keeps this tab's scenarios beside what another tab saved: each of `mine` whose stored record is
 * newer than `known` is saved as a copy (new id from `newId`, name from `copyName`), the others as
 * they are; the stored scenario list gains the new ones and keeps its settings. Returns the id the
 * tab's active scenario has now.
 */
export function keepBoth(key: string, mine: ScenarioDoc[], activeId: string, known: Revisions, fallback: Pick<WorkspaceMeta, 'profile' | 'overlapRule' | 'limits'>, newId: () => string, copyName: (name: string) => string): Promise<string> {
  return inTransaction([META, SCENARIOS], async (tx) => {
    const metaStore = tx.objectStore(META);
    const scenarioStore = tx.objectStore(SCENARIOS);
    const stored = (await metaStore.get(key)) as WorkspaceMeta | undefined;
    const ids = stored?.version === 2 ? [...stored.scenarioIds] : [];
    const savedAt = Date.now();
    let active = activeId;
    for (const doc of mine) {
      const record = (await scenarioStore.get(scenarioKey(key, doc.id))) as SavedScenario | undefined;
      const unchanged = record !== undefined && record.version === 2 && record.revision === (known.scenarios[doc.id] ?? 0);
      const target = record === undefined || unchanged ? doc : { ...doc, id: newId(), name: copyName(doc.name) };
      if (doc.id === activeId) active = target.id;
      await scenarioStore.put({ version: 2, revision: unchanged ? record.revision + 1 : 1, doc: target, savedAt } satisfies SavedScenario, scenarioKey(key, target.id));
      if (!ids.includes(target.id)) ids.push(target.id);
    }
    const settings = stored?.version === 2 ? { profile: stored.profile, overlapRule: stored.overlapRule, limits: stored.limits } : fallback;
    const revision = (stored?.version === 2 ? stored.revision : 0) + 1;
    await metaStore.put({ version: 2, revision, scenarioIds: ids, activeScenarioId: active, ...settings, savedAt } satisfies WorkspaceMeta, key);
    return active;
  }).catch((e: unknown) => {
    throw e instanceof StorageError ? e : new StorageError(storageProblemOf(e));
  });
}

/** Every record saved for a dataset exactly as stored (for the planner to keep when it cannot be read). */
export async function readRawRecords(key: string): Promise<{ datasetKey: string; legacy: unknown; meta: unknown; scenarios: unknown[] }> {
  const tx = (await database()).transaction([LEGACY, META, SCENARIOS], 'readonly');
  const [legacy, meta, scenarios] = await Promise.all([tx.objectStore(LEGACY).get(key), tx.objectStore(META).get(key), tx.objectStore(SCENARIOS).getAll(scenarioRange(key))]);
  return { datasetKey: key, legacy, meta, scenarios };
}

/** Work saved for another version of a dataset: same name, another base year, school count or rows read. */
export interface OtherVersion {
  key: string;
  baseYear: number;
  schools: number;
  rowsRead: number;
  savedAt: number;
  scenarios: ScenarioDoc[];
}

/**
 * The work saved under other keys than `key` for a dataset of the same name (the same files with a
 * few pupils added, a school more), newest first; none for a dataset without a name. One that
 * cannot be read is left out: it is not this dataset's, and its own dataset reports it when opened.
 */
export async function readOtherVersions(key: string): Promise<OtherVersion[]> {
  const name = keyParts(key)?.name;
  // Datasets without a name (and, before they took their outline's, all named 'dataset') share it: their work is not one dataset's.
  if (name === undefined || name === '' || name === 'dataset') return [];
  const tx = (await database()).transaction([LEGACY, META], 'readonly');
  // When each was saved, by key (getAll and getAllKeys list a store in the same key order); a version-2 record over a version-1 one.
  const savedAt = new Map<IDBValidKey, number>();
  for (const store of [LEGACY, META]) {
    const [keys, records] = await Promise.all([tx.objectStore(store).getAllKeys(), tx.objectStore(store).getAll()]);
    keys.forEach((k, i) => savedAt.set(k, Number((records[i] as { savedAt?: unknown } | undefined)?.savedAt) || 0));
  }
  const found: OtherVersion[] = [];
  for (const [other, at] of savedAt) {
    if (typeof other !== 'string' || other === key) continue;
    const parts = keyParts(other);
    if (parts?.name !== name) continue;
    try {
      const saved = await readWorkspaceAt(other);
      if (saved) found.push({ key: other, baseYear: parts.baseYear, schools: parts.schools, rowsRead: parts.rowsRead, savedAt: at, scenarios: saved.scenarios });
    } catch (e) {
      if (!(e instanceof StorageError)) throw e;
    }
  }
  return found.sort((a, b) => b.savedAt - a.savedAt);
}
