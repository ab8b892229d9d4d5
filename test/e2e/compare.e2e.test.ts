import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { simulate } from '../../src/core/scenarioRun';
import { classesBySection, computeStandards } from '../../src/core/standards';
import type { ZoneEdit } from '../../src/core/zoneEdits';
import { describeGap } from '../../src/features/standards/gap';
import { formatNumber, formatPercent } from '../../src/i18n/format';
import { p01AfterPlan } from '../unit/shouguangFiles';
import { drawSquareBetween, freshAppForEachTest } from './appPage';
import { expectedAfter, projectionAfter, runAfter, shouguang } from './shouguang';

const root = join(import.meta.dirname, '../..');
const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
const planFile = join(root, 'data/scenarios/shengcheng-to-huiwen.json');
const plan = JSON.parse(readFileSync(planFile, 'utf8')) as { name: string; edits: ZoneEdit[] };

const expected = simulate(shouguang.dataset, DEFAULT_RULES);
const n = (v: number) => formatNumber('zh-CN', v);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
// 圣城小学 keeps 1,863 of its 2,600 pupils under the plan (its zone less the area, counted with turf).
const P01_AFTER = sum(p01AfterPlan);
const MOVED = 2600 - P01_AFTER;

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

/**
 * Imports the plan (data/scenarios/shengcheng-to-huiwen.json) as a scenario through the scenario
 * file input, opens the compare drawer and compares it with 现状; returns the scenario's id.
 */
async function compareWithPlan(page: Page): Promise<string> {
  await page.getByTestId('scenario-file').setInputFiles(planFile);
  await page.waitForFunction((name) => {
    const s = window.__planner!.store.getState();
    return s.scenarios.find((x) => x.id === s.activeScenarioId)?.name === name && s.edits.length === 1;
  }, plan.name);
  const id = await page.evaluate(() => window.__planner!.store.getState().activeScenarioId);
  await page.getByTestId('open-compare').click();
  await page.getByTestId('compare-ids').click();
  await page.locator('.ant-select-item-option').filter({ hasText: plan.name }).click();
  await page.keyboard.press('Escape');
  await waitForProjections(page, ['baseline', id]);
  return id;
}

describe('方案比较与预测 in Chromium', () => {
  const baseUrl = inject('baseUrl');
  const app = freshAppForEachTest(baseUrl);
  let page: Page;
  beforeEach(() => {
    page = app.page;
  });

  it('opens the panel; 现状 in the base year shows the county summary the app shows', async () => {
    await page.getByTestId('open-compare').click();
    await waitForProjections(page, ['baseline']);
    const { summary, baseYear, compareYear } = await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return { summary: s.result!.summary, baseYear: s.dataset!.baseYear, compareYear: s.compareYear };
    });
    expect([baseYear, compareYear]).toEqual([2020, 2020]);
    expect(summary).toEqual(expected.summary);
    const total = (key: string) => page.getByTestId(`total-${key}-baseline`).innerText();
    expect(await total('totalPupils')).toBe('121,429');
    expect(await total('oversizeSchools')).toBe(n(summary.oversizeSchools));
    for (const key of ['classesOverCap', 'largeClasses', 'extraLargeClasses'] as const) {
      // The share of all classes, as the county summary writes it.
      const shown = `${n(summary[key])} (${formatPercent('zh-CN', summary[key] / summary.totalClasses, 1)})`;
      expect(await total(key)).toBe(shown);
      expect(await page.locator(`[data-testid="summary-${key}"] .ant-statistic-content`).innerText()).toBe(shown);
    }
    expect(await total('pupilsMoved')).toBe('0');
    // Every primary CV of the dataset is at most 0.24 (the generator's check) against 0.50: 达标.
    const run = runAfter([]);
    expect(computeStandards(run.schools, run.counts, classesBySection(run.result.schools, DEFAULT_RULES), DEFAULT_RULES).primary.cvPass).toBe(true);
    expect(await page.getByTestId('total-cv-primary-baseline').innerText()).toBe('达标');
    expect(await page.getByTestId('projection-notes').innerText()).toContain('一年级新生按出生数据预测');
    await page.locator('[data-testid="county-chart"] svg').first().waitFor();
  });

  it('closes back to the map, where an area is given to 汇文学校 in the scenario being edited', async () => {
    await page.getByTestId('open-compare').click();
    await waitForProjections(page, ['baseline']);
    await page.locator('.ant-drawer-close').click();
    await page.waitForFunction(() => !window.__planner!.store.getState().compareOpen);
    await page.getByTestId('compare-panel').waitFor({ state: 'hidden' });
    await drawSquareBetween(page, ['P01', 'N02']);
    await page.getByTestId('assign-school').click();
    await page.keyboard.type('汇文');
    await page.keyboard.press('Enter');
    await page.getByTestId('assign-area').click();
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    const { edits, enrollments } = await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return { edits: s.edits, enrollments: s.result!.schools.map((r) => r.enrollment) };
    });
    expect(edits[0]).toMatchObject({ op: 'assignArea', level: 'primary', schoolId: 'N02' });
    expect(enrollments).toEqual(expectedAfter(edits).schools.map((r) => r.enrollment));
  });

  it('compares 现状 with the scenario: the table shows the changed enrollment of both schools', async () => {
    const scenarioId = await compareWithPlan(page);
    const after = expectedAfter(plan.edits);
    for (const [id, now] of [['P01', P01_AFTER], ['N02', 560 + MOVED]] as const) {
      const before = expected.schools.find((s) => s.id === id)!;
      const then = after.schools.find((s) => s.id === id)!;
      expect(then.enrollment).toBe(now);
      const cells = await compareRow(page, before.name, id);
      // School, then five figures per scenario: 现状 first, the scenario second.
      expect(cells[1]).toBe(n(before.enrollment));
      expect(cells[6]).toBe(`${n(now)} ${now > before.enrollment ? '+' : '−'}${n(Math.abs(now - before.enrollment))}`);
      expect(cells[3]).toBe(n(before.maxClassSize));
      // Each of the scenario's figures that differs from 现状's is highlighted.
      const differing = (['enrollment', 'totalClasses', 'maxClassSize', 'classesOverCap', 'oversize'] as const).filter((f) => then[f] !== before[f]).length;
      await expect.poll(() => page.getByTestId('compare-schools').locator(`tr[data-school-id="${id}"] .compare-diff`).count()).toBe(differing);
    }
    expect(await page.getByTestId(`total-pupilsMoved-${scenarioId}`).innerText()).toBe(n(MOVED));

    // Only the schools that change: the plan moves pupils between 圣城小学 and 汇文学校 alone.
    await page.getByTestId('compare-search').locator('input').fill('');
    await page.getByTestId('only-changed').click();
    const shown = await page.getByTestId('compare-schools').locator('tr[data-school-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-school-id')));
    expect(shown.sort()).toEqual(['N02', 'P01']);
  });

  it('draws the charts, follows a clicked school, and shows the changed areas on the map', async () => {
    await compareWithPlan(page);
    await compareRow(page, '圣城小学', 'P01');
    await page.getByTestId('compare-schools').locator('tr[data-school-id="P01"] td').first().click();
    await page.waitForFunction(() => window.__planner!.store.getState().selectedSchoolId === 'P01');
    expect(await page.getByTestId('school-chart-card').locator('.ant-card-head').innerText()).toContain('圣城小学');
    await page.locator('[data-testid="school-chart"] svg').first().waitFor();
    // The county chart names both scenarios; the charts' code is loaded once, with the drawer.
    await expect.poll(() => page.getByTestId('county-chart').innerText()).toContain(plan.name);
    expect(await page.getByTestId('county-chart').innerText()).toContain('现状');
    expect(app.requests.filter((u) => u.includes('echartsSetup'))).toHaveLength(1);

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
    await compareWithPlan(page);
    const cellsBase = await compareRow(page, '圣城小学', 'P01');
    expect([cellsBase[1], cellsBase[6]]).toEqual(['2,600', `${n(P01_AFTER)} −${n(MOVED)}`]);
    await page.getByTestId('compare-year').getByText('2025', { exact: true }).click();
    await page.waitForFunction(() => window.__planner!.store.getState().compareYear === 2025);
    // Computed outside the browser: 现状 and the plan, projected.
    const at = (edits: ZoneEdit[]) => projectionAfter(edits).years.find((y) => y.year === 2025)!.result.schools.find((r) => r.id === 'P01')!.enrollment;
    const projected = { baseline: at([]), scenario: at(plan.edits) };
    await expect.poll(async () => (await compareRow(page, '圣城小学', 'P01'))[1]).toBe(n(projected.baseline));
    const cells = await compareRow(page, '圣城小学', 'P01');
    expect(cells[6]).toBe(`${n(projected.scenario)} −${n(projected.baseline - projected.scenario)}`);
    expect(await page.getByTestId('compare-schools').locator('.ant-card-head').innerText()).toContain('2025');
    expect(await page.getByTestId('compare-dashboard').locator('.ant-card-head').innerText()).toContain('2025');
    await page.getByTestId('compare-search').locator('input').fill('');
    await page.screenshot({ path: join(shots, 'compare-zh.png') });
  });

  it('shows the standards of the chosen year with each failing school’s gap in plain units', async () => {
    await page.getByTestId('open-compare').click();
    await waitForProjections(page, ['baseline']);
    await page.getByTestId('compare-year').getByText('2025', { exact: true }).click();
    await page.waitForFunction(() => window.__planner!.store.getState().compareYear === 2025);
    // The same figures as the CLI's `--standards --years`: computed here, outside the browser.
    const y2025 = projectionAfter([]).years.find((y) => y.year === 2025)!;
    const failing = computeStandards(y2025.schools, y2025.counts, classesBySection(y2025.result.schools, DEFAULT_RULES), DEFAULT_RULES).sections.filter((x) => x.level === 'primary' && !x.pass);
    // A year with failing schools, so that their gaps are there to show.
    expect(failing.length).toBeGreaterThan(0);
    const primary = page.getByTestId('dashboard-primary');
    await expect.poll(() => primary.innerText()).toContain(`小学不达标学校 ${failing.length} 所`);
    await primary.locator('.ant-collapse-header').first().click();
    const first = failing[0];
    await primary.getByText(describeGap('zh-CN', first, first.missed[0])).waitFor();
    await page.getByTestId('compare-dashboard').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'compare-zh-dashboard.png') });
  });

  it('labels the charts in English when the interface switches', async () => {
    await compareWithPlan(page);
    await page.locator('[data-testid="county-chart"] svg').first().waitFor();
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('county-chart').innerText()).toContain('Current zoning');
    expect(await page.getByTestId('compare-totals').innerText()).toContain('Pupils in all');
    await page.screenshot({ path: join(shots, 'compare-en.png') });
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('county-chart').innerText()).toContain('现状');
  });
});
