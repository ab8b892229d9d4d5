import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from './chromium';

/** Waits until the app holds a simulation result, its workspace is restored and zones are drawn. */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const p = window.__planner;
    const s = p?.store.getState();
    if (!s?.result || s.load.status !== 'idle' || !s.workspaceReady || !p?.map?.getLayer('zones-fill') || !p.map.loaded()) return false;
    return p.map.queryRenderedFeatures({ layers: ['zones-fill'] }).length > 0;
  }, undefined, { timeout: 120_000, polling: 100 });
}

/**
 * Waits until the map has nothing more to draw: its style and sources loaded, its tiles in, no
 * camera move, and no frame asked for (label fades and late tiles each ask for one).
 */
export async function waitForMapAtRest(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = window.__planner!.map!;
    return map.loaded() && map.areTilesLoaded() && !map.isMoving() && !(map as unknown as { _frameRequest?: unknown })._frameRequest;
  });
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

/**
 * How many features of the drawn area the map draws: an area given or dropped stays in its source,
 * hidden by feature-state (see src/map/pendingLayers.ts).
 */
export const pendingAreasDrawn = (page: Page): Promise<number> =>
  page.evaluate(() => window.__planner!.map!.queryRenderedFeatures({ layers: ['pending-fill'] }).filter((f) => !f.state.hidden).length);

/** The app open in a browser context of its own, with every URL the page has requested. */
export interface OpenedApp {
  context: BrowserContext;
  page: Page;
  requests: string[];
}

/** Launches Debian's Chromium with the flags of STACK.md. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

/**
 * Opens the app at `url` in a new browser context — its own IndexedDB and localStorage, so no
 * autosaved scenario or remembered mapping of another test — and waits until it is ready.
 */
export async function openAppIn(browser: Browser, url: string): Promise<OpenedApp> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // An error thrown in the page fails no test by itself; said here, it names itself when a wait then fails.
  page.on('pageerror', (e) => console.warn('page error:', e.message));
  await page.goto(url);
  await waitForApp(page);
  return { context, page, requests };
}

/** Launches Chromium and opens the app once (sharedAppForFile, scripts that take screenshots). */
export async function openApp(url: string): Promise<OpenedApp & { browser: Browser }> {
  const browser = await launchChromium();
  return { browser, ...(await openAppIn(browser, url)) };
}

/** The requests that left the app's own origin (data: and blob: URLs stay on the machine). */
export const requestsOutside = (requests: string[], url: string) => {
  const origin = new URL(url).origin;
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
};

/**
 * Opens the app once for the enclosing describe, whose steps follow each other on one page; after
 * the last, checks that the page requested nothing outside its own origin and closes Chromium.
 */
export function sharedAppForFile(url: string): OpenedApp & { browser: Browser } {
  const app = {} as OpenedApp & { browser: Browser };
  beforeAll(async () => {
    Object.assign(app, await openApp(url));
  });
  afterAll(async () => {
    const outside = requestsOutside(app.requests ?? [], url);
    await app.browser?.close();
    expect(outside).toEqual([]);
  });
  return app;
}

/**
 * Gives every test of the enclosing describe the app freshly opened on the default dataset in a
 * context of its own, so no test depends on what an earlier one did; after each test, checks that
 * the page requested nothing outside its own origin. One Chromium serves the whole file.
 */
export function freshAppForEachTest(url: string): OpenedApp {
  let browser: Browser | undefined;
  const app = {} as OpenedApp;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  beforeEach(async () => {
    Object.assign(app, await openAppIn(browser!, url));
  });
  afterEach(async () => {
    const outside = requestsOutside(app.requests, url);
    await app.context?.close();
    expect(outside).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return app;
}
