import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { workbookWithEndlessRecord } from '../fixtures/hostile/makeHostile';
import type { ZoneEdit } from '../../src/core/zoneEdits';
import { freshAppForEachTest, sharedAppForFile, waitForApp } from './appPage';
import { clickSettled, waitForStatus } from './loadStatus';
import { expectedAfter } from './shouguang';

const url = inject('baseUrl');
const rooms = (classrooms: number): ZoneEdit => ({ op: 'setFacilities', schoolId: 'P01', facilities: { classrooms } });

/** What the page holds: its history and numbers, and what it tells the planner about the engine. */
const state = (page: Page) =>
  page.evaluate(() => {
    const s = window.__planner!.store.getState();
    return { edits: s.edits, redoEdits: s.redoEdits, result: s.result, notice: s.engineNotice?.code, editError: s.editError?.code };
  });

/** Gives 圣城小学 (P01) `n` classrooms with the facility levers, as the planner does. */
async function setClassrooms(page: Page, n: number) {
  await page.evaluate(() => window.__planner!.store.setState({ selectedSchoolId: 'P01', editError: undefined }));
  const input = page.getByTestId('lever-classrooms');
  if (!(await input.isVisible())) await page.getByTestId('facility-levers').getByText('设施调整', { exact: false }).click();
  await input.fill(String(n));
  await clickSettled(page, 'apply-levers');
}

/** Waits until the engine notice says the worker was restarted with the scenario. */
const restarted = (page: Page) => page.waitForFunction(() => window.__planner!.store.getState().engineNotice?.code === 'engineRestarted', undefined, { timeout: 120_000, polling: 100 });

// One page for the three faults, in order: each starts from what the one before left, which the
// test knows exactly (the history and the numbers it gives).
describe('the engine worker fails; the app restarts it and nothing the planner did is lost', () => {
  let page: Page;
  const app = sharedAppForFile(url);
  beforeAll(() => {
    page = app.page;
  });

  it('a crashed worker is replaced and the scenario replayed; the next edit applies on top of the one before', async () => {
    await setClassrooms(page, 58);
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    await page.evaluate(() => window.__planner!.testFaults.inject('crash'));
    await restarted(page);
    const notice = page.getByTestId('engine-notice');
    expect(await notice.innerText()).toBe('计算引擎出错，已重新启动并恢复当前方案');
    expect(await state(page)).toMatchObject({ edits: [rooms(58)], result: expectedAfter([rooms(58)]) });

    await setClassrooms(page, 60);
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 2);
    const after = await state(page);
    expect(after.edits).toEqual([rooms(58), rooms(60)]);
    expect(after.result).toEqual(expectedAfter([rooms(58), rooms(60)]));
    expect(after.result!.schools.find((s) => s.id === 'P01')!.classrooms).toBe(60);
  });

  it('a hung worker is found out by the edit’s time budget and replaced; that edit is reported as not applied', async () => {
    await page.evaluate(() => window.__planner!.store.setState({ engineNotice: undefined }));
    await page.evaluate(() => window.__planner!.testFaults.inject('hang'));
    await setClassrooms(page, 62);
    // The edit's budget on this dataset is about 12 s; then the restart loads the data again.
    await page.waitForFunction(() => window.__planner!.store.getState().editError?.code === 'engineFault', undefined, { timeout: 120_000, polling: 100 });
    expect(await page.getByTestId('edit-error').innerText()).toBe('未执行该修改: 计算引擎出错或无响应，已重新启动并恢复当前方案，此操作未执行');
    await restarted(page);
    expect(await state(page)).toMatchObject({ edits: [rooms(58), rooms(60)], result: expectedAfter([rooms(58), rooms(60)]) });
  });

  it('an exception inside an edit in the worker changes nothing: worker, page and a reload agree', async () => {
    await page.evaluate(() => window.__planner!.testFaults.inject('throwInEdit'));
    await setClassrooms(page, 64);
    await page.waitForFunction(() => window.__planner!.store.getState().editError?.code === 'engineError');
    expect(await page.getByTestId('edit-error').innerText()).toBe('未执行该修改: 计算引擎计算时出错（injected fault (test hook)），未做任何更改');
    expect(await state(page)).toMatchObject({ edits: [rooms(58), rooms(60)], result: expectedAfter([rooms(58), rooms(60)]) });
    // Had the worker kept the failed edit, undo would take it back (to 60 classrooms) instead of the
    // page's last edit (to 58).
    const since = await page.evaluate(() => Date.now());
    await page.getByTestId('undo').click();
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    const undone = await state(page);
    expect(undone).toMatchObject({ edits: [rooms(58)], redoEdits: [rooms(60)], result: expectedAfter([rooms(58)]) });
    expect(undone.result!.schools.find((s) => s.id === 'P01')!.classrooms).toBe(58);

    // A reload computes everything from scratch from the saved history: the same numbers.
    await page.waitForFunction((t) => (window.__planner!.store.getState().savedAt ?? 0) >= t, since);
    await page.reload();
    await waitForApp(page);
    const reloaded = await state(page);
    expect(reloaded).toMatchObject({ edits: [rooms(58)], redoEdits: [rooms(60)], notice: undefined });
    expect(reloaded.result).toEqual(undone.result);
  });

  it('a worker that closes itself while idle is replaced at once, with no call to find it out', async () => {
    await page.evaluate(() => window.__planner!.testFaults.inject('exit'));
    await restarted(page);
    expect(await state(page)).toMatchObject({ edits: [rooms(58)], redoEdits: [rooms(60)], result: expectedAfter([rooms(58)]) });
  });
});

describe('a damaged workbook that takes the reading worker\'s memory', () => {
  const app = freshAppForEachTest(url);

  it('stops the load naming the file; the dataset on screen stays, and the page lives', { timeout: 240_000 }, async () => {
    const page = app.page;
    const tiny = readFileSync(join(import.meta.dirname, '../fixtures/tiny/students.csv'), 'utf8');
    const file = join(mkdtempSync(join(tmpdir(), 'damaged-xls-')), '学生名单.xls');
    writeFileSync(file, await workbookWithEndlessRecord(tiny));
    const before = await page.evaluate(() => ({ version: window.__planner!.store.getState().datasetVersion, pupils: window.__planner!.store.getState().dataset!.pupilsLoaded }));
    await page.getByTestId('file-input').setInputFiles(file);
    expect(await waitForStatus(page, before.version, ['mapping', 'review', 'error', 'done'], 200_000)).toBe('error');
    expect(await page.getByTestId('load-error').innerText()).toBe('学生名单.xls: 读取此文件时计算引擎出错（崩溃或无响应），文件可能已损坏；当前数据保持不变');
    expect(await page.evaluate(() => ({ version: window.__planner!.store.getState().datasetVersion, pupils: window.__planner!.store.getState().dataset!.pupilsLoaded }))).toEqual(before);
  });
});
