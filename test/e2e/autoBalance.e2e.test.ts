import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp, requestsOutside } from './appPage';

/** Sets a number field of the 自动均衡 form. */
async function setNumber(page: Page, key: string, value: number): Promise<void> {
  const input = page.getByTestId(`balance-${key}`);
  await input.fill(String(value));
  await input.blur();
}

describe('自动均衡 on Shouguang (issue 12)', () => {
  let browser: Browser;
  let page: Page;
  let requests: string[];
  const url = inject('baseUrl');

  beforeAll(async () => {
    ({ browser, page, requests } = await openApp(url));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the best plan of a cancelled run, and an accepted plan becomes a scenario with no school over its limits', async () => {
    await page.getByTestId('open-balance').click();
    // A long budget, so that the run is still going when cancelled.
    await setNumber(page, 'timeLimitS', 120);
    await setNumber(page, 'iterations', 1_000_000);
    await page.getByTestId('balance-run').click();
    await page.waitForFunction(() => {
      const b = window.__planner!.store.getState().balance;
      return b?.status === 'running' && b.plan !== undefined && b.progress !== undefined;
    }, undefined, { timeout: 60_000, polling: 100 });
    await page.getByTestId('balance-cancel').click();
    await page.waitForFunction(() => window.__planner!.store.getState().balance?.status === 'done', undefined, { timeout: 30_000, polling: 100 });
    const cancelled = await page.evaluate(() => {
      const b = window.__planner!.store.getState().balance!;
      return { cancelled: b.cancelled, moves: b.plan!.moves.length, phase: b.progress!.phase };
    });
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.phase).toBe('done');
    expect(cancelled.moves).toBeGreaterThan(0);
    await page.getByTestId('balance-cancelled').waitFor();
    expect(await page.getByTestId('balance-moves').locator('tbody tr.ant-table-row').count()).toBe(Math.min(12, cancelled.moves));

    // A small budget for the plan to accept: repair, polish and a few search rounds.
    await setNumber(page, 'timeLimitS', 5);
    await setNumber(page, 'iterations', 20);
    await page.getByTestId('balance-run').click();
    await page.waitForFunction(() => {
      const b = window.__planner!.store.getState().balance;
      return b?.status === 'done' && !b.cancelled && b.check?.result !== undefined;
    }, undefined, { timeout: 60_000, polling: 100 });
    const plan = await page.evaluate(() => {
      const b = window.__planner!.store.getState().balance!;
      return { limitsMet: b.plan!.limitsMet, moves: b.plan!.moves.length, baseEdits: b.baseEdits.length };
    });
    expect(plan.limitsMet).toBe(true);
    await page.getByTestId('balance-accept').click();
    await page.waitForFunction(() => {
      const s = window.__planner!.store.getState();
      const id = s.balance?.acceptedId;
      return id !== undefined && s.activeScenarioId === id && s.compareIds.includes(id) && s.edits.length > 0;
    }, undefined, { timeout: 60_000, polling: 100 });
    const scenario = await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return { name: s.scenarios.find((d) => d.id === s.activeScenarioId)!.name, edits: s.edits.length, summary: s.result!.summary };
    });
    expect(scenario.name).toBe('自动均衡 1');
    expect(scenario.edits).toBe(plan.baseEdits + plan.moves);
    expect(scenario.summary.oversizeSchools).toBe(0);
    expect(scenario.summary.classesOverCap).toBe(0);
    // The county summary on screen follows the store in the next render.
    await expect.poll(() => page.getByTestId('summary-oversizeSchools').locator('.ant-statistic-content').innerText()).toBe('0');
    await expect.poll(() => page.getByTestId('summary-classesOverCap').locator('.ant-statistic-content').innerText()).toMatch(/^0( \(0%\))?$/);
    expect(requestsOutside(requests, url)).toEqual([]);
  });

  it('plans for the projected pupils of 2024 and checks the plan with the projection of that year', async () => {
    // The drawer stays open after a plan is accepted.
    if (!(await page.evaluate(() => window.__planner!.store.getState().balanceOpen))) await page.getByTestId('open-balance').click();
    await page.getByTestId('balance-year').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '2024 年（预测）' }).click();
    await setNumber(page, 'timeLimitS', 5);
    await setNumber(page, 'iterations', 20);
    await page.getByTestId('balance-run').click();
    await page.waitForFunction(() => {
      const b = window.__planner!.store.getState().balance;
      return b?.status === 'done' && b.planned !== undefined && b.check?.years !== undefined;
    }, undefined, { timeout: 120_000, polling: 100 });
    const got = await page.evaluate(() => {
      const b = window.__planner!.store.getState().balance!;
      const over = (y: { result: { schools: { ownership: string; oversize: boolean; classesOverCap: number }[] } }) => y.result.schools.filter((r) => r.ownership === 'public' && (r.oversize || r.classesOverCap > 0)).length;
      return { planned: b.planned!.years, limitsMet: b.plan!.limitsMet, moves: b.plan!.moves.length, checked: b.check!.years!.map((y) => [y.year, over(y)]) };
    });
    // The balancer's figures are the projection's (balanceFutureReplay): what it says holds, the engine's projection confirms.
    expect(got.planned).toEqual([2024]);
    expect(got.moves).toBeGreaterThan(0);
    expect(got.limitsMet).toBe(true);
    expect(got.checked).toEqual([[2024, 0]]);
    // The private schools over their limits in 2024 are not the plan's: the check names none.
    await page.getByTestId('balance-check').getByText('没有学校超规模或超班额').waitFor();
    await page.screenshot({ path: 'test-results/auto-balance-2024.png' });
  });
});
