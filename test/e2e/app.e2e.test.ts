import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { simulate } from '../../src/core/simulation';
import { formatNumber } from '../../src/i18n/format';
import { readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { CHROMIUM_ARGS, findChromium } from './chromium';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });

const expected = (() => {
  const dir = join(root, 'data/shouguang');
  const texts = Object.fromEntries(REQUIRED_FILES.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  return simulate(readDataset(texts, DEFAULT_RULES, 2020).dataset, DEFAULT_RULES);
})();

/** Waits until the app holds a simulation result and the map has drawn zone polygons. */
async function waitForApp(page: Page) {
  await page.waitForFunction(() => {
    const p = window.__planner;
    const s = p?.store.getState();
    if (!s?.result || s.load.status !== 'idle' || !p?.map?.getLayer('zones-fill') || !p.map.loaded()) return false;
    return p.map.queryRenderedFeatures({ layers: ['zones-fill'] }).length > 0;
  }, undefined, { timeout: 60_000 });
}

describe('the planner in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(baseUrl);
    await waitForApp(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the default dataset and draws the zones on the map canvas', async () => {
    const state = await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return { schools: s.result!.schools.length, input: s.result!.summary.input, name: s.dataset!.name };
    });
    expect(state.schools).toBe(expected.schools.length);
    expect(state.input).toBe(expected.summary.input);
    expect(state.name).toContain('寿光');
    const zonesDrawn = await page.evaluate(() => new Set(window.__planner!.map!.queryRenderedFeatures({ layers: ['zones-fill'] }).map((f) => f.properties.school_id)).size);
    const primaryZones = new Set(expected.schools.filter((s) => s.level !== 'junior' && s.ownership === 'public' && !s.planned).map((s) => s.id)).size;
    expect(zonesDrawn).toBe(primaryZones);
    await page.screenshot({ path: join(shots, 'app-zh.png') });
  });

  it('shows 圣城小学 in the table with the numbers the engine computes', async () => {
    const sc = expected.schools.find((s) => s.name === '圣城小学')!;
    expect(sc.enrollment).toBeGreaterThan(2000);
    expect(sc.maxClassSize).toBeGreaterThan(45);
    await page.getByPlaceholder('搜索学校').fill('圣城小学');
    const row = page.locator(`tr[data-school-id="${sc.id}"]`);
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toContain('圣城小学');
    expect(cells).toContain(formatNumber('zh-CN', sc.enrollment));
    expect(cells).toContain(formatNumber('zh-CN', sc.totalClasses));
    expect(cells).toContain(formatNumber('zh-CN', sc.maxClassSize));
    expect(cells).toContain(formatNumber('zh-CN', sc.classesOverCap));
    expect(cells).toContain('是');
    await row.click();
    const detail = page.getByTestId('school-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain(formatNumber('zh-CN', sc.grades[1]));
    await page.getByPlaceholder('搜索学校').fill('');
  });

  it('shows the county summary of the engine', async () => {
    const s = expected.summary;
    for (const key of ['oversizeSchools', 'classesOverCap', 'largeClasses', 'extraLargeClasses', 'unassigned'] as const) {
      expect(await page.getByTestId(`summary-${key}`).innerText()).toContain(formatNumber('zh-CN', s[key]));
    }
  });

  it('switches the interface to English and back', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: 'School Zoning Planner' }).waitFor();
    expect(await page.getByTestId('county-summary').innerText()).toContain('Oversized schools');
    await page.screenshot({ path: join(shots, 'app-en.png') });
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { name: '学区规划' }).waitFor();
  });

  it('loads a dataset from files on disk, and reports a broken one without losing the current', async () => {
    const tiny = join(root, 'test/fixtures/tiny');
    await page.getByTestId('file-input').setInputFiles(REQUIRED_FILES.map((f) => join(tiny, f)));
    await page.waitForFunction(() => window.__planner!.store.getState().result?.schools.length === 5);
    expect(await page.getByTestId('summary-rejected').innerText()).toContain('6');

    await page.getByTestId('file-input').setInputFiles([
      { name: 'schools.geojson', mimeType: 'application/json', buffer: Buffer.from('{"type":"FeatureCollection","features":[') },
      ...['catchments.geojson', 'students.csv'].map((f) => ({ name: f, mimeType: 'text/plain', buffer: readFileSync(join(tiny, f)) })),
    ]);
    const error = page.getByTestId('load-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/schools\.geojson: not valid JSON/);
    expect(await page.evaluate(() => window.__planner!.store.getState().result?.schools.length)).toBe(5);
  });

  it('requests nothing outside its own origin', () => {
    const origin = new URL(baseUrl).origin;
    const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(requests.length).toBeGreaterThan(3);
    expect(outside).toEqual([]);
  });
});
