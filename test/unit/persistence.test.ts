import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { NATIONAL_PROFILE } from '../../src/core/standards';
import type { ZoneEdit } from '../../src/core/zoneEdits';
import { keyParts } from '../../src/app/datasetKey';
import { closeDatabase, keepBoth, readOtherVersions, readRawRecords, readWorkspace, saveWorkspace, StorageError, storageProblemOf, type Revisions, type SavedWorkspaceV1 } from '../../src/app/persistence';
import type { ScenarioDoc } from '../../src/store/store';

const KEY = '寿光|2024|66|100';
const edit = (schoolId: string): ZoneEdit => ({ op: 'assignArea', level: 'primary', schoolId, area: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } });
const doc = (id: string, name: string, edits: ZoneEdit[] = []): ScenarioDoc => ({ id, name, edits, redoEdits: [], rules: NO_RULES, projection: DEFAULT_PROJECTION });
const settings = { profile: NATIONAL_PROFILE, overlapRule: 'smallestZone' as const };
const ZERO: Revisions = { meta: 0, scenarios: {} };

/** Saves `docs` as the first save of a workspace and returns the revisions written. */
async function firstSave(docs: ScenarioDoc[]): Promise<Revisions> {
  const out = await saveWorkspace(KEY, { put: docs, remove: [], meta: { scenarioIds: docs.map((d) => d.id), ...settings }, activeScenarioId: docs[0].id }, ZERO);
  if (!out.ok) throw new Error('first save refused');
  return out.revisions;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await closeDatabase();
});

describe('versioned per-scenario saves', () => {
  it('numbers revisions per record and reads back what was saved', async () => {
    const a = doc('s1', '方案 1');
    const b = doc('s2', '方案 2', [edit('P01')]);
    expect(await firstSave([a, b])).toEqual({ meta: 1, scenarios: { s1: 1, s2: 1 } });
    const read = await readWorkspace(KEY);
    expect(read).toEqual({ scenarios: [a, b], activeScenarioId: 's1', ...settings, revisions: { meta: 1, scenarios: { s1: 1, s2: 1 } }, migrated: false });
  });

  it('refuses to overwrite a scenario another tab saved since, writing nothing of the change', async () => {
    const known = await firstSave([doc('s1', '方案 1'), doc('s2', '方案 2')]);
    // Tab A edits 方案 1 (revision 1 → 2).
    const tabA = await saveWorkspace(KEY, { put: [doc('s1', '方案 1', [edit('P01')])], remove: [], activeScenarioId: 's1' }, known);
    expect(tabA).toEqual({ ok: true, revisions: { meta: 1, scenarios: { s1: 2, s2: 1 } } });
    // Tab B still knows revision 1: its rename of 方案 1 and its edit of 方案 2 are refused together.
    const tabB = await saveWorkspace(KEY, { put: [doc('s1', '改名'), doc('s2', '方案 2', [edit('P02')])], remove: [], activeScenarioId: 's1' }, known);
    expect(tabB).toEqual({ ok: false, conflict: { scenarioIds: ['s1'], meta: false } });
    const read = await readWorkspace(KEY);
    expect(read?.scenarios).toEqual([doc('s1', '方案 1', [edit('P01')]), doc('s2', '方案 2')]);
    expect(read?.revisions).toEqual({ meta: 1, scenarios: { s1: 2, s2: 1 } });
  });

  it('refuses a change of the scenario list made from a stale list', async () => {
    const known = await firstSave([doc('s1', '方案 1')]);
    const tabA = await saveWorkspace(KEY, { put: [doc('s2', '方案 2')], remove: [], meta: { scenarioIds: ['s1', 's2'], ...settings }, activeScenarioId: 's2' }, known);
    expect(tabA.ok).toBe(true);
    const tabB = await saveWorkspace(KEY, { put: [doc('s3', 'B 的方案')], remove: [], meta: { scenarioIds: ['s1', 's3'], ...settings }, activeScenarioId: 's3' }, known);
    expect(tabB).toEqual({ ok: false, conflict: { scenarioIds: [], meta: true } });
    const read = await readWorkspace(KEY);
    expect(read?.scenarios.map((d) => d.name)).toEqual(['方案 1', '方案 2']);
    expect((await readRawRecords(KEY)).scenarios).toHaveLength(2);
  });

  it('records which scenario was open without a new revision', async () => {
    const known = await firstSave([doc('s1', '方案 1'), doc('s2', '方案 2')]);
    const out = await saveWorkspace(KEY, { put: [], remove: [], activeScenarioId: 's2' }, known);
    expect(out).toEqual({ ok: true, revisions: known });
    expect((await readWorkspace(KEY))?.activeScenarioId).toBe('s2');
  });

  it('writes nothing when storage is full in the middle of a save (one transaction)', async () => {
    const known = await firstSave([doc('s1', '方案 1'), doc('s2', '方案 2')]);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    // The first record goes in, the second finds the storage full (Chromium's message is empty).
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (++calls === 2) throw new DOMException('', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const saving = saveWorkspace(KEY, { put: [doc('s1', '方案 1', [edit('P01')]), doc('s2', '方案 2', [edit('P02')])], remove: [], activeScenarioId: 's1' }, known);
    await expect(saving).rejects.toEqual(new StorageError({ code: 'quota' }));
    await expect(saving).rejects.toMatchObject({ problem: { code: 'quota' } });
    vi.restoreAllMocks();
    const read = await readWorkspace(KEY);
    expect(read?.scenarios).toEqual([doc('s1', '方案 1'), doc('s2', '方案 2')]);
    expect(read?.revisions).toEqual(known);
  });

  it('keeps both: a scenario another tab changed is saved as a copy, an unchanged one as it is', async () => {
    const known = await firstSave([doc('s1', '方案 1'), doc('s2', '方案 2')]);
    await saveWorkspace(KEY, { put: [doc('s1', '方案 1', [edit('P01')])], remove: [], activeScenarioId: 's1' }, known);
    const mine = [doc('s1', '方案 1', [edit('P09')]), doc('s2', '方案 2', [edit('P02')]), doc('s9', '新方案')];
    const active = await keepBoth(KEY, mine, 's1', known, settings, () => 'copy1', (name) => `${name}（本页版本）`);
    expect(active).toBe('copy1');
    const read = await readWorkspace(KEY);
    expect(read?.scenarios).toEqual([doc('s1', '方案 1', [edit('P01')]), doc('s2', '方案 2', [edit('P02')]), { ...mine[0], id: 'copy1', name: '方案 1（本页版本）' }, mine[2]]);
    expect(read?.revisions).toEqual({ meta: 2, scenarios: { s1: 2, s2: 2, copy1: 1, s9: 1 } });
    expect(read?.activeScenarioId).toBe('copy1');
  });

  it('replaces everything saved for the dataset when the planner starts afresh', async () => {
    await firstSave([doc('s1', '方案 1'), doc('s2', '方案 2')]);
    const out = await saveWorkspace(KEY, { put: [doc('n1', '方案 1')], remove: [], meta: { scenarioIds: ['n1'], ...settings }, activeScenarioId: 'n1' }, ZERO, true);
    expect(out).toEqual({ ok: true, revisions: { meta: 1, scenarios: { n1: 1 } } });
    expect((await readRawRecords(KEY)).scenarios).toHaveLength(1);
  });
});

describe('reading saved work', () => {
  const legacy: SavedWorkspaceV1 = { version: 1, scenarios: [doc('a', '旧方案', [edit('P01')]), doc('b', '旧方案 2')], activeScenarioId: 'b', profile: NATIONAL_PROFILE, savedAt: 1 };

  /** The database as the app before version 2 left it: one record per dataset in `workspaces`. */
  async function writeLegacy(record: unknown): Promise<void> {
    const old = await openDB('xuequ-guihua', 1, { upgrade: (d) => d.createObjectStore('workspaces') });
    await old.put('workspaces', record, KEY);
    old.close();
  }

  it('migrates a version-1 workspace: read, saved as version-2 records, the old record kept', async () => {
    await writeLegacy(legacy);
    const read = await readWorkspace(KEY);
    expect(read).toEqual({ scenarios: legacy.scenarios, activeScenarioId: 'b', profile: NATIONAL_PROFILE, overlapRule: undefined, revisions: ZERO, migrated: true });
    await saveWorkspace(KEY, { put: legacy.scenarios, remove: [], meta: { scenarioIds: ['a', 'b'], profile: NATIONAL_PROFILE }, activeScenarioId: 'b' }, read!.revisions);
    const again = await readWorkspace(KEY);
    expect(again).toMatchObject({ scenarios: legacy.scenarios, activeScenarioId: 'b', revisions: { meta: 1, scenarios: { a: 1, b: 1 } }, migrated: false });
    expect((await readRawRecords(KEY)).legacy).toEqual(legacy);
  });

  it("reads what was saved under the dataset's former key as migrated, and prefers its own key's records", async () => {
    const FORMER = 'dataset|2024|66|100';
    await saveWorkspace(FORMER, { put: [doc('a', '旧方案', [edit('P01')])], remove: [], meta: { scenarioIds: ['a'], ...settings }, activeScenarioId: 'a' }, ZERO);
    const read = await readWorkspace(KEY, FORMER);
    expect(read).toEqual({ scenarios: [doc('a', '旧方案', [edit('P01')])], activeScenarioId: 'a', ...settings, revisions: ZERO, migrated: true });
    const saved = await saveWorkspace(KEY, { put: read!.scenarios, remove: [], meta: { scenarioIds: ['a'], ...settings }, activeScenarioId: 'a' }, read!.revisions);
    expect(saved.ok).toBe(true);
    await saveWorkspace(FORMER, { put: [doc('a', '旧方案 改', [edit('P02')])], remove: [], activeScenarioId: 'a' }, { meta: 1, scenarios: { a: 1 } });
    expect(await readWorkspace(KEY, FORMER)).toMatchObject({ scenarios: [doc('a', '旧方案', [edit('P01')])], revisions: { meta: 1, scenarios: { a: 1 } }, migrated: false });
    expect(await readWorkspace('other|2024|66|100', 'nothing|2024|66|100')).toBeUndefined();
  });

  it('reports nothing saved only when there is no record', async () => {
    expect(await readWorkspace(KEY)).toBeUndefined();
  });

  it('refuses a record of an unknown version or an incomplete one, never taking it for nothing saved', async () => {
    await writeLegacy({ ...legacy, version: 7 });
    await expect(readWorkspace(KEY)).rejects.toMatchObject({ problem: { code: 'version', detail: '7' } });
    await closeDatabase();
    globalThis.indexedDB = new IDBFactory();
    await firstSave([doc('s1', '方案 1'), doc('s2', '方案 2')]);
    const db = await openDB('xuequ-guihua', 2);
    await db.delete('scenarios', [KEY, 's2']);
    db.close();
    await expect(readWorkspace(KEY)).rejects.toMatchObject({ problem: { code: 'damaged', detail: 's2' } });
  });

  it('keeps the county’s limits with the settings, and refuses stored limits that could not be applied', async () => {
    const limits = { classCap: { primary: 40, junior: 45 }, maxSchoolSize: 1500, maxNineYearSchoolSize: 2000, largeClassMin: 46, extraLargeClassMin: 56 };
    const out = await saveWorkspace(KEY, { put: [doc('s1', '方案 1')], remove: [], meta: { scenarioIds: ['s1'], ...settings, limits }, activeScenarioId: 's1' }, ZERO);
    expect(out.ok).toBe(true);
    expect((await readWorkspace(KEY))?.limits).toEqual(limits);
    const db = await openDB('xuequ-guihua', 2);
    const meta = await db.get('workspaceMeta', KEY);
    await db.put('workspaceMeta', { ...meta, limits: { ...limits, largeClassMin: 60 } }, KEY);
    db.close();
    await expect(readWorkspace(KEY)).rejects.toMatchObject({ problem: { code: 'damaged', detail: 'limits' } });
  });

  it('says so when a tab of the older version holds the database open, instead of waiting for ever', async () => {
    const old = await openDB('xuequ-guihua', 1, { upgrade: (d) => d.createObjectStore('workspaces') });
    await expect(readWorkspace(KEY)).rejects.toMatchObject({ problem: { code: 'oldTab' } });
    old.close();
  });

  it('names storage failures by kind, whatever the message', () => {
    expect(storageProblemOf(new DOMException('', 'QuotaExceededError'))).toEqual({ code: 'quota' });
    expect(storageProblemOf(new DOMException('The operation is insecure.', 'SecurityError'))).toEqual({ code: 'blocked' });
    expect(storageProblemOf(new DOMException('Internal error.', 'UnknownError'))).toEqual({ code: 'unknown', detail: 'UnknownError' });
  });
});

describe('work saved for other versions of a dataset', () => {
  it('lists the keys of the same name, newest first, with what each key says and its scenarios; not the key itself, another name, or a damaged record', async () => {
    const at = (key: string, docs: ScenarioDoc[], savedAt: number) => {
      vi.spyOn(Date, 'now').mockReturnValue(savedAt);
      return saveWorkspace(key, { put: docs, remove: [], meta: { scenarioIds: docs.map((d) => d.id), ...settings }, activeScenarioId: docs[0].id }, ZERO);
    };
    await at(KEY, [doc('s1', '方案 1')], 1);
    await at('寿光|2024|66|98', [doc('a1', '甲', [edit('P01')])], 2);
    await at('寿光|2023|65|90', [doc('b1', '乙'), doc('b2', '丙', [edit('P02')])], 3);
    await at('青州|2024|66|98', [doc('c1', '丁')], 4);
    await at('寿光|2024|66|97', [doc('d1', '戊')], 5);
    // A name with the separator in it is read from the end.
    await at('寿光|东城|2024|66|96', [doc('e1', '己')], 6);
    const db = await openDB('xuequ-guihua');
    await db.put('workspaceMeta', { version: 2, revision: 1, scenarioIds: ['gone'], activeScenarioId: 'gone', ...settings, savedAt: 7 }, '寿光|2024|66|95');
    db.close();
    const found = await readOtherVersions(KEY);
    expect(found.map((v) => [v.key, v.baseYear, v.schools, v.rowsRead, v.savedAt, v.scenarios.map((d) => d.name)])).toEqual([
      ['寿光|2024|66|97', 2024, 66, 97, 5, ['戊']],
      ['寿光|2023|65|90', 2023, 65, 90, 3, ['乙', '丙']],
      ['寿光|2024|66|98', 2024, 66, 98, 2, ['甲']],
    ]);
  });

  it('offers nothing to a dataset without a name: unnamed datasets share the name, not their work', async () => {
    await saveWorkspace('|2024|66|13000', { put: [doc('u1', '县A方案', [edit('P01')])], remove: [], meta: { scenarioIds: ['u1'], ...settings }, activeScenarioId: 'u1' }, ZERO);
    await saveWorkspace('dataset|2024|66|13000', { put: [doc('u2', '县B方案', [edit('P01')])], remove: [], meta: { scenarioIds: ['u2'], ...settings }, activeScenarioId: 'u2' }, ZERO);
    expect(await readOtherVersions('|2025|12|1391')).toEqual([]);
    expect(await readOtherVersions('dataset|2025|12|1391')).toEqual([]);
  });

  it('reads a key back into its parts', () => {
    expect(keyParts('寿光|2024|66|100')).toEqual({ name: '寿光', baseYear: 2024, schools: 66, rowsRead: 100 });
    expect(keyParts('a|b|2024|1|2')).toEqual({ name: 'a|b', baseYear: 2024, schools: 1, rowsRead: 2 });
    expect(keyParts('not a key')).toBeUndefined();
  });
});
