import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { sharedAppForFile } from './appPage';

const planFile = join(import.meta.dirname, '../../data/scenarios/shengcheng-to-huiwen.json');
// `npm run simulate -- --data data/shouguang --scenario data/scenarios/shengcheng-to-huiwen.json --years 1`:
// projection[0].distance.primary.sentPast 8244 (7,605 under 现状: +639); movedDistance primary 737 pupils, 688 further, 49 nearer.
const PLAN_SENT_PAST = '8,244 +639';
const PLAN_MOVED = '737 名学生换校：688 名上学更远，49 名更近';

// One page for the file: the steps follow each other.
describe('就近入学 in the app (issue 13)', () => {
  let page: Page;
  const url = inject('baseUrl');

  const app = sharedAppForFile(url);
  beforeAll(() => {
    page = app.page;
  });

  it('shows the county and a school’s distances by road, with roads and the river under the zones and the selected school’s service radius', async () => {
    // `npm run simulate -- --data data/shouguang` gives, by road: county primary median 1,106.7 m;
    // 圣城小学 (P01) median 875.2 m, 123 pupils sent past a nearer school, radius 500 m (a city school).
    await page.getByTestId('distance-panel').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('distance-panel').innerText()).toContain('按道路距离');
    expect(await page.getByTestId('distance-county').innerText()).toContain('中位数 1,107 米');
    const p01 = await page.evaluate(() => window.__planner!.store.getState().distance!.schools.find((s) => s.id === 'P01' && s.level === 'primary')!);
    expect(Math.round(p01.road!.medianM * 10) / 10).toBe(875.2);
    expect(p01.nearby!.sentPast).toBe(123);
    await page.evaluate(() => window.__planner!.store.setState({ selectedSchoolId: 'P01' }));
    const ring = () => page.evaluate(() => (window.__planner!.map!.getSource('service-ring') as unknown as { serialize(): { data: { features: { properties: { radiusM: number } }[] } } }).serialize().data.features.map((f) => f.properties.radiusM));
    await page.waitForFunction(() => (window.__planner!.map!.getSource('service-ring') as unknown as { serialize(): { data: { features: unknown[] } } }).serialize().data.features.length === 1);
    expect(await ring()).toEqual([500]);
    const drawn = await page.evaluate(() => ({
      roads: (window.__planner!.map!.getSource('roads') as unknown as { serialize(): { data: { features: unknown[] } } }).serialize().data.features.length,
      barriers: (window.__planner!.map!.getSource('barriers') as unknown as { serialize(): { data: { features: { properties: { kind: string } }[] } } }).serialize().data.features.map((f) => f.properties.kind),
      order: window.__planner!.map!.getStyle().layers.map((l) => l.id).filter((id) => ['roads-line', 'barriers-line', 'zones-fill'].includes(id)),
    }));
    expect(drawn.roads).toBeGreaterThan(1000);
    expect(drawn.barriers).toEqual(['river', 'railway']);
    expect(drawn.order).toEqual(['roads-line', 'barriers-line', 'zones-fill']);
  });

  it('colours the zones by distance, draws the lines of the compounds sent past a nearer school, and compares the plan’s distances', async () => {
    await page.getByTestId('color-by').getByText('按上学距离').click();
    // P01's zone gets its school's mean road distance as its colour key; the legend shows the bands.
    const meanP01 = await page.evaluate(() => window.__planner!.store.getState().distance!.schools.find((s) => s.id === 'P01' && s.level === 'primary')!.road!.meanM);
    await page.waitForFunction((m) => window.__planner!.map!.getFeatureState({ source: 'zones', id: 'primary|P01' }).distM === m, meanP01);
    expect(await page.getByTestId('map-legend').innerText()).toContain('500–1,000 米');
    // The lines carry every pupil sent past a nearer school (CLI: 7,605 in the county's primaries).
    await page.getByTestId('show-sent-past').click();
    await page.getByTestId('sent-past-count').waitFor();
    // The map applies the lines once its style is idle: wait for them there.
    const drawn = await page.waitForFunction(() => {
      const features = (window.__planner!.map!.getSource('sent-past') as unknown as { serialize(): { data: { features: { properties: { pupils: number } }[] } } }).serialize().data.features;
      return features.length > 0 && { pupils: features.reduce((a, f) => a + f.properties.pupils, 0), county: window.__planner!.store.getState().distance!.county.primary.nearby!.sentPast };
    });
    expect(await drawn.jsonValue()).toEqual({ pupils: 7605, county: 7605 });
    // The plan (part of 圣城小学's zone to 汇文学校) compared with 现状: the figures of the CLI's
    // `--scenario data/scenarios/shengcheng-to-huiwen.json --years 1` run.
    await page.getByTestId('scenario-file').setInputFiles(planFile);
    await page.waitForFunction(() => window.__planner!.store.getState().edits.length === 1);
    const id = await page.evaluate(() => window.__planner!.store.getState().activeScenarioId);
    await page.getByTestId('open-compare').click();
    await page.getByTestId('compare-ids').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '圣城小学' }).first().click();
    await page.keyboard.press('Escape');
    await page.waitForFunction((want) => {
      const s = window.__planner!.store.getState();
      return !s.projecting && want.every((k) => s.projections[k]) && want.join() === s.compareIds.join();
    }, ['baseline', id], { timeout: 60_000 });
    const block = page.getByTestId('compare-distance');
    await block.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('distance-primary-sentPast-baseline').innerText()).toBe('7,605');
    expect(await page.getByTestId(`distance-primary-sentPast-${id}`).innerText()).toBe(PLAN_SENT_PAST);
    expect(await page.getByTestId(`distance-moved-${id}`).innerText()).toContain(PLAN_MOVED);
    expect(await page.getByTestId('compare-dashboard').innerText()).toContain('就近入学：平均');
  });
});

