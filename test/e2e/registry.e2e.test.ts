import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PUPIL_ROWS, workbook } from '../fixtures/registryExport';
import { sharedAppForFile } from './appPage';
import { clickSettled } from './loadStatus';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
const tiny = join(root, 'test/fixtures/tiny');

describe('a registry export in the mapping step (Chromium)', () => {
  let page: Page;
  const baseUrl = inject('baseUrl');

  const app = sharedAppForFile(baseUrl);
  beforeAll(() => {
    page = app.page;
  });

  it('shows the base year the sheet states and each cohort’s conversion, and loads with the planner’s level', async () => {
    await page.evaluate(() => localStorage.clear());
    const before = await page.evaluate(() => window.__planner!.store.getState().datasetVersion);
    const file = (name: string) => ({ name, mimeType: 'application/octet-stream', buffer: readFileSync(join(tiny, name)) });
    const pupils = { name: '学生名单.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await workbook('2024秋', PUPIL_ROWS)) };
    await page.getByTestId('file-input').setInputFiles([file('schools.geojson'), file('catchments.geojson'), pupils]);
    await page.waitForFunction(() => window.__planner!.store.getState().load.status === 'mapping', undefined, { timeout: 60_000 });

    expect(await page.getByTestId('base-year').inputValue()).toBe('2024');
    expect(await page.getByTestId('base-year-source').innerText()).toBe('学生名单.xlsx 的工作表名写明“2024秋”');
    const rows = () => page.getByTestId('cohorts-2').getByTestId('cohort-row').allInnerTexts();
    // The pupil's school decides the level: both readings are shown.
    expect((await rows())[0]).toBe('2023级 → 二年级（小学学校）或 八年级（初中学校）（基准年 2024 秋）');
    expect((await rows())[5]).toBe('初中2023级 → 八年级（基准年 2024 秋）');

    await page.getByTestId('cohort-level-2').click();
    await page.getByText('小学：2023级 = 2023 年秋入一年级').click();
    expect(await rows()).toEqual([
      '2023级 → 二年级（基准年 2024 秋）',
      '2024级 → 一年级（基准年 2024 秋）',
      '2025届 → 六年级（基准年 2024 秋）',
      '2017级 → 八年级，超出 1–6 年级，将拒收（基准年 2024 秋）',
      '2022级 → 三年级（基准年 2024 秋）',
      '初中2023级 → 八年级（基准年 2024 秋）',
    ]);
    const year = page.getByTestId('base-year');
    await year.fill('2025');
    await year.press('Tab');
    expect((await rows())[0]).toBe('2023级 → 三年级（基准年 2025 秋）');
    await year.fill('2024');
    await year.press('Tab');
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.screenshot({ path: join(shots, 'import-registry-mapping.png') });

    await clickSettled(page, 'import-confirm');
    // A row is flagged (code and name disagree): the report waits for the planner.
    await page.waitForFunction(() => window.__planner!.store.getState().load.status === 'review', undefined, { timeout: 60_000 });
    await clickSettled(page, 'load-anyway');
    await page.waitForFunction((v) => {
      const s = window.__planner!.store.getState();
      return s.load.status === 'idle' && s.datasetVersion > v && s.workspaceReady;
    }, before, { timeout: 60_000 });
    const loaded = await page.evaluate(() => {
      const d = window.__planner!.store.getState().dataset!;
      const rows = (list: typeof d.rejected) => list.map((r) => [r.file, r.sheet, r.line]);
      return { baseYear: d.baseYear, read: d.rowsRead, loaded: d.pupilsLoaded, rejected: rows(d.rejected), skipped: rows(d.skipped), warnings: rows(d.warnings) };
    });
    // The nine-year school's 2022级 now counts from grade 1 (grade 3): 8 loaded; 2017级 and the repeated s1 rejected.
    expect(loaded).toEqual({
      baseYear: 2024, read: 10, loaded: 8,
      rejected: [['学生名单.xlsx', '2024秋', 8], ['学生名单.xlsx', '2024秋', 9]],
      skipped: [['学生名单.xlsx', '2024秋', 6], ['学生名单.xlsx', '2024秋', 14]],
      warnings: [['学生名单.xlsx', '2024秋', 10]],
    });
  });
});
