import type { Page } from 'playwright-core';

/** Waits until the app holds a simulation result, its workspace is restored and zones are drawn. */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const p = window.__planner;
    const s = p?.store.getState();
    if (!s?.result || s.load.status !== 'idle' || !s.workspaceReady || !p?.map?.getLayer('zones-fill') || !p.map.loaded()) return false;
    return p.map.queryRenderedFeatures({ layers: ['zones-fill'] }).length > 0;
  }, undefined, { timeout: 60_000 });
}
