// The corpus county 样本县 (test/fixtures/sample-county) through the app: its seven raw files picked
// in the file input (zones in a Shapefile and a KML, pupils in an XLSX export and a CSV supplement),
// its mapping.json read back in the mapping step, and every school's pupils equal to truth.json; then
// the same with the two workbooks saved as Excel 97 (.xls).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { freshAppForEachTest } from './appPage';
import { clickSettled, waitForStatus } from './loadStatus';

const county = join(import.meta.dirname, '../fixtures/sample-county');
const mappingPath = join(county, 'mapping.json');
const mapping = JSON.parse(readFileSync(mappingPath, 'utf8')) as { parts: Record<string, { file: string } | { file: string }[]> };
const truth = JSON.parse(readFileSync(join(county, 'truth.json'), 'utf8')) as {
  baseYear: number;
  expect: {
    loaded: number; rejected: number; skipped: number; assigned: number; unassigned: number;
    schoolRows: { skipped: unknown[] };
    schools: Record<string, { enrollment: number; grades: Record<string, number> }>;
    groups: { schools: string[]; enrollment: number }[];
  };
};
/** The mapping step's name of each part (messages.zh.ts). */
const PART_NAMES: Record<string, string> = { schools: '学校', catchments: '招生片区', students: '学生名单', units: '小区/村', county: '县界' };
/** Every file with the part the mapping file gives it, in the mapping file's order. */
const files = Object.entries(mapping.parts).flatMap(([part, e]) => (Array.isArray(e) ? e : [e]).map(({ file }) => ({ file, part })));

const asXls = (name: string) => name.replace(/\.xlsx$/, '.xls');
const WORKBOOKS = files.filter(({ file }) => file.endsWith('.xlsx')).map(({ file }) => file);

/**
 * Picks the county's files (the two workbooks from xls/ when `xls`), reads the mapping file back,
 * loads, and checks every count against truth.json.
 */
async function loadAndCheck(page: Page, xls: boolean): Promise<void> {
  const picked = files.map(({ file }) => (xls && WORKBOOKS.includes(file) ? join(county, 'xls', asXls(file)) : join(county, 'files', file)));
  let mappingFile = mappingPath;
  if (xls) {
    mappingFile = join(mkdtempSync(join(tmpdir(), 'county-xls-')), 'mapping.json');
    writeFileSync(mappingFile, WORKBOOKS.reduce((text, file) => text.replaceAll(file, asXls(file)), readFileSync(mappingPath, 'utf8')));
  }
  const before = await page.evaluate(() => window.__planner!.store.getState().datasetVersion);
  await page.getByTestId('file-input').setInputFiles(picked);
  expect(await waitForStatus(page, before, ['mapping', 'review', 'error', 'done'], 120_000)).toBe('mapping');
  await page.getByTestId('import-mapping-input').setInputFiles(mappingFile);
  // The mapping file gives every file its part (the outline 样本县.json, whose name says none, too), columns,
  // level and coordinate system: nothing is missing, so the load button is enabled.
  await page.waitForSelector('[data-testid="import-confirm"]:not([disabled])', { timeout: 30_000 });
  for (const [i, { part }] of files.entries()) expect(await page.getByTestId(`part-select-${i}`).innerText(), files[i].file).toBe(PART_NAMES[part]);
  // Each workbook is tagged with its own format.
  for (const [i, { file }] of files.entries()) if (WORKBOOKS.includes(file)) expect(await page.getByTestId(`import-file-${i}`).locator('.ant-tag').first().innerText()).toBe(xls ? 'XLS' : 'XLSX');
  await clickSettled(page, 'import-confirm');
  expect(await waitForStatus(page, before, ['review', 'error', 'done'], 120_000)).toBe('review');
  // The review counts the rows skipped (total rows, header copies: the pupils' and the schools'), not only those loaded and rejected.
  expect(await page.getByTestId('validation-summary').innerText()).toContain(`另跳过 ${truth.expect.skipped + truth.expect.schoolRows.skipped.length} 行`);
  await clickSettled(page, 'load-anyway');
  expect(await waitForStatus(page, before, ['done', 'error'], 120_000)).toBe('done');
  const got = await page.evaluate(() => {
    const s = window.__planner!.store.getState();
    return {
      loaded: s.dataset!.pupilsLoaded, rejected: s.dataset!.rejected.length, assigned: s.result!.summary.assigned, unassigned: s.result!.summary.unassigned,
      rejectedFiles: [...new Set(s.dataset!.rejected.map((r) => r.file))].sort(),
      schools: s.result!.schools.map((r) => ({ id: r.id, enrollment: r.enrollment, grades: r.grades })),
    };
  });
  const e = truth.expect;
  expect({ loaded: got.loaded, rejected: got.rejected, assigned: got.assigned, unassigned: got.unassigned }).toEqual({ loaded: e.loaded, rejected: e.rejected, assigned: e.assigned, unassigned: e.unassigned });
  // The rejected rows name both pupil files, each by its own name.
  const pupilFiles = files.filter((f) => f.part === 'students').map((f) => (xls ? asXls(f.file) : f.file));
  expect(got.rejectedFiles).toEqual(pupilFiles.sort());
  for (const [id, want] of Object.entries(e.schools)) {
    const school = got.schools.find((s) => s.id === id)!;
    const grades = Object.fromEntries(Object.entries(school.grades).map(([g, n]) => [String(g), n]));
    expect({ id, enrollment: school.enrollment, grades }).toEqual({ id, enrollment: want.enrollment, grades: Object.fromEntries(Object.keys(grades).map((g) => [g, want.grades[g]])) });
  }
  for (const g of e.groups) expect(got.schools.filter((s) => g.schools.includes(s.id)).reduce((a, s) => a + s.enrollment, 0)).toBe(g.enrollment);
  // No dataset.json: the header names the county its outline names, not a placeholder.
  expect(await page.getByTestId('dataset-name').innerText()).toBe(`样本县 · 基准学年 ${truth.baseYear}`);
}

describe('the corpus county 样本县 in the app (Chromium)', () => {
  const app = freshAppForEachTest(inject('baseUrl'));

  it('loads two zones files and two pupil files with the mapping file read back, and counts every school as truth.json', async () => {
    await loadAndCheck(app.page, false);
  });

  it('gives the same counts with the pupils\' and schools\' workbooks saved as Excel 97 (.xls)', async () => {
    await loadAndCheck(app.page, true);
  });
});
