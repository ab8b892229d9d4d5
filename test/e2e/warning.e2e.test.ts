import { type Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { sharedAppForFile } from './appPage';

describe('学位预警 view (issue 14)', () => {
  let page: Page;
  const url = inject('baseUrl');

  const app = sharedAppForFile(url);
  beforeAll(() => {
    page = app.page;
  });

  it('shows a school\'s tier with its likelihood and its demand range, as the worker computed them', async () => {
    await page.getByTestId('open-warning').click();
    // 圣城小学 (P01): its grade 1 in the first warned year.
    const cell = page.getByTestId('warning-cell-P01-1-2021');
    await cell.waitFor({ timeout: 120_000 });
    const row = await page.evaluate(() => window.__planner!.store.getState().warning!.view.rows.find((r) => r.schoolId === 'P01' && r.year === 2021)!);
    expect(row.tier).toBeDefined();
    const tier = { green: '绿色', yellow: '黄色', red: '红色' }[row.tier!];
    const p = Math.round(row.range!.likelihood[row.tier!] * 100);
    expect(await cell.getByTestId('warning-tier').innerText()).toBe(`${tier}，概率 ${p}%`);
    expect(await cell.getByTestId('warning-figures').innerText()).toContain(`${row.demand}（${row.range!.p10}–${row.range!.p90}）`);
    expect(row.range!.p10).toBeLessThanOrEqual(row.demand);
    expect(row.range!.p90).toBeGreaterThanOrEqual(row.demand);
  });
});
