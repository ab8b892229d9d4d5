import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatTime } from '../../src/i18n/format';
import { p01AfterPlan } from '../unit/shouguangFiles';
import { launchChromium, requestsOutside, waitForApp } from './appPage';
import { clickSettled } from './loadStatus';

const url = inject('baseUrl');
const planFile = join(import.meta.dirname, '../../data/scenarios/shengcheng-to-huiwen.json');
const planName = (JSON.parse(readFileSync(planFile, 'utf8')) as { name: string }).name;
// 圣城小学's pupils before and after the plan, counted from the files with turf (shouguangFiles.ts).
const P01_BEFORE = 2600;
const P01_AFTER = p01AfterPlan.reduce((a, b) => a + b, 0);

/**
 * Storage faults switched on by the test: `window.__fault` for this page, or sessionStorage's
 * `fault` to hold across a reload. 'quota': every put finds the storage full (Chromium's empty
 * message); 'read': every get fails.
 */
const FAULTS = `(() => {
  const on = (name) => window.__fault === name || sessionStorage.getItem('fault') === name;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (on('quota')) throw new DOMException('', 'QuotaExceededError');
    return put.apply(this, args);
  };
  const get = IDBObjectStore.prototype.get;
  IDBObjectStore.prototype.get = function (...args) {
    if (on('read')) throw new DOMException('', 'UnknownError');
    return get.apply(this, args);
  };
})();`;

/** Site storage blocked as Chromium blocks it: reading `localStorage` and opening IndexedDB throw a SecurityError. */
const BLOCKED = `(() => {
  const deny = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
  IDBFactory.prototype.open = deny;
})();`;

interface Stored {
  meta?: { version: number; scenarioIds: string[]; activeScenarioId: string };
  scenarios: { id: string; name: string; edits: number; redo: number }[];
}

/** What IndexedDB holds, read with the browser's own API (the app's code is not used). */
const stored = (page: Page) =>
  page.evaluate(async (): Promise<Stored> => {
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('xuequ-guihua');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const all = (name: string) => new Promise<unknown[]>((ok) => {
      const r = db.transaction(name).objectStore(name).getAll();
      r.onsuccess = () => ok(r.result);
    });
    const [metas, records] = db.objectStoreNames.contains('workspaceMeta') ? await Promise.all([all('workspaceMeta'), all('scenarios')]) : [[], []];
    db.close();
    const meta = metas[0] as Stored['meta'];
    const byId = new Map((records as { doc: { id: string; name: string; edits: unknown[]; redoEdits: unknown[] } }[]).map((r) => [r.doc.id, r.doc]));
    const ids = meta?.scenarioIds ?? [...byId.keys()];
    return { meta, scenarios: ids.map((id) => byId.get(id)!).map((d) => ({ id: d.id, name: d.name, edits: d.edits.length, redo: d.redoEdits.length })) };
  });

/** What the page shows: every scenario (the active one with its current history), the active one and 圣城小学's pupils. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const s = window.__planner!.store.getState();
    const scenarios = s.scenarios.map((d) => (d.id === s.activeScenarioId ? { ...d, edits: s.edits, redoEdits: s.redoEdits } : d));
    return {
      scenarios: scenarios.map((d) => ({ id: d.id, name: d.name, edits: d.edits.length, redo: d.redoEdits.length })),
      active: s.activeScenarioId,
      p01: s.result!.schools.find((x) => x.id === 'P01')!.enrollment,
    };
  });

const names = async (page: Page) => (await shown(page)).scenarios.map((d) => d.name);

/** Waits until IndexedDB holds scenarios of these names, in this order. */
const waitStored = (page: Page, expected: string[]) =>
  expect.poll(async () => (await stored(page)).scenarios.map((d) => d.name), { timeout: 60_000 }).toEqual(expected);

/** Clicks 新建方案 and waits until the page shows `count` scenarios. */
async function newScenario(page: Page, count: number) {
  await page.getByTestId('scenario-new').click();
  await page.waitForFunction((n) => window.__planner!.store.getState().scenarios.length === n, count);
}

/** Renames the active scenario with the scenario bar. */
async function rename(page: Page, name: string) {
  await clickSettled(page, 'scenario-rename');
  await page.getByTestId('scenario-name').fill(name);
  await page.getByTestId('scenario-name').press('Enter');
  await page.waitForFunction((n) => window.__planner!.store.getState().scenarios.some((d) => d.name === n), name);
}

/** The text of a download the click starts. */
async function downloaded(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

async function reload(page: Page) {
  await page.reload();
  await waitForApp(page);
}

describe('saved work survives storage faults and a second tab (Chromium)', () => {
  let browser: Browser;
  let context: BrowserContext | undefined;
  const requests: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(requestsOutside(requests.splice(0), url)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh browser context (its own storage) with `init` run before the app in every page. */
  async function open(init: string): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    if (init) await context.addInitScript(init);
    return openTab();
  }

  async function openTab(): Promise<Page> {
    const page = await context!.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    await waitForApp(page);
    return page;
  }

  it('a saved workspace that cannot be read is reported, left as it was and back once readable; another version can be exported raw or replaced', async () => {
    const page = await open(FAULTS);
    await newScenario(page, 2);
    await waitStored(page, ['方案 1', '方案 2']);
    const saved = (await stored(page)).scenarios;

    // Every read fails at start-up: the planner is told, and nothing saved is touched.
    await page.evaluate(() => sessionStorage.setItem('fault', 'read'));
    await reload(page);
    expect(await page.evaluate(() => window.__planner!.store.getState().readError)).toEqual({ code: 'unknown', detail: 'UnknownError' });
    expect(await page.getByTestId('read-error-text').innerText()).toBe('保存的工作无法读取：浏览器存储出错（UnknownError）。保存的记录未做任何改动；为免覆盖它，自动保存已关闭。');
    await clickSettled(page, 'keep-autosave-off');
    expect(await page.getByTestId('autosave-off').innerText()).toBe('自动保存已关闭');
    expect(await names(page)).toEqual(['方案 1']);
    await newScenario(page, 2);
    await rename(page, '未保存的方案');
    await page.evaluate(() => sessionStorage.removeItem('fault'));
    expect((await stored(page)).scenarios).toEqual(saved);
    expect(await page.evaluate(() => window.__planner!.store.getState().savedAt)).toBeUndefined();

    // Readable again: the saved scenarios come back as they were.
    await reload(page);
    expect((await shown(page)).scenarios).toEqual(saved);

    // A record of a version this app does not know: reported, exported raw, replaced only on request.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('xuequ-guihua'); r.onsuccess = () => ok(r.result); });
      const meta = db.transaction('workspaceMeta', 'readwrite').objectStore('workspaceMeta');
      await new Promise((ok) => { const r = meta.openCursor(); r.onsuccess = () => r.result!.update({ ...r.result!.value, version: 99 }).onsuccess = ok; });
      db.close();
    });
    await reload(page);
    expect(await page.getByTestId('read-error-text').innerText()).toContain('保存的工作无法读取：保存的记录是版本 99，本程序只能读取版本 1 和 2。');
    const dialog = page.locator('.ant-modal');
    const raw = await downloaded(page, dialog.getByTestId('export-raw-record'));
    expect(raw.name).toBe('保存的工作-原始记录.json');
    const rawJson = JSON.parse(raw.bytes.toString('utf8')) as { meta: { version: number }; scenarios: { doc: { name: string } }[] };
    expect(rawJson.meta.version).toBe(99);
    expect(rawJson.scenarios.map((r) => r.doc.name)).toEqual(['方案 1', '方案 2']);
    expect((await stored(page)).meta?.version).toBe(99);
    await dialog.getByTestId('start-afresh').click();
    await page.getByTestId('saved-at').waitFor();
    const after = await stored(page);
    expect(after.meta?.version).toBe(2);
    expect(after.scenarios.map((d) => d.name)).toEqual(['方案 1']);
  }, 600_000);

  it('work saved for another version of the dataset (two pupil rows fewer) is offered, brought in and replayed; a scenario the data refuses is named; dismissed, it is not offered again', async () => {
    const page = await open('');
    await waitStored(page, ['方案 1']);
    // Saved work under the key the same dataset had with two rows fewer: the plan, and a scenario
    // giving an area to a school that does not exist. Written with the browser's own API.
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as { name: string; edits: unknown[] };
    const other = await page.evaluate(async (edits) => {
      const s = window.__planner!.store.getState();
      const d = s.dataset!;
      const key = `${d.name}|${d.baseYear}|${d.schools.length}|${d.rowsRead - 2}`;
      const { rules, projection } = s.scenarios[0];
      const docs = [
        { id: 'earlier-plan', name: edits.name, edits: edits.edits, redoEdits: [], rules, projection },
        { id: 'earlier-bad', name: '给不存在的学校', edits: [{ ...(edits.edits[0] as object), schoolId: 'NO-SUCH' }], redoEdits: [], rules, projection },
      ];
      const db = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('xuequ-guihua'); r.onsuccess = () => ok(r.result); });
      const tx = db.transaction(['workspaceMeta', 'scenarios'], 'readwrite');
      tx.objectStore('workspaceMeta').put({ version: 2, revision: 1, scenarioIds: docs.map((x) => x.id), activeScenarioId: docs[0].id, profile: s.profile, savedAt: Date.now() }, key);
      for (const doc of docs) tx.objectStore('scenarios').put({ version: 2, revision: 1, doc, savedAt: Date.now() }, [key, doc.id]);
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
      return { rows: d.rowsRead - 2 };
    }, plan);

    await reload(page);
    const notice = page.getByTestId('earlier-work');
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain(`学生 ${(other.rows).toLocaleString('zh-CN')} 行）保存有 2 个方案：${planName}、给不存在的学校。`);
    expect((await shown(page)).scenarios.map((d) => d.name)).toEqual(['方案 1']);

    await page.getByTestId('earlier-work-import').click();
    await page.getByTestId('earlier-work-refused').waitFor();
    expect(await page.getByTestId('earlier-work-refused').innerText()).toContain('以下方案未能导入当前数据：给不存在的学校（第 1 步编辑不适用：');
    // The plan replaced the untouched 方案 1 and replays to the counted figure; the refused one changed nothing.
    const after = await shown(page);
    expect(after.scenarios.map((d) => [d.id, d.name, d.edits])).toEqual([['earlier-plan', planName, 1]]);
    expect(after.p01).toBe(P01_AFTER);
    // Kept under this dataset by autosave.
    const keptHere = () => page.evaluate(async () => {
      const d = window.__planner!.store.getState().dataset!;
      const key = `${d.name}|${d.baseYear}|${d.schools.length}|${d.rowsRead}`;
      const db = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('xuequ-guihua'); r.onsuccess = () => ok(r.result); });
      const found = await new Promise<unknown>((ok) => { const r = db.transaction('scenarios').objectStore('scenarios').get([key, 'earlier-plan']); r.onsuccess = () => ok(r.result); });
      db.close();
      return found !== undefined;
    });
    await expect.poll(keptHere, { timeout: 60_000 }).toBe(true);

    await page.getByTestId('earlier-work-dismiss').click();
    await reload(page);
    expect(await names(page)).toEqual([planName]);
    expect(await page.getByTestId('earlier-work').count()).toBe(0);
    expect(await page.getByTestId('earlier-work-refused').count()).toBe(0);
  }, 600_000);

  it('full storage (an empty message) turns autosave off with the reason and 导出全部方案; the next successful save clears it and saves what was missed', async () => {
    const page = await open(FAULTS);
    await page.getByTestId('saved-at').waitFor();
    const firstSave = (await page.evaluate(() => window.__planner!.store.getState().savedAt))!;
    await page.evaluate(() => (window.__fault = 'quota'));
    await newScenario(page, 2);
    await page.waitForFunction(() => window.__planner!.store.getState().saveError?.code === 'quota');
    expect(await page.getByTestId('autosave-off').innerText()).toBe('自动保存已关闭');
    expect(await page.getByTestId('save-banner').innerText()).toContain(`自动保存已关闭：浏览器的存储空间已满 · 最后一次成功保存于 ${formatTime('zh-CN', firstSave)}`);
    expect(await page.evaluate(() => window.__planner!.store.getState().savedAt)).toBe(firstSave);

    const zip = await JSZip.loadAsync((await downloaded(page, page.getByTestId('export-all-scenarios'))).bytes);
    expect(Object.keys(zip.files)).toEqual(['方案 1.json', '方案 2.json']);
    const second = JSON.parse(await zip.file('方案 2.json')!.async('string')) as { version: number; name: string; edits: unknown[] };
    expect(second).toMatchObject({ version: 2, name: '方案 2', edits: [] });

    await page.evaluate(() => (window.__fault = undefined));
    await newScenario(page, 3);
    await page.waitForFunction((t) => !window.__planner!.store.getState().saveError && window.__planner!.store.getState().savedAt! > t, firstSave);
    await page.getByTestId('saved-at').waitFor();
    expect(await page.getByTestId('save-banner').count()).toBe(0);
    await reload(page);
    expect(await names(page)).toEqual(['方案 1', '方案 2', '方案 3']);

    // Reload in the middle of an edit: the plan's edit is saved, then undone and the page reloaded at once.
    await page.getByTestId('scenario-file').setInputFiles(planFile);
    await page.waitForFunction((name) => window.__planner!.store.getState().edits.length === 1 && window.__planner!.store.getState().scenarios.some((d) => d.name === name), planName);
    await expect.poll(async () => (await stored(page)).scenarios.find((d) => d.name === planName)?.edits, { timeout: 60_000 }).toBe(1);
    await page.getByTestId('undo').click();
    await reload(page);
    const now = await shown(page);
    const disk = await stored(page);
    expect(now.scenarios).toEqual(disk.scenarios);
    expect(now.active).toBe(disk.meta?.activeScenarioId);
    expect(now.scenarios.map((d) => d.name)).toEqual(['方案 1', '方案 2', '方案 3', planName]);
    const plan = now.scenarios[3];
    // Either the undo was saved before the reload or not; both edits counts add up to the one edit made.
    expect(plan.edits + plan.redo).toBe(1);
    expect(now.p01).toBe(plan.edits === 1 ? P01_AFTER : P01_BEFORE);
  }, 600_000);

  it('with site storage blocked the app opens and works, autosave off with the reason in Chinese', async () => {
    const page = await open(BLOCKED);
    expect(await page.evaluate(() => window.__planner!.store.getState().saveError)).toEqual({ code: 'blocked' });
    expect(await page.getByTestId('autosave-off').innerText()).toBe('自动保存已关闭');
    expect(await page.getByTestId('save-banner').innerText()).toContain('自动保存已关闭：浏览器不允许本网站保存数据（隐私设置或无痕模式）');
    await page.getByTestId('export-all-scenarios').waitFor();
    await newScenario(page, 2);
    await page.getByTestId('language-switch').click();
    await page.waitForFunction(() => window.__planner!.store.getState().locale === 'en');
    expect(await page.getByTestId('save-banner').innerText()).toContain('Autosave is off: the browser does not let this site store data (privacy settings or private mode)');
  });

  it('two tabs: each is told of the other’s save, a stale save never overwrites, keep both keeps both', async () => {
    const a = await open('');
    await a.getByTestId('saved-at').waitFor();
    const b = await openTab();
    expect(await names(b)).toEqual(['方案 1']);
    await rename(b, '乙改的名');
    await a.waitForFunction(() => !!window.__planner!.store.getState().saveConflict);
    expect(await a.getByTestId('save-conflict').innerText()).toContain('另一个标签页保存了这份工作的更新版本（方案 1）。');

    // Tab A, now stale, renames the same scenario: refused, and B's name stays saved.
    await rename(a, '甲改的名');
    await a.waitForFunction(() => window.__planner!.store.getState().saveConflict?.blocked === true);
    expect(await a.getByTestId('save-conflict').innerText()).toContain('另一个标签页保存了更新的版本（方案 1），本页的修改没有覆盖它，自动保存已暂停。');
    expect((await stored(a)).scenarios.map((d) => d.name)).toEqual(['乙改的名']);

    await a.getByTestId('conflict-keep-both').click();
    await a.waitForFunction(() => !window.__planner!.store.getState().saveConflict && window.__planner!.store.getState().scenarios.length === 2);
    expect(await names(a)).toEqual(['乙改的名', '甲改的名（本页版本）']);
    expect((await stored(a)).scenarios.map((d) => d.name)).toEqual(['乙改的名', '甲改的名（本页版本）']);

    // Tab B learns of A's copy at once and reads the saved work again.
    await b.waitForFunction(() => !!window.__planner!.store.getState().saveConflict);
    await b.getByTestId('conflict-reload').click();
    await b.waitForFunction(() => window.__planner!.store.getState().scenarios.length === 2);
    expect(await names(b)).toEqual(['乙改的名', '甲改的名（本页版本）']);
  }, 600_000);
});

declare global {
  interface Window {
    __fault?: string;
  }
}
