import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { simulate } from '../../src/core/scenarioRun';
import { classesBySection, computeStandards } from '../../src/core/standards';
import { describeGap } from '../../src/features/standards/gap';
import { formatNumber } from '../../src/i18n/format';
import { drawSquareBetween, openApp } from './appPage';
import { expectedAfter, projectionAfter, shouguang } from './shouguang';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });

const expected = simulate(shouguang.dataset, DEFAULT_RULES);

const n = (v: number) => formatNumber('zh-CN', v);

/** Waits until every compared scenario has a projection and none is being computed. */
async function waitForProjections(page: Page, ids: string[]) {
  await page.waitForFunction((want) => {
    const s = window.__planner!.store.getState();
    return !s.projecting && want.every((id) => s.projections[id]) && want.join() === s.compareIds.join();
  }, ids, { timeout: 60_000 });
}

/** The cells of a school's row in the compare table, after searching for it. */
async function compareRow(page: Page, name: string, id: string): Promise<string[]> {
  await page.getByTestId('compare-search').locator('input').fill(name);
  const row = page.getByTestId('compare-schools').locator(`tr[data-school-id="${id}"]`);
  await row.waitFor();
  return row.locator('td').allInnerTexts();
}

describe('方案比较与预测 in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let requests: string[] = [];
  const baseUrl = inject('baseUrl');
  let scenarioId = '';

    beforeAll(async () => {
    const opened = await openApp(baseUrl);
    ({ browser, page } = opened);
    requests = opened.requests;
  scenarioId = await page.evaluate(() => window.__planner!.store.getState().activeScenarioId);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the panel; 现状 in the base year shows the county summary the app shows', async () => {
    await page.getByTestId('open-compare').click();
    await waitForProjections(page, ['baseline']);
    const { summary, baseYear, compareYear } = await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return { summary: s.result!.summary, baseYear: s.dataset!.baseYear, compareYear: s.compareYear };
    });
    expect(compareYear).toBe(baseYear);
    expect(summary).toEqual(expected.summary);
    const total = (key: string) => page.getByTestId(`total-${key}-baseline`).innerText();
    expect(await total('totalPupils')).toBe(n(summary.assigned));
    expect(await total('oversizeSchools')).toBe(n(summary.oversizeSchools));
    for (const key of ['classesOverCap', 'largeClasses', 'extraLargeClasses'] as const) {
      expect(await total(key)).toContain(n(summary[key]));
      // The share of all classes, as the county summary writes it.
      expect(await page.getByTestId(`summary-${key}`).innerText()).toContain((await total(key)).split(' ')[1] ?? '');
    }
    expect(await total('pupilsMoved')).toBe('0');
    expect(await page.getByTestId('total-cv-primary-baseline').innerText()).toMatch(/达标|未达标/);
    expect(await page.getByTestId('projection-notes').innerText()).toContain('一年级新生按出生数据预测');
    await page.locator('[data-testid="county-chart"] svg').first().waitFor();
  });

  it('closes back to the map, where an area is given to 汇文学校 in the scenario being edited', async () => {
    await page.locator('.ant-drawer-close').click();
    await page.waitForFunction(() => !window.__planner!.store.getState().compareOpen);
    await page.getByTestId('compare-panel').waitFor({ state: 'hidden' });
    await drawSquareBetween(page, ['P01', 'N02']);
    await page.getByTestId('assign-school').click();
    await page.keyboard.type('汇文');
    await page.keyboard.press('Enter');
    await page.getByTestId('assign-area').click();
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
  });

  it('compares 现状 with the scenario: the table shows the changed enrollment of both schools', async () => {
    await page.getByTestId('open-compare').click();
    await page.getByTestId('compare-ids').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '方案 1' }).click();
    await page.keyboard.press('Escape');
    await waitForProjections(page, ['baseline', scenarioId]);
    const edits = await page.evaluate(() => window.__planner!.store.getState().edits);
    const after = expectedAfter(edits);
    for (const id of ['P01', 'N02']) {
      const before = expected.schools.find((s) => s.id === id)!;
      const now = after.schools.find((s) => s.id === id)!;
      expect(now.enrollment).not.toBe(before.enrollment);
      const cells = await compareRow(page, before.name, id);
      // School, then five figures per scenario: 现状 first, the scenario second.
      expect(cells[1]).toBe(n(before.enrollment));
      expect(cells[6]).toContain(n(now.enrollment));
      expect(cells[6]).toContain(`${now.enrollment > before.enrollment ? '+' : '−'}${n(Math.abs(now.enrollment - before.enrollment))}`);
      expect(cells[3]).toBe(n(before.maxClassSize));
      await expect.poll(() => page.getByTestId('compare-schools').locator(`tr[data-school-id="${id}"] .compare-diff`).count()).toBeGreaterThan(0);
    }
    const moved = await page.getByTestId(`total-pupilsMoved-${scenarioId}`).innerText();
    expect(moved).not.toBe('0');

    // Only the schools that change: the two schools stay, a junior school far away goes.
    await page.getByTestId('compare-search').locator('input').fill('');
    await page.getByTestId('only-changed').click();
    const shown = await page.getByTestId('compare-schools').locator('tr[data-school-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-school-id')));
    expect(shown).toEqual(expect.arrayContaining(['P01', 'N02']));
    expect(shown.length).toBeLessThan(expected.schools.length);
    await page.getByTestId('only-changed').click();
  });

  it('draws the charts, follows a clicked school, and shows the changed areas on the map', async () => {
    await compareRow(page, '圣城小学', 'P01');
    await page.getByTestId('compare-schools').locator('tr[data-school-id="P01"] td').first().click();
    await page.waitForFunction(() => window.__planner!.store.getState().selectedSchoolId === 'P01');
    expect(await page.getByTestId('school-chart-card').locator('.ant-card-head').innerText()).toContain('圣城小学');
    await page.locator('[data-testid="school-chart"] svg').first().waitFor();
    expect(await page.locator('[data-testid="county-chart"] svg path').count()).toBeGreaterThan(4);
    expect(await page.getByTestId('county-chart').innerText()).toContain('方案 1');

    await page.getByTestId('show-changed-areas').click();
    await page.waitForFunction(() => {
      const map = window.__planner!.map!;
      return window.__planner!.store.getState().showChangedAreas && map.getLayoutProperty('changed-line', 'visibility') === 'visible' && map.loaded();
    });
    await page.evaluate(() => {
      const { dataset } = window.__planner!.store.getState();
      const [a, b] = ['P01', 'N02'].map((id) => dataset!.schools.find((s) => s.id === id)!);
      // Into the part of the map above the drawer.
      window.__planner!.map!.jumpTo({ center: [(a.lon + b.lon) / 2, (a.lat + b.lat) / 2 - 0.012], zoom: 13.5 });
    });
    await page.waitForFunction(() => {
      const map = window.__planner!.map!;
      return !map.isMoving() && map.loaded() && map.queryRenderedFeatures({ layers: ['changed-line'] }).length > 0;
    });
  });

  it('switches the year: the table shows that year’s projection', async () => {
    const cellsBase = await compareRow(page, '圣城小学', 'P01');
    await page.getByTestId('compare-year').getByText('2025', { exact: true }).click();
    await page.waitForFunction(() => window.__planner!.store.getState().compareYear === 2025);
    // Computed outside the browser: 现状 and the scenario's edits (as the store holds them), projected.
    const edits = await page.evaluate(() => window.__planner!.store.getState().edits);
    const at = (edited: typeof edits) => projectionAfter(edited).years.find((y) => y.year === 2025)!.result.schools.find((r) => r.id === 'P01')!.enrollment;
    const projected = { baseline: at([]), scenario: at(edits) };
    await expect.poll(async () => (await compareRow(page, '圣城小学', 'P01'))[1]).toBe(n(projected.baseline));
    const cells = await compareRow(page, '圣城小学', 'P01');
    expect(cells[6]).toContain(n(projected.scenario));
    expect(cells[1]).not.toBe(cellsBase[1]);
    expect(await page.getByTestId('compare-schools').locator('.ant-card-head').innerText()).toContain('2025');
    expect(await page.getByTestId('compare-dashboard').locator('.ant-card-head').innerText()).toContain('2025');
    await page.getByTestId('compare-search').locator('input').fill('');
    await page.screenshot({ path: join(shots, 'compare-zh.png') });
  });

  it('shows the standards of the chosen year with each failing school’s gap in plain units', async () => {
    // The same figures as the CLI's `--standards --years`: computed here, outside the browser.
    const y2025 = projectionAfter([]).years.find((y) => y.year === 2025)!;
    const failing = computeStandards(y2025.schools, y2025.counts, classesBySection(y2025.result.schools, DEFAULT_RULES), DEFAULT_RULES).sections.filter((x) => x.level === 'primary' && !x.pass);
    expect(failing.length).toBeGreaterThan(0);
    const primary = page.getByTestId('dashboard-primary');
    expect(await primary.innerText()).toContain(`小学不达标学校 ${failing.length} 所`);
    await primary.locator('.ant-collapse-header').first().click();
    const first = failing[0];
    await primary.getByText(describeGap('zh-CN', first, first.missed[0])).waitFor();
    await page.getByTestId('compare-dashboard').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'compare-zh-dashboard.png') });
  });

  it('labels the charts in English when the interface switches', async () => {
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('county-chart').innerText()).toContain('Current zoning');
    expect(await page.getByTestId('compare-totals').innerText()).toContain('Pupils in all');
    await page.screenshot({ path: join(shots, 'compare-en.png') });
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('county-chart').innerText()).toContain('现状');
  });

  it('requests nothing outside its own origin', () => {
    const origin = new URL(baseUrl).origin;
    expect(requests.some((u) => u.includes('echartsSetup'))).toBe(true);
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  });
});
