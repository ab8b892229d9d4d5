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
export async function waitForStatus(page: Page, before: number, wanted: Status[]): Promise<Status> {
  const handle = await page.waitForFunction(([v, w]) => {
    const s = window.__planner!.store.getState();
    const status = s.load.status === 'idle' ? (s.datasetVersion > v && s.workspaceReady ? 'done' : '') : s.load.status;
    return (w as string[]).includes(status) ? status : false;
  }, [before, wanted] as const, { timeout: 60_000 }).catch(async (e: unknown) => {
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
