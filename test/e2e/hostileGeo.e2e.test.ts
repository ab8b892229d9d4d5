import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { TINY_STUDENTS } from '../fixtures/hostile-geo/manifest';
import { freshAppForEachTest } from './appPage';
import { clickSettled, datasetVersion, waitForStatus } from './loadStatus';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
const tiny = join(root, 'test/fixtures/tiny');
const hostile = join(root, 'test/fixtures/hostile-geo/files');


/** The index of a file's card in the mapping step. */
const cardIndex = (page: Page, file: string) => page.evaluate((name) => {
  const l = window.__planner!.store.getState().load;
  return l.status === 'mapping' ? l.files.findIndex((f) => f.name === name) : -1;
}, file);

describe('swapped longitude/latitude through the app’s file input (Chromium)', () => {
  const app = freshAppForEachTest(inject('baseUrl'));

  it('names a zones file with swapped positions, then loads a pupils file with them swapped once “经纬度互换” is ticked', async () => {
    const { page } = app;
    // Zones written [lat, lon]: refused naming the file, the feature and the fix; the dataset already open stays.
    let before = await datasetVersion(page);
    await page.getByTestId('file-input').setInputFiles([join(tiny, 'schools.geojson'), join(hostile, 'zones-lonlat-swapped.geojson'), join(tiny, 'students.csv')]);
    expect(await waitForStatus(page, before, ['mapping', 'review', 'error', 'done'])).toBe('mapping');
    await clickSettled(page, 'import-confirm');
    expect(await waitForStatus(page, before, ['review', 'error', 'done'])).toBe('error');
    const error = await page.getByTestId('load-error').innerText();
    expect(error).toContain('zones-lonlat-swapped.geojson: 第 1 个要素（school_id "P1"）：坐标 [36, 118] 不是经纬度，交换两数后即是：经纬度可能颠倒');
    expect(await datasetVersion(page)).toBe(before);

    // Pupils written lat, lon: ticking the box reads them the other way round, and they count as the tiny county.
    before = await datasetVersion(page);
    const file = 'students-lonlat-swapped.csv';
    await page.getByTestId('file-input').setInputFiles([join(tiny, 'schools.geojson'), join(tiny, 'catchments.geojson'), join(hostile, file)]);
    expect(await waitForStatus(page, before, ['mapping', 'review', 'error', 'done'])).toBe('mapping');
    const k = await cardIndex(page, file);
    await page.getByTestId(`swap-lonlat-${k}`).click();
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.getByTestId(`import-file-${k}`).screenshot({ path: join(shots, 'import-swap-lonlat.png') });
    await clickSettled(page, 'import-confirm');
    // The tiny county's 6 bad rows make a report to pass.
    expect(await waitForStatus(page, before, ['review', 'error', 'done'])).toBe('review');
    await clickSettled(page, 'load-anyway');
    expect(await waitForStatus(page, before, ['done', 'error'])).toBe('done');
    const got = await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return { input: s.dataset!.rowsRead, assigned: s.result!.summary.assigned, unassigned: s.result!.summary.unassigned, rejected: s.dataset!.rejected.length };
    });
    expect(got).toEqual(TINY_STUDENTS);
  });
});
