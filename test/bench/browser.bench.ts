/**
 * The browser benchmark (npm run bench:browser): builds the app, serves it with `vite preview` and
 * drives it in Chromium (software WebGL) on the default dataset and on a generated county of
 * 1,000,000 pupils. Prints, per dataset: time to the first map with zones (in the browser just
 * started, and on a second visit, its compiled shaders kept), the JS fetched before it (raw and
 * gzipped), heap after load, and for each kind of edit the median time from the input
 * event to the numbers and the map painted, split into its steps, with the long tasks it caused;
 * and how often the live figures followed a boundary point dragged, and an area drawn, for a few seconds.
 *
 *   npm run bench:browser [-- --json] [--reps N] [--only default|million] [--pupils N] [--dist DIR]
 *
 * --dist reuses a build; BENCH_PORT (or E2E_PORT) picks the port. Absolute times drift widely on
 * shared machines: compare figures from the same machine and load.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/appPage';
import { FIRST_MAP_WATCH, recordScripts, scriptsBefore, waitForFirstMap } from '../e2e/firstMap';
import { rendererMemory } from '../e2e/processMemory';
import { writeLargeCounty } from './browserCounty';
import { timeDrag, timeDrawing, type DragFigures } from './browserDrag';
import { timeEdits, type EditKind, type EditTiming } from './browserEdits';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const asJson = args.includes('--json');
const reps = Number(option('--reps') ?? 5);
const only = option('--only');
const millionPupils = Number(option('--pupils') ?? 1_000_000);
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4399);
const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'bench-browser-'));
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Builds the app into a private folder unless --dist names one. */
function build(): string {
  const given = option('--dist');
  if (given) return given;
  const out = join(work, 'dist');
  log('building …');
  const r = spawnSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('vite build failed');
  return out;
}

/** Serves `dist` with vite preview; resolves with a stop function once it answers. */
async function serve(dist: string): Promise<() => void> {
  const server = spawn('npx', ['vite', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`vite preview did not answer on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return () => {
    // A server already gone must not hide the error that ended the run.
    if (server.pid && server.exitCode === null) process.kill(-server.pid);
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Medians of each field over an edit kind's repetitions. */
function medians(ts: EditTiming[]): EditTiming & { n: number; totalLessGpu: number; maxLongestTask: number } {
  const m = (k: keyof EditTiming) => median(ts.map((t) => t[k]));
  return {
    n: ts.length, total: m('total'), engine: m('engine'), handOff: m('handOff'), store: m('store'), mapSync: m('mapSync'), held: m('held'), react: m('react'), mapAfter: m('mapAfter'),
    longTasks: m('longTasks'), longestTask: m('longestTask'), gpuAlone: m('gpuAlone'), gpuFrame: m('gpuFrame'), totalLessGpu: median(ts.map((t) => t.total - t.gpuAlone)),
    maxLongestTask: Math.max(0, ...ts.map((t) => t.longestTask)),
  };
}

interface LoadFigures {
  /** In a browser just started (no compiled shaders kept, no caches). */
  firstMapMs: number;
  /** The same page opened again in that browser (its GPU process keeps the shaders it compiled). */
  secondVisitFirstMapMs?: number;
  jsBeforeFirstMap: { files: number; rawBytes: number; gzipBytes: number; list: string[] };
  longTasksBeforeFirstMap: number;
  /** Milestones of the first load, ms after navigation. */
  steps: [string, number][];
}

/** Opens the app in a fresh context and times the first map with zones; notes the JS fetched before it. */
async function openFresh(browser: Browser, dist: string): Promise<{ page: Page; load: LoadFigures }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // tsx compiles named functions with an `__name` helper: functions sent to the page need it too.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.addInitScript(FIRST_MAP_WATCH);
  const requests = recordScripts(context);
  await page.goto(`http://127.0.0.1:${port}/`);
  const { firstMap, firstMapEpoch, longTasks, steps } = await waitForFirstMap(page);
  const nav = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
  return {
    page,
    load: {
      firstMapMs: firstMap,
      jsBeforeFirstMap: await scriptsBefore(requests, firstMapEpoch, dist),
      longTasksBeforeFirstMap: longTasks.filter(([start]) => start <= firstMap).length,
      steps: [['DOMContentLoaded', nav], ...steps],
    },
  };
}

/** Waits until the app holds a result, its workspace is restored and the map is idle. */
const ready = (page: Page) => page.waitForFunction(() => {
  const p = window.__planner;
  const s = p?.store.getState();
  return !!s?.result && s.load.status === 'idle' && s.workspaceReady && !!p?.map?.loaded();
}, undefined, { timeout: 600_000, polling: 250 });

/** Main-thread JS heap (after a collection) and the renderer's resident memory, MB. */
async function heap(page: Page): Promise<{ mainHeapMb: number; rendererMb: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const renderers = rendererMemory();
  return { mainHeapMb: usedSize / 1e6, rendererMb: Math.max(0, ...renderers.map((r) => r.now)) };
}

interface DatasetFigures {
  pupils: number;
  load: LoadFigures & { loadMs?: number; progressSeen?: number[] };
  memory: { mainHeapMb: number; rendererMb: number };
  edits: Record<EditKind | 'undo', ReturnType<typeof medians>>;
  drag: DragFigures;
  drawing: DragFigures;
}

/** Seconds a boundary point is dragged, or an area's last corner moved, to and fro while the live figures are counted. */
const DRAG_SECONDS = 3;

async function benchDefault(browser: Browser, dist: string): Promise<DatasetFigures> {
  log('default dataset: first load …');
  const first = await openFresh(browser, dist);
  await first.page.context().close();
  // A second context: the first load's figures come from a cold page, the edits from a fresh one.
  // Its first map is that of a second visit: the browser's own caches (compiled shaders) are warm.
  const { page, load: second } = await openFresh(browser, dist);
  await ready(page);
  const memory = await heap(page);
  const pupils = await page.evaluate(() => window.__planner!.store.getState().dataset!.pupilsLoaded);
  log(`default dataset (${pupils} pupils): edits …`);
  const timings = await timeEdits(page, reps, log);
  log('dragging a boundary point, drawing an area …');
  const drag = await timeDrag(page, DRAG_SECONDS);
  const drawing = await timeDrawing(page, DRAG_SECONDS);
  await page.context().close();
  return { pupils, load: { ...first.load, secondVisitFirstMapMs: second.firstMapMs }, memory, edits: mapValues(timings, medians), drag, drawing };
}

async function benchMillion(browser: Browser, dist: string): Promise<DatasetFigures> {
  log(`generating a county of ${millionPupils} pupils …`);
  const files = writeLargeCounty(work, millionPupils);
  const { page } = await openFresh(browser, dist);
  await ready(page);
  log('loading it through the file picker …');
  const progressSeen: number[] = [];
  const started = Date.now();
  await page.getByTestId('file-input').setInputFiles(files);
  for (;;) {
    const l = await page.evaluate(() => {
      const s = window.__planner!.store.getState();
      return { status: s.load.status, fraction: s.load.status === 'loading' ? s.load.fraction : -1, pupils: s.dataset?.pupilsLoaded ?? 0, ready: s.workspaceReady };
    });
    if (l.fraction >= 0 && progressSeen.at(-1) !== Math.round(l.fraction * 100)) progressSeen.push(Math.round(l.fraction * 100));
    if (l.status === 'review') await page.getByTestId('load-anyway').click();
    if (l.status === 'error') throw new Error('the large county did not load');
    if (l.status === 'idle' && l.pupils >= millionPupils * 0.99 && l.ready) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const loadMs = Date.now() - started;
  await ready(page);
  const memory = await heap(page);
  const pupils = await page.evaluate(() => window.__planner!.store.getState().dataset!.pupilsLoaded);
  log(`${pupils} pupils loaded in ${(loadMs / 1000).toFixed(1)} s: edits …`);
  const timings = await timeEdits(page, reps, log);
  log('dragging a boundary point, drawing an area …');
  const drag = await timeDrag(page, DRAG_SECONDS);
  const drawing = await timeDrawing(page, DRAG_SECONDS);
  await page.context().close();
  return { pupils, load: { firstMapMs: NaN, jsBeforeFirstMap: { files: 0, rawBytes: 0, gzipBytes: 0, list: [] }, longTasksBeforeFirstMap: 0, steps: [], loadMs, progressSeen }, memory, edits: mapValues(timings, medians), drag, drawing };
}

function mapValues<K extends string, A, B>(o: Record<K, A>, f: (a: A) => B): Record<K, B> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as A)])) as Record<K, B>;
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 1 : 0) : '–').padStart(6);

function print(name: string, f: DatasetFigures) {
  console.log(`\n== ${name}: ${f.pupils.toLocaleString('en')} pupils ==`);
  if (Number.isFinite(f.load.firstMapMs)) {
    const js = f.load.jsBeforeFirstMap;
    console.log(`first map with zones: ${f.load.firstMapMs.toFixed(0)} ms after navigation (browser just started); long tasks before it: ${f.load.longTasksBeforeFirstMap}`);
    if (f.load.secondVisitFirstMapMs !== undefined) console.log(`  second visit (the browser's compiled shaders kept): ${f.load.secondVisitFirstMapMs.toFixed(0)} ms`);
    console.log(`  on the way: ${f.load.steps.map(([name, t]) => `${name} ${t.toFixed(0)}`).join(' · ')}`);
    console.log(`JS before the first map: ${js.files} files, ${(js.rawBytes / 1e3).toFixed(0)} kB raw, ${(js.gzipBytes / 1e3).toFixed(0)} kB gzipped`);
    for (const p of js.list) console.log(`  ${p}`);
  }
  if (f.load.loadMs !== undefined) console.log(`load through the file picker: ${(f.load.loadMs / 1000).toFixed(1)} s; progress seen: ${f.load.progressSeen!.join(' ')} %`);
  console.log(`heap after load: main thread ${f.memory.mainHeapMb.toFixed(0)} MB; renderer resident (page and its workers) ${f.memory.rendererMb.toFixed(0)} MB`);
  console.log('edit (median ms)  total  −GPU  engine hand-off store mapSync  held React mapAfter |   GPU repaint | long tasks/edit, longest (worst)');
  for (const [kind, m] of Object.entries(f.edits)) {
    console.log(`${kind.padEnd(12)} n=${String(m.n).padEnd(2)}${ms(m.total)}${ms(m.totalLessGpu)}${ms(m.engine)}${ms(m.handOff)}${ms(m.store)}${ms(m.mapSync)}${ms(m.held)}${ms(m.react)}${ms(m.mapAfter)}   |${ms(m.gpuAlone)}${ms(m.gpuFrame)}  | ${m.longTasks}, ${m.longestTask.toFixed(0)} (${m.maxLongestTask.toFixed(0)})`);
  }
  for (const [what, d] of [['dragging a boundary point', f.drag], ['drawing an area', f.drawing]] as const) {
    console.log(`live figures while ${what} (${d.seconds.toFixed(1)} s): ${d.updatesPerSecond.toFixed(1)} updates/s; pointer ${d.movesPerSecond.toFixed(0)} moves/s, frames ${d.framesPerSecond.toFixed(1)}/s; previews computed ${d.computed}, dropped unseen ${d.dropped}`);
  }
}

async function main() {
  const dist = build();
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} holds no build`);
  const stop = await serve(dist);
  const browser = await launchChromium();
  const out: Record<string, DatasetFigures> = {};
  try {
    if (only !== 'million') out.default = await benchDefault(browser, dist);
    if (only !== 'default') out.million = await benchMillion(browser, dist);
  } finally {
    await browser.close();
    stop();
    rmSync(work, { recursive: true, force: true });
  }
  if (asJson) console.log(JSON.stringify(out, null, 2));
  else {
    console.log('Medians. "GPU": the part of the total spent waiting on the GPU process alone, no thread of the page running (SwiftShader draws WebGL and composites the page on the CPU here); "−GPU": the total less it; "repaint": one full map frame on the GPU, timed apart.');
    for (const [name, f] of Object.entries(out)) print(name, f);
  }
}

await main();
