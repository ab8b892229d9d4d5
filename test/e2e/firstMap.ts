import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Request } from 'playwright-core';

/** The most script, gzipped, the first map with zones may wait for (issue 17: a light first load). */
export const FIRST_MAP_GZIP_BUDGET = 700_000;

/** What the page's watcher (FIRST_MAP_WATCH) records from before the app's first script. */
export interface FirstMapWatch {
  longTasks: [number, number][];
  /** ms after navigation of the first frame with zones drawn. */
  firstMap?: number;
  /** The first load's milestones as the store sees them, ms after navigation. */
  steps: [string, number][];
}

/** An init script: watches, from before the app's first script, for long tasks and the first frame with zones drawn (globalThis.__bench). */
export const FIRST_MAP_WATCH = () => {
  const g = globalThis as unknown as { __plannerTiming: boolean; __bench: FirstMapWatch };
  g.__plannerTiming = true;
  g.__bench = { longTasks: [], steps: [] };
  const step = (name: string) => g.__bench.steps.push([name, performance.now()]);
  let watched = false;
  const watch = () => {
    const store = window.__planner?.store;
    if (watched || !store) return;
    watched = true;
    step('app script ran');
    let last = '';
    store.subscribe((s) => {
      const now = s.load.status === 'loading' ? `load: ${s.load.step}` : s.dataset ? 'dataset in store' : '';
      if (now && now !== last) step((last = now));
    });
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) g.__bench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const drawn = () => {
    const map = window.__planner?.map;
    try {
      return !!map?.getLayer('zones-fill') && map.queryRenderedFeatures({ layers: ['zones-fill'] }).length > 0;
    } catch {
      // the style is not ready yet
      return false;
    }
  };
  const tick = () => {
    watch();
    if (drawn()) g.__bench.firstMap = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

/** Starts recording the script requests of `context` (call before navigating). */
export function recordScripts(context: BrowserContext): Request[] {
  const requests: Request[] = [];
  context.on('request', (r) => {
    if (/\.m?js$/.test(new URL(r.url()).pathname)) requests.push(r);
  });
  return requests;
}

/** Waits for the first frame with zones drawn (the page opened with FIRST_MAP_WATCH); its watch, and its time on the browser's epoch clock. */
export async function waitForFirstMap(page: Page): Promise<FirstMapWatch & { firstMap: number; firstMapEpoch: number }> {
  await page.waitForFunction(() => (globalThis as unknown as { __bench: FirstMapWatch }).__bench.firstMap !== undefined, undefined, { timeout: 180_000, polling: 20 });
  return page.evaluate(() => {
    const b = (globalThis as unknown as { __bench: FirstMapWatch & { firstMap: number } }).__bench;
    return { ...b, firstMapEpoch: performance.timeOrigin + b.firstMap };
  });
}

/**
 * The scripts whose request the browser started before the first map (its own clock; the panels,
 * asked for once the zones are on screen, may still be requested while a test notices the map),
 * read from the built `dist`, with their raw and gzipped bytes.
 */
export async function scriptsBefore(requests: Request[], epochMs: number, dist: string): Promise<{ files: number; rawBytes: number; gzipBytes: number; list: string[] }> {
  await Promise.all(requests.map((r) => r.response().catch(() => null)));
  const list = [...new Set(requests.filter((r) => r.timing().startTime <= epochMs).map((r) => new URL(r.url()).pathname))].sort();
  const bytes = list.map((p) => readFileSync(join(dist, p)));
  return { files: list.length, rawBytes: bytes.reduce((a, b) => a + b.length, 0), gzipBytes: bytes.reduce((a, b) => a + gzipSync(b).length, 0), list };
}
