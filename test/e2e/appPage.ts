import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium';

/** Waits until the app holds a simulation result, its workspace is restored and zones are drawn. */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const p = window.__planner;
    const s = p?.store.getState();
    if (!s?.result || s.load.status !== 'idle' || !s.workspaceReady || !p?.map?.getLayer('zones-fill') || !p.map.loaded()) return false;
    return p.map.queryRenderedFeatures({ layers: ['zones-fill'] }).length > 0;
  }, undefined, { timeout: 60_000 });
}

/**
 * Zooms to the border of two schools and draws a square across it with the mouse (about 900 m
 * wide), waiting until the app previews the pupils inside.
 */
export async function drawSquareBetween(page: Page, ids: [string, string]): Promise<void> {
  const corners = await page.evaluate((pair) => {
    const { dataset } = window.__planner!.store.getState();
    const map = window.__planner!.map!;
    const [a, b] = pair.map((id) => dataset!.schools.find((s) => s.id === id)!);
    const [cx, cy, r] = [(a.lon + b.lon) / 2, (a.lat + b.lat) / 2, 0.004];
    map.jumpTo({ center: [cx, cy], zoom: 13 });
    return [[cx - r, cy - r], [cx + r, cy - r], [cx + r, cy + r], [cx - r, cy + r]].map((p) => map.project(p as [number, number])).map((p) => [p.x, p.y]);
  }, ids);
  await page.waitForFunction(() => !window.__planner!.map!.isMoving());
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.getByTestId('draw-area').click();
  for (const [x, y] of [...corners, corners[0]]) await page.mouse.click(box.x + x, box.y + y);
  await page.getByTestId('area-preview').waitFor();
}

/** A Chromium page on the app, loaded and idle, with every URL it has requested. */
export interface OpenedApp {
  browser: Browser;
  page: Page;
  requests: string[];
}

/** Launches Debian's Chromium (STACK.md flags), opens the app at `url` and waits until it is ready. */
export async function openApp(url: string): Promise<OpenedApp> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await waitForApp(page);
  return { browser, page, requests };
}
