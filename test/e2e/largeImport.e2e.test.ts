import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { pupilsCsv } from '../fixtures/corpus/manyPupils';
import { freshAppForEachTest } from './appPage';
import { clickSettled } from './loadStatus';
import { rendererMemory } from './processMemory';

const root = join(import.meta.dirname, '../..');
const tiny = join(root, 'test/fixtures/tiny');
const work = mkdtempSync(join(tmpdir(), 'large-import-'));
// A million pupil rows shaped like a real list (Chinese headers, names, 19-character ids; 97 MB),
// made now, never committed; every 1000th row bad.
const students = join(work, 'students.csv');
writeFileSync(students, pupilsCsv(1_000_000));
const files = [join(tiny, 'schools.geojson'), join(tiny, 'catchments.geojson'), students];

/** The longest the page's main thread was busy while `during` ran, measured by timer lateness (ms). */
async function longestStall(page: Page, during: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __stall: number; __stallStop: boolean };
    w.__stall = 0;
    w.__stallStop = false;
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      w.__stall = Math.max(w.__stall, now - last - 20);
      last = now;
      if (!w.__stallStop) setTimeout(tick, 20);
    };
    setTimeout(tick, 20);
  });
  await during();
  return page.evaluate(() => {
    const w = window as unknown as { __stall: number; __stallStop: boolean };
    w.__stallStop = true;
    return w.__stall;
  });
}

/**
 * Waits until the app has opened on the default dataset: its labels drawn (CJK glyphs rasterised on
 * the main thread, about 2 s on a quiet machine), the panels in, the workspace restored, the road
 * distances prepared after it showed (the panels draw them), the map idle and no long task for a
 * second. That is the app's work on opening, not the import's.
 */
const appOpened = async (page: Page) => {
  await page.waitForFunction(() => {
    const map = window.__planner!.map!;
    return map.loaded() && map.queryRenderedFeatures({ layers: ['labels-schools'] }).length > 0;
  }, undefined, { timeout: 120_000, polling: 500 });
  await page.waitForFunction(() => {
    const map = window.__planner!.map!;
    const s = window.__planner!.store.getState();
    return !!document.querySelector('[data-testid="language-switch"]') && s.workspaceReady && !!s.distance && map.loaded() && map.areTilesLoaded() && !map.isMoving();
  }, undefined, { timeout: 120_000, polling: 250 });
  // The opening's last long task (label layers compiling their shaders and drawing glyphs, panels
  // rendered late) ended a second ago: the tasks measured from here on are the import's.
  await page.evaluate(() => {
    const w = window as unknown as { __openingEnd: number };
    w.__openingEnd = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__openingEnd = Math.max(w.__openingEnd, e.startTime + e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.waitForFunction(() => performance.now() - (window as unknown as { __openingEnd: number }).__openingEnd > 1000, undefined, { timeout: 120_000, polling: 100 });
};

// Issue 15's limits of the load at 1,000,000 rows: no main-thread task over 200 ms, renderer
// memory under 1.5 GB. The longest task is the dataset switch (React's render of the new dataset's
// panels); the renderer's peak comes while the worker reads the pupils' rows, which go from the
// importer to the reader without an intermediate text.
const LONGEST_TASK_MS = 200;
const RENDERER_MB = 1500;

describe('a million pupil rows in the browser', () => {
  const app = freshAppForEachTest(inject('baseUrl'));
  let page: Page;
  beforeEach(() => {
    page = app.page;
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('parses in the worker with a moving progress bar, the page responsive, and can be cancelled', async () => {
    await appOpened(page);
    const fractions: number[] = [];
    const stall = await longestStall(page, async () => {
      await page.getByTestId('file-input').setInputFiles(files);
      await page.waitForFunction(() => window.__planner!.store.getState().load.status === 'loading');
      // Read the bar until it has moved past the pupils file's first rows.
      await expect.poll(async () => {
        const f = await page.evaluate(() => { const l = window.__planner!.store.getState().load; return l.status === 'loading' ? l.fraction : -1; });
        fractions.push(f);
        return f;
      }, { timeout: 60_000, interval: 100 }).toBeGreaterThan(0.2);
    });
    expect(new Set(fractions.filter((f) => f > 0)).size).toBeGreaterThan(2);
    console.log(`1,000,000 rows: longest main-thread stall while the worker parses ${stall.toFixed(0)} ms; progress seen ${fractions.filter((f) => f > 0).map((f) => Math.round(f * 100)).join(' ')} %`);
    // The import runs in the worker: the page's own thread is never blocked for long.
    expect(stall).toBeLessThan(500);
    await page.getByTestId('cancel-load').click();
    await page.waitForFunction(() => window.__planner!.store.getState().load.status === 'idle');
    const shouguangName = JSON.parse(readFileSync(join(root, 'data/shouguang/dataset.json'), 'utf8')).name;
    expect(await page.evaluate(() => window.__planner!.store.getState().dataset!.name)).toBe(shouguangName);
  });

  it('loads them all: rows read = loaded + rejected, each rejected row named by its line; longest task and renderer memory within the limits above', async () => {
    await appOpened(page);
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number; __tasks: string[] };
      w.__longest = 0;
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          w.__longest = Math.max(w.__longest, e.duration);
          if (e.duration > 100) w.__tasks.push(`${(e.startTime / 1000).toFixed(1)} s: ${e.duration.toFixed(0)} ms`);
        }
      }).observe({ type: 'longtask' });
    });
    const t0 = Date.now();
    await page.getByTestId('file-input').setInputFiles(files);
    // The tiny zones leave pupils outside: the report comes first, then the planner loads anyway.
    await clickSettled(page, 'load-anyway', 120_000);
    const clickedAt = await page.evaluate(() => performance.now() / 1000);
    await page.waitForFunction(() => window.__planner!.store.getState().dataset?.rowsRead === 1_000_000 && !!window.__planner!.store.getState().result, undefined, { timeout: 120_000 });
    const loadedIn = (Date.now() - t0) / 1000;
    const s = await page.evaluate(() => {
      const st = window.__planner!.store.getState();
      return { read: st.dataset!.rowsRead, loaded: st.dataset!.pupilsLoaded, rejected: st.dataset!.rejected.length, first: st.dataset!.rejected[0], summary: st.result!.summary };
    });
    expect(s).toMatchObject({ read: 1_000_000, loaded: 999_000, rejected: 1_000, first: { file: 'students.csv', line: 1001 } });
    expect(s.summary.input).toBe(s.summary.assigned + s.summary.unassigned + s.summary.rejected);
    // The map draws the density, then the planner shows the pupils as dots over their square. The
    // check looks only near the square's centre: querying the whole map would itself be a long task.
    const drawn = (layer: string) => page.waitForFunction((id) => {
      const map = window.__planner!.map!;
      const c = map.project([118.01, 36.01]);
      return map.loaded() && map.queryRenderedFeatures([[c.x - 40, c.y - 40], [c.x + 40, c.y + 40]], { layers: [id] }).length > 0;
    }, layer, { timeout: 120_000, polling: 250 });
    const measure = async (when: string) => {
      const { longest, tasks, now } = await page.evaluate(() => {
        const w = window as unknown as { __longest: number; __tasks: string[] };
        return { longest: w.__longest, tasks: w.__tasks.join(', '), now: (performance.now() / 1000).toFixed(1) };
      });
      const heapMb = await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20);
      const renderers = rendererMemory();
      const peakMb = Math.max(...renderers.map((r) => r.peak));
      console.log(`1,000,000 rows, ${when}: longest main-thread task ${longest.toFixed(0)} ms; main-thread JS heap ${heapMb.toFixed(0)} MB; tasks over 100 ms [${tasks}] (now ${now} s); renderer peak resident ${peakMb.toFixed(0)} MB (${renderers.map((r) => `pid ${r.pid}: peak ${r.peak.toFixed(0)}, now ${r.now.toFixed(0)}`).join('; ')})`);
      return { longest, peakMb, renderers };
    };
    await drawn('pupils-density');
    console.log(`1,000,000 rows: files picked → report → loaded and simulated in ${loadedIn.toFixed(1)} s (the planner's click on "load anyway" included, at ${clickedAt.toFixed(1)} s)`);
    const load = await measure('loaded, density drawn');
    // From picking the files to the pupils on the map, the page's thread never blocks for long.
    expect(load.renderers.length).toBeGreaterThan(0);
    expect(load.longest).toBeLessThan(LONGEST_TASK_MS);
    expect(load.peakMb).toBeLessThan(RENDERER_MB);
    await page.evaluate(() => {
      window.__planner!.map!.fitBounds([[118, 36], [118.02, 36.02]], { animate: false });
      window.__planner!.store.setState({ pupilMode: 'dots' });
    });
    await drawn('pupils-dots');
    // Dots at 1,000,000 pupils: the view's, at most 100,000, within the memory limit. Their first
    // draw compiles MapLibre's circle shader, which software WebGL (SwiftShader) takes long for
    // whatever the number of pupils: its time is printed, not asserted.
    const dots = await measure('dots drawn');
    expect(dots.peakMb).toBeLessThan(RENDERER_MB);
  });

  it('refuses a file over 150 MB by its size, before reading it, naming the file and the limit; the open dataset stays', async () => {
    // A sparse file: its size is all the check looks at, so it costs no disk and is never read.
    const big = join(work, '学生名单.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 151 * 2 ** 20);
    closeSync(fd);
    await page.getByTestId('file-input').setInputFiles([join(tiny, 'schools.geojson'), join(tiny, 'catchments.geojson'), big]);
    await expect.poll(() => page.getByTestId('load-error').innerText(), { timeout: 30_000 }).toBe(
      '学生名单.csv: 文件大小 151 MB，超过页面可读取的上限 150 MB（再大会耗尽内存）；请删去本程序不用的列（姓名、身份证号、备注等），或改用命令行（npm run simulate）',
    );
    const shouguangName = JSON.parse(readFileSync(join(root, 'data/shouguang/dataset.json'), 'utf8')).name;
    expect(await page.evaluate(() => window.__planner!.store.getState().dataset!.name)).toBe(shouguangName);
  });
});
