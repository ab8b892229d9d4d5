import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { type Browser, type Download, type Page } from 'playwright-core';
import { parseZip } from 'shpjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ZoneEdit } from '../../src/core/zoneEdits';
import { DEFAULT_RULES } from '../../src/core/rules';
import { classesBySection, computeStandards } from '../../src/core/standards';
import { describeGap } from '../../src/features/standards/gap';
import { openApp, waitForApp } from './appPage';
import { runAfter, shouguang } from './shouguang';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
const planFile = join(root, 'data/scenarios/shengcheng-to-huiwen.json');
const plan = JSON.parse(readFileSync(planFile, 'utf8')) as { name: string; edits: ZoneEdit[] };

const d = shouguang.dataset;
const afterPlan = runAfter(plan.edits);
const base = runAfter([]);
const enrollmentOf = (r: typeof base, id: string) => r.result.schools.find((s) => s.id === id)!.enrollment;

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
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    ({ browser, page } = await openApp(baseUrl));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function importScenario(path: string) {
    await page.getByTestId('scenario-file').setInputFiles(path);
  }

  it('starts with one empty scenario and imports the plan as a second one', async () => {
    expect(await state(page)).toMatchObject({ names: ['方案 1'], active: '方案 1', edits: 0 });
    await importScenario(planFile);
    await page.waitForFunction((name) => window.__planner!.store.getState().scenarios.some((x) => x.name === name), plan.name);
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    const s = await state(page);
    expect(s.names).toEqual(['方案 1', plan.name]);
    expect(s.active).toBe(plan.name);
    expect(s.p01).toBe(enrollmentOf(afterPlan, 'P01'));
    expect(s.p01).toBeLessThan(enrollmentOf(base, 'P01'));
  });

  it('refuses a corrupt scenario file, names it and changes nothing', async () => {
    const before = await state(page);
    const bad = join(shots, 'corrupt-scenario.json');
    writeFileSync(bad, '{"version": 2, "name": "坏文件", "edits": [ {"op": "assignArea", ');
    await importScenario(bad);
    const error = page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/corrupt-scenario\.json: 不是有效的 JSON/);
    await page.getByRole('button', { name: /知道了|OK/ }).click();
    await error.waitFor({ state: 'detached' });
    const unknownSchool = join(shots, 'unknown-school.json');
    writeFileSync(unknownSchool, JSON.stringify({ version: 2, name: '未知学校', edits: [{ ...plan.edits[0], schoolId: 'NOPE' }] }));
    await importScenario(unknownSchool);
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').innerText()).toMatch(/unknown-school\.json：第 1 处修改无法应用/);
    await page.getByRole('button', { name: /知道了|OK/ }).click();
    await page.getByTestId('import-error').waitFor({ state: 'detached' });
    expect(await state(page)).toEqual(before);
  });

  it('asks before an import would replace a scenario of the same name', async () => {
    await importScenario(planFile);
    await page.getByTestId('import-keep-both').click();
    await page.waitForFunction(() => window.__planner!.store.getState().scenarios.length === 3);
    expect((await state(page)).names).toEqual(['方案 1', plan.name, `${plan.name} 副本`]);
  });

  it('keeps rules, scenarios, edits and undo history across a page reload', async () => {
    await page.getByTestId('scenario-rules').click();
    await page.getByTestId('phase-in').check();
    await page.getByTestId('rules-save').click();
    await page.waitForFunction(() => !!window.__planner!.store.getState().scenarios.find((x) => x.id === window.__planner!.store.getState().activeScenarioId)?.rules.phaseIn);
    expect(await page.getByTestId('rules-note').innerText()).toContain('方案比较与预测');
    await page.getByTestId('undo').click();
    await page.waitForFunction(() => window.__planner!.store.getState().redoEdits.length === 1);
    const before = await state(page);
    expect(before).toMatchObject({ edits: 0, redo: 1, p01: enrollmentOf(base, 'P01'), phaseIn: 2021 });
    // Saving runs after each change; wait until the last one is on disk.
    await page.waitForFunction(() => (window.__planner!.store.getState().savedAt ?? 0) > 0);
    await page.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('xuequ-guihua'); r.onsuccess = () => ok(r.result); });
      const saved = await new Promise<{ scenarios: { redoEdits: unknown[]; rules: { phaseIn?: unknown } }[]; activeScenarioId: string } & Record<string, unknown>>((ok) => {
        const store = db.transaction('workspaces').objectStore('workspaces');
        const r = store.getAll();
        r.onsuccess = () => ok(r.result[0]);
      });
      db.close();
      return saved?.scenarios.some((x) => x.redoEdits.length === 1 && x.rules.phaseIn);
    });
    await page.reload();
    await waitForApp(page);
    expect(await state(page)).toEqual(before);
    await page.getByTestId('redo').click();
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    expect((await state(page)).p01).toBe(enrollmentOf(afterPlan, 'P01'));
  });

  async function download(kind: string): Promise<Download> {
    await page.getByTestId('export-menu').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${kind}`).click()]);
    return file;
  }
  const bytes = async (file: Download) => readFileSync((await file.path())!);

  it('exports the school table as CSV and the tables with the projection as XLSX, both re-opening', async () => {
    const csv = await download('schoolsCsv');
    expect(csv.suggestedFilename()).toBe(`${plan.name} 副本-学校统计.csv`);
    const rows = Papa.parse<string[]>((await bytes(csv)).toString('utf8').replace(/^\uFEFF/, '')).data;
    expect(rows[0]).toContain('学校名称');
    const p01 = rows.find((r) => r[0] === 'P01')!;
    expect(p01[1]).toBe('圣城小学');
    expect(p01).toContain(String(enrollmentOf(afterPlan, 'P01')));

    const xlsx = await download('tablesXlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes(xlsx)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['学校', '逐年预测', '全县逐年']);
    const years = book.getWorksheet('全县逐年')!.getColumn(1).values.slice(2);
    expect(years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
  });

  it('exports the zones as GeoJSON and as a zipped Shapefile that read back', async () => {
    const geojson = JSON.parse((await bytes(await download('zonesGeoJson'))).toString('utf8'));
    const zones = geojson.features as { properties: { school_id: string; level: string } }[];
    expect(zones.length).toBe(d.zoneState.zones.primary.size + d.zoneState.zones.junior.size);
    expect(zones.some((f) => f.properties.school_id === 'N02' && f.properties.level === 'primary')).toBe(true);
    const layers = await parseZip(await bytes(await download('zonesShp')));
    const all = (Array.isArray(layers) ? layers : [layers]).flatMap((l) => l.features);
    expect(all.length).toBe(zones.length);
    expect(all.some((f) => f.properties?.name === '汇文学校')).toBe(true);
  });

  it('exports the pupils changing school by unit and grade, and the map as PNG', async () => {
    const rows = Papa.parse<string[]>((await bytes(await download('movedCsv'))).toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['小区/村代码', '小区/村名称', '原学校', '新学校', '年级', '人数']);
    let moved = 0;
    for (let i = 0; i < base.schoolOf.length; i++) if (base.schoolOf[i] !== afterPlan.schoolOf[i]) moved++;
    expect(rows.slice(1).reduce((a, r) => a + Number(r[5]), 0)).toBe(moved);
    expect(rows.slice(1).every((r) => r[2] === '圣城小学' && r[3] === '汇文学校')).toBe(true);
    const png = await bytes(await download('mapPng'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(400);
  });

  it('shows a printable report with the map, the summary, the schools, the moves and the projection', async () => {
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-report').click();
    await page.waitForSelector('[data-testid="print-report"][data-ready="yes"]');
    const text = await page.getByTestId('print-report').innerText();
    expect(text).toContain(plan.name);
    expect(text).toContain('逐年过渡');
    const standards = computeStandards(afterPlan.schools, afterPlan.counts, classesBySection(afterPlan.result.schools, DEFAULT_RULES), DEFAULT_RULES);
    const failing = standards.sections.filter((x) => x.level === 'primary' && !x.pass);
    const compliance = await page.getByTestId('report-compliance-primary').innerText();
    expect(failing.length).toBeGreaterThan(0);
    for (const x of failing) expect(compliance).toContain(describeGap('zh-CN', x, x.missed[0]));
    expect(await page.getByTestId('report-schools').locator('tr').count()).toBe(d.schools.length + 1);
    expect(await page.getByTestId('report-projection').locator('tbody tr').count()).toBe(11);
    expect(await page.getByTestId('report-map').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(400);
    await page.screenshot({ path: join(shots, 'report.png') });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('report-close').click();
  });

  it('deletes the scenario being edited after asking, and opens its neighbour', async () => {
    await page.getByTestId('scenario-delete').click();
    await page.getByTestId('confirm-delete').click();
    await page.waitForFunction(() => window.__planner!.store.getState().scenarios.length === 2);
    expect(await state(page)).toMatchObject({ names: ['方案 1', plan.name], active: plan.name });
  });
});
