import type { Page } from 'playwright-core';

/** Where a load has got to: the mapping step, the report, an error, or done. */
export type Status = 'mapping' | 'review' | 'error' | 'done';

/** What the page's store says of the load, for a message when a wait fails. */
const loadState = (page: Page) => page.evaluate(() => {
  const s = window.__planner!.store.getState();
  const confirm = document.querySelectorAll<HTMLButtonElement>('[data-testid=import-confirm]');
  return JSON.stringify({
    load: s.load.status === 'mapping' ? { status: 'mapping' } : s.load,
    datasetVersion: s.datasetVersion,
    workspaceReady: s.workspaceReady,
    engineNotice: s.engineNotice,
    confirmButtons: [...confirm].map((b) => (b.disabled ? 'disabled' : 'enabled')),
  });
}).catch((e: unknown) => `page not answering: ${String(e)}`);

/** Waits until the load reaches one of `wanted` (done: a new dataset is current and its workspace restored). */
export async function waitForStatus(page: Page, before: number, wanted: Status[], timeout = 60_000): Promise<Status> {
  const handle = await page.waitForFunction(([v, w]) => {
    const s = window.__planner!.store.getState();
    const status = s.load.status === 'idle' ? (s.datasetVersion > v && s.workspaceReady ? 'done' : '') : s.load.status;
    return (w as string[]).includes(status) ? status : false;
  }, [before, wanted] as const, { timeout }).catch(async (e: unknown) => {
    // The store's state says where the load stopped (never started, still loading, or the dataset not made current).
    throw new Error(`load did not reach ${wanted.join('/')} from dataset version ${before}: ${await loadState(page)}`, { cause: e });
  });
  const status = (await handle.jsonValue()) as Status;
  // An error where another state was also acceptable is said, so an unexpected one names itself.
  if (status === 'error' && wanted.length > 1) console.warn('load error:', await loadState(page));
  return status;
}

/** The store's dataset version (it goes up with every dataset made current). */
export const datasetVersion = (page: Page) => page.evaluate(() => window.__planner!.store.getState().datasetVersion);

/**
 * Waits until the element `testId` shows and its dialog has finished opening: while antd's zoom
 * runs (its first frames run no animation yet) the dialog is scaled and moving. Settled: no motion
 * class (…-appear, …-enter) on any element, no animation running, and the element drawn at its
 * own size (no scale left).
 */
export async function waitUntilSettled(page: Page, testId: string, timeout?: number): Promise<void> {
  await page.getByTestId(testId).waitFor({ state: 'visible', timeout });
  await page.waitForFunction((id) => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (!el) return false;
    const moving = [...document.querySelectorAll('[class*="-appear"], [class*="-enter"]')].some((e) => [...e.classList].some((c) => /-(appear|enter)(-|$)/.test(c)));
    const r = el.getBoundingClientRect();
    return !moving && Math.abs(r.width - el.offsetWidth) < 0.5 && Math.abs(r.height - el.offsetHeight) < 0.5 && document.getAnimations().every((a) => a.playState !== 'running');
  }, testId, { timeout });
}

/** Clicks the button `testId` of a load dialog once it has settled: a click on a dialog still opening lands beside the button with nothing said. */
export async function clickSettled(page: Page, testId: string, timeout?: number): Promise<void> {
  await waitUntilSettled(page, testId, timeout);
  await page.getByTestId(testId).click({ timeout });
}
