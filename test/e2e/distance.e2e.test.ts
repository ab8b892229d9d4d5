import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { sharedAppForFile } from './appPage';

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
});
