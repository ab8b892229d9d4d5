import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { type Download, type Page } from 'playwright-core';
import { parseZip } from 'shpjs';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { ZoneEdit } from '../../src/core/zoneEdits';
import { DEFAULT_RULES } from '../../src/core/rules';
import { classesBySection, computeStandards } from '../../src/core/standards';
import { describeGap } from '../../src/features/standards/gap';
import { p01AfterPlan, primaryByGrade } from '../unit/shouguangFiles';
import { freshAppForEachTest, waitForApp } from './appPage';
import { runAfter, shouguang, stateAfter } from './shouguang';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { withLimits } from '../../src/core/limits';
import { clickSettled } from './loadStatus';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
const planFile = join(root, 'data/scenarios/shengcheng-to-huiwen.json');
const plan = JSON.parse(readFileSync(planFile, 'utf8')) as { name: string; edits: ZoneEdit[] };

const d = shouguang.dataset;
const afterPlan = runAfter(plan.edits);
const base = runAfter([]);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
// Counted from the files with turf: 圣城小学 keeps 1,863 of its 2,600 pupils; 737 go to 汇文学校 (560 before).
const P01_AFTER = sum(p01AfterPlan);
const MOVED = 2600 - P01_AFTER;

const state = (page: Page) =>
  page.evaluate(() => {
    const s = window.__planner!.store.getState();
    return {
      names: s.scenarios.map((x) => x.name),
      active: s.scenarios.find((x) => x.id === s.activeScenarioId)?.name,
      edits: s.edits.length,
      redo: s.redoEdits.length,
      p01: s.result!.schools.find((x) => x.id === 'P01')!.enrollment,
      phaseIn: s.scenarios.find((x) => x.id === s.activeScenarioId)?.rules.phaseIn?.fromYear,
    };
  });

describe('scenarios, autosave and exports in Chromium', () => {
  const app = freshAppForEachTest(inject('baseUrl'));
  let page: Page;
  beforeEach(() => {
    page = app.page;
  });

  /** Picks a scenario file with the scenario file input. */
  async function importScenario(path: string) {
    await page.getByTestId('scenario-file').setInputFiles(path);
  }

  /** Imports the plan as a scenario and waits until it is open with its edit applied. */
  async function importPlan() {
    await importScenario(planFile);
    await page.waitForFunction((name) => {
      const s = window.__planner!.store.getState();
      return s.scenarios.find((x) => x.id === s.activeScenarioId)?.name === name && s.edits.length === 1;
    }, plan.name);
  }

  it('starts with one empty scenario and imports the plan as a second one', async () => {
    expect(await state(page)).toMatchObject({ names: ['方案 1'], active: '方案 1', edits: 0, p01: 2600 });
    await importPlan();
    expect(await state(page)).toMatchObject({ names: ['方案 1', plan.name], active: plan.name, edits: 1, p01: P01_AFTER });
    expect(P01_AFTER).toBe(afterPlan.result.schools.find((s) => s.id === 'P01')!.enrollment);
  });

  /** Closes the import error's own dialog (other notices on the page may have a 知道了 button too). */
  const dismissImportError = () => page.locator('.ant-modal-confirm').filter({ has: page.getByTestId('import-error') }).getByRole('button', { name: /知道了|OK/ }).click();

  it('refuses a corrupt scenario file, names it and changes nothing', async () => {
    const before = await state(page);
    const bad = join(shots, 'corrupt-scenario.json');
    writeFileSync(bad, '{"version": 2, "name": "坏文件", "edits": [ {"op": "assignArea", ');
    await importScenario(bad);
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/corrupt-scenario\.json: 不是有效的 JSON/);
    await dismissImportError();
    await error.waitFor({ state: 'detached' });
    const unknownSchool = join(shots, 'unknown-school.json');
    writeFileSync(unknownSchool, JSON.stringify({ version: 2, name: '未知学校', edits: [{ ...plan.edits[0], schoolId: 'NOPE' }] }));
    await importScenario(unknownSchool);
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').innerText()).toMatch(new RegExp(`unknown-school\\.json：第 1 处修改（${plan.edits[0].op}）无法应用`));
    await dismissImportError();
    await page.getByTestId('import-error').waitFor({ state: 'detached' });
    // A misspelt rule is refused in the planner's language, naming the key and the one meant.
    const misspelt = join(shots, 'misspelt-rule.json');
    writeFileSync(misspelt, JSON.stringify({ version: 2, name: '拼错', edits: [], rules: { phasein: { fromYear: 2021 } } }));
    await importScenario(misspelt);
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').innerText()).toContain('misspelt-rule.json: rules 中有未知的键 "phasein"（是否应为 "phaseIn"？）');
    await dismissImportError();
    await page.getByTestId('import-error').waitFor({ state: 'detached' });
    expect(await state(page)).toEqual(before);
  });

  it('asks before an import would replace a scenario of the same name', async () => {
    await importPlan();
    await importScenario(planFile);
    await clickSettled(page, 'import-keep-both');
    await page.waitForFunction(() => window.__planner!.store.getState().scenarios.length === 3);
    expect((await state(page)).names).toEqual(['方案 1', plan.name, `${plan.name} 副本`]);
  });

  it('keeps rules, scenarios, edits and undo history across a page reload', async () => {
    await importPlan();
    await page.getByTestId('scenario-rules').click();
    await page.getByTestId('phase-in').check();
    await clickSettled(page, 'rules-save');
    await page.waitForFunction(() => !!window.__planner!.store.getState().scenarios.find((x) => x.id === window.__planner!.store.getState().activeScenarioId)?.rules.phaseIn);
    expect(await page.getByTestId('rules-note').innerText()).toContain('方案比较与预测');
    await page.getByTestId('undo').click();
    await page.waitForFunction(() => window.__planner!.store.getState().redoEdits.length === 1);
    const before = await state(page);
    expect(before).toEqual({ names: ['方案 1', plan.name], active: plan.name, edits: 0, redo: 1, p01: 2600, phaseIn: 2021 });
    // Saving runs after each change; wait until the last one is on disk.
    await page.waitForFunction(() => (window.__planner!.store.getState().savedAt ?? 0) > 0);
    await page.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('xuequ-guihua'); r.onsuccess = () => ok(r.result); });
      const saved = await new Promise<{ doc: { redoEdits: unknown[]; rules: { phaseIn?: unknown } } }[]>((ok) => {
        const store = db.transaction('scenarios').objectStore('scenarios');
        const r = store.getAll();
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      return saved.some((x) => x.doc.redoEdits.length === 1 && x.doc.rules.phaseIn);
    });
    await page.reload();
    await waitForApp(page);
    expect(await state(page)).toEqual(before);
    await page.getByTestId('redo').click();
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    expect((await state(page)).p01).toBe(P01_AFTER);
  });

  it('sets the county’s own limits: wrong figures are named and change nothing; applied, every figure follows the engine, the report states them, and a reload keeps them', async () => {
    const local = { classCap: { primary: 40, junior: 50 }, maxSchoolSize: 1500, maxNineYearSchoolSize: 2500, largeClassMin: 51, extraLargeClassMin: 61 };
    const expected = computeScenarioRun(d, stateAfter([]), withLimits(DEFAULT_RULES, local)).result;
    const national = await page.evaluate(() => window.__planner!.store.getState().result!.summary);
    expect(national.largeClasses).toBe(base.result.summary.largeClasses);
    expect(expected.summary.largeClasses).not.toBe(national.largeClasses);
    await page.getByTestId('edit-limits').click();
    await page.getByTestId('limit-classCap.primary').fill('40');
    await page.getByTestId('limit-largeClassMin').fill('45');
    await page.getByTestId('limits-problems').waitFor();
    expect(await page.getByTestId('limits-problems').innerText()).toContain('大班额起点（45）须大于初中班额上限（50）');
    expect(await page.getByTestId('save-limits').isDisabled()).toBe(true);
    await page.getByTestId('limit-largeClassMin').fill('51');
    await page.getByTestId('limit-extraLargeClassMin').fill('61');
    await page.getByTestId('limit-maxSchoolSize').fill('1500');
    await page.getByTestId('limits-problems').waitFor({ state: 'detached' });
    await page.getByTestId('save-limits').click();
    await page.waitForFunction((n) => window.__planner!.store.getState().result!.summary.largeClasses === n, expected.summary.largeClasses);
    const shown = await page.evaluate(() => window.__planner!.store.getState().result!);
    expect(shown.summary).toEqual(expected.summary);
    expect(shown.schools.find((x) => x.id === 'P01')).toEqual(expected.schools.find((x) => x.id === 'P01'));
    expect(await page.getByTestId('county-summary').innerText()).toContain('大班额（51–60）');
    expect(await page.getByTestId('limits-line').innerText()).toBe('班额上限：小学 40 人，初中 50 人；学校规模上限 1,500 人（九年一贯制 2,500 人）；大班额 51–60 人，超大班额 61 人及以上');
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-report').click();
    await page.waitForSelector('[data-testid="print-report"][data-ready="yes"]');
    expect(await page.getByTestId('report-rules').innerText()).toContain('大班额 51–60 人');
    await clickSettled(page, 'report-close');
    await page.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('xuequ-guihua'); r.onsuccess = () => ok(r.result); });
      const metas = await new Promise<{ limits?: { classCap: { primary: number } } }[]>((ok) => {
        const r = db.transaction('workspaceMeta').objectStore('workspaceMeta').getAll();
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      return metas.some((m) => m.limits?.classCap.primary === 40);
    });
    await page.reload();
    await waitForApp(page);
    await page.waitForFunction((n) => window.__planner!.store.getState().result!.summary.largeClasses === n, expected.summary.largeClasses);
    expect(await page.evaluate(() => window.__planner!.store.getState().limits)).toEqual(local);
    expect(await page.evaluate(() => window.__planner!.store.getState().result!.summary)).toEqual(expected.summary);
  });

  async function download(kind: string): Promise<Download> {
    await page.getByTestId('export-menu').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}`).click()]);
    return file;
  }
  const bytes = async (file: Download) => readFileSync((await file.path())!);

  it('exports the school table as CSV and the tables with the projection as XLSX, both re-opening', async () => {
    await importPlan();
    const csv = await download('schoolsCsv');
    expect(csv.suggestedFilename()).toBe(`${plan.name}-学校统计.csv`);
    const rows = Papa.parse<string[]>((await bytes(csv)).toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0].slice(0, 2)).toEqual(['学校代码', '学校名称']);
    expect(rows).toHaveLength(1 + d.schools.length);
    const enrollmentColumn = rows[0].indexOf('在校生');
    expect(rows.find((r) => r[0] === 'P01')!.slice(0, 2)).toEqual(['P01', '圣城小学']);
    expect(rows.find((r) => r[0] === 'P01')![enrollmentColumn]).toBe(String(P01_AFTER));
    expect(rows.find((r) => r[0] === 'N02')![enrollmentColumn]).toBe(String(560 + MOVED));

    const xlsx = await download('tablesXlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes(xlsx)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['学校', '就近入学', '逐年预测', '全县逐年']);
    const years = book.getWorksheet('全县逐年')!.getColumn(1).values.slice(2);
    expect(years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
  });

  it('exports the zones as GeoJSON and as a zipped Shapefile that read back', async () => {
    await importPlan();
    const geojson = JSON.parse((await bytes(await download('zonesGeoJson'))).toString('utf8'));
    const zones = geojson.features as Feature<Polygon | MultiPolygon, { school_id: string; level: string; name: string }>[];
    expect(zones.length).toBe(d.zoneState.zones.primary.size + d.zoneState.zones.junior.size);
    // The exported zone of 圣城小学 is the edited one: the pupils inside it are those it keeps.
    const p01 = zones.find((f) => f.properties.school_id === 'P01' && f.properties.level === 'primary')!;
    expect(p01.properties.name).toBe('圣城小学');
    expect(sum(primaryByGrade((h) => booleanPointInPolygon(h, p01)))).toBe(P01_AFTER);
    const layers = await parseZip(await bytes(await download('zonesShp')));
    const all = (Array.isArray(layers) ? layers : [layers]).flatMap((l) => l.features);
    expect(all.length).toBe(zones.length);
    const shpP01 = all.find((f) => f.properties?.school_id === 'P01' && f.properties?.level === 'primary')! as Feature<Polygon | MultiPolygon>;
    expect(shpP01.properties!.name).toBe('圣城小学');
    expect(sum(primaryByGrade((h) => booleanPointInPolygon(h, shpP01)))).toBe(P01_AFTER);
  });

  it('exports the pupils changing school by unit and grade, and the map as PNG', async () => {
    await importPlan();
    const rows = Papa.parse<string[]>((await bytes(await download('movedCsv'))).toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['小区/村代码', '小区/村名称', '原学校', '新学校', '年级', '人数']);
    expect(rows.slice(1).reduce((a, r) => a + Number(r[5]), 0)).toBe(MOVED);
    let moved = 0;
    for (let i = 0; i < base.schoolOf.length; i++) if (base.schoolOf[i] !== afterPlan.schoolOf[i]) moved++;
    expect(moved).toBe(MOVED);
    expect(rows.slice(1).every((r) => r[2] === '圣城小学' && r[3] === '汇文学校')).toBe(true);
    // By grade, the moves add up to 圣城小学's loss in that grade (counted with turf).
    const byGrade = [0, 0, 0, 0, 0, 0];
    for (const r of rows.slice(1)) byGrade[Number(r[4]) - 1] += Number(r[5]);
    expect(byGrade).toEqual([420, 436, 445, 453, 424, 422].map((n, g) => n - p01AfterPlan[g]));
    // The PNG is the map canvas as wide as the map on screen (device pixel ratio 1), with a 62 px
    // title band above it and a 26 px line for the date below.
    const png = await bytes(await download('mapPng'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const size = await page.evaluate(() => [window.__planner!.map!.getContainer().clientWidth, window.__planner!.map!.getContainer().clientHeight, window.devicePixelRatio]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20), size[2]]).toEqual([size[0], size[1] + 88, 1]);
  });

  it('shows a printable report with the map, the summary, the rules, the schools, the moves and the projection', async () => {
    await importPlan();
    // A phase-in rule (from the year after the base year, the editor's default) for the report to print.
    await page.getByTestId('scenario-rules').click();
    await page.getByTestId('phase-in').check();
    await clickSettled(page, 'rules-save');
    await page.waitForFunction(() => window.__planner!.store.getState().scenarios.find((x) => x.id === window.__planner!.store.getState().activeScenarioId)?.rules.phaseIn?.fromYear === 2021);
    const size = await page.evaluate(() => [window.__planner!.map!.getContainer().clientWidth, window.__planner!.map!.getContainer().clientHeight]);
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-report').click();
    await page.waitForSelector('[data-testid="print-report"][data-ready="yes"]');
    const text = await page.getByTestId('print-report').innerText();
    expect(text).toContain(plan.name);
    expect(text).toContain('逐年过渡：新片区只适用于新生（一年级、初一），在校生留在原校: 自学年 2021');
    expect(text).toContain(`变更学校学生 ${MOVED}`);
    const standards = computeStandards(afterPlan.schools, afterPlan.counts, classesBySection(afterPlan.result.schools, DEFAULT_RULES), DEFAULT_RULES);
    const failing = standards.sections.filter((x) => x.level === 'primary' && !x.pass);
    const compliance = await page.getByTestId('report-compliance-primary').innerText();
    // The plan leaves failing primaries (圣城小学 passes now, others do not): each gap is printed.
    expect(failing.length).toBeGreaterThan(0);
    for (const x of failing) expect(compliance).toContain(describeGap('zh-CN', x, x.missed[0]));
    expect(await page.getByTestId('report-schools').locator('tr').count()).toBe(d.schools.length + 1);
    expect(await page.getByTestId('report-projection').locator('tbody tr').count()).toBe(11);
    // The report's maps: the county, then the plan's changed areas, each the map canvas with its title band and date line.
    expect(await page.getByTestId('report-map').evaluateAll((imgs: HTMLImageElement[]) => imgs.map((img) => [img.alt, img.naturalWidth, img.naturalHeight]))).toEqual([
      ['全县', size[0], size[1] + 88],
      ['改动区域', size[0], size[1] + 88],
    ]);
    await page.screenshot({ path: join(shots, 'report.png') });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await clickSettled(page, 'report-close');
  });

  it('deletes the scenario being edited after asking, and opens its neighbour', async () => {
    await importPlan();
    await importScenario(planFile);
    await clickSettled(page, 'import-keep-both');
    await page.waitForFunction(() => window.__planner!.store.getState().scenarios.length === 3);
    expect((await state(page)).active).toBe(`${plan.name} 副本`);
    await page.getByTestId('scenario-delete').click();
    await clickSettled(page, 'confirm-delete');
    await page.waitForFunction(() => window.__planner!.store.getState().scenarios.length === 2);
    expect(await state(page)).toMatchObject({ names: ['方案 1', plan.name], active: plan.name });
  });
});
