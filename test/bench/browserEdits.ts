import type { Page } from 'playwright-core';
import { GpuTrace, type TraceWindow } from './gpuTrace';

/** One edit's way from the input event to the screen, ms (see probeEdit). */
export interface EditTiming {
  /** Input event → the numbers and the map painted (the animation frame after both are done). */
  total: number;
  /** The worker's own time for the edit (its computeMs). */
  engine: number;
  /** Input event → answer on the page, less the engine's time: the page's handling and the transfer both ways. */
  handOff: number;
  /** The store update (its synchronous subscribers), less the map's part. */
  store: number;
  /** The map's synchronous update inside the store update (feature state, sources). */
  mapSync: number;
  /** Store updated → the panels let go of (held while the map re-tiles the edit's zones, see src/store/heldView.ts). */
  held: number;
  /** The panels let go of (or the store updated, when nothing was held) → React committed the new numbers. */
  react: number;
  /** React committed → the map idle (its sources re-tiled and drawn), 0 when it was first. */
  mapAfter: number;
  /** Main-thread long tasks (> 50 ms) during the edit, and the longest, ms. */
  longTasks: number;
  longestTask: number;
  /**
   * The part of `total` the edit waited on the GPU process alone (no thread of the page running):
   * here SwiftShader drawing the map's WebGL and compositing the page on the CPU.
   */
  gpuAlone: number;
  /** A full repaint of the map waited for on the GPU (SwiftShader here), measured after the edit. */
  gpuFrame: number;
}

// Each timed edit's place on the page's clock, to find it in the trace of its page's edits.
const windows = new WeakMap<EditTiming, TraceWindow>();
let armed = 0;
let armedMark = '';

type InputKind = 'click' | 'mouseup' | 'keydown';

/**
 * Waits until the page's frames come unhindered (three animation frames in a row under 25 ms apart),
 * as when a planner reads the figures before acting: the benchmark's own setup (a jump to the edit's
 * place, the area set, the pointer moved) leaves frames that a software GPU (SwiftShader) draws for
 * 100–200 ms each, and an edit armed during them was timed partly on the setup's work (one run's
 * assign area ranged 68–203 ms with the same code). Gives up waiting after 5 s.
 */
const framesFlowing = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => {
  const until = performance.now() + 5000;
  let last = performance.now();
  let calm = 0;
  const tick = (t: number) => {
    calm = t - last < 25 ? calm + 1 : 0;
    last = t;
    if (calm >= 3 || t > until) resolve();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}));

/**
 * Arms the page for one edit: the next `kind` input event starts the clock; the edit's marks
 * (src/app/timing.ts), the next store update with a new result, React's commit and the map's next
 * idle stop it, at the animation frame after the last of them.
 */
async function arm(page: Page, kind: InputKind): Promise<void> {
  await framesFlowing(page);
  armedMark = `bench:edit:${++armed}`;
  await page.evaluate(([k, mark]) => {
    const w = window as unknown as { __edit?: Record<string, number>; __bench: { longTasks: [number, number][] } };
    performance.clearMarks();
    performance.clearMeasures();
    const edit: Record<string, number> = { markAt: performance.mark(mark).startTime };
    w.__edit = undefined;
    const { store } = window.__planner!;
    const map = window.__planner!.map!;
    const before = store.getState().result;
    // Ctrl+Z is two keydowns: the clock starts at the Z.
    const start = (e: Event) => {
      if (k === 'keydown' && (e as KeyboardEvent).key.toLowerCase() !== 'z') return;
      window.removeEventListener(k, start, { capture: true });
      edit.t0 = e.timeStamp;
    };
    window.addEventListener(k, start, { capture: true });
    const stop = store.subscribe((s) => {
      if (s.result === before) return;
      stop();
      edit.stored = performance.now();
      edit.mapSync = performance.getEntriesByName('map:sync').reduce((a, m) => a + m.duration, 0);
      map.once('idle', () => (edit.mapIdle = performance.now()));
      map.triggerRepaint();
    });
    const frame = () => {
      const commit = performance.getEntriesByName('react:commit')[0];
      if (edit.mapIdle === undefined || !commit) return void requestAnimationFrame(frame);
      const painted = performance.now();
      const answered = performance.getEntriesByName('edit:answered')[0]?.startTime ?? edit.stored;
      const storedMark = performance.getEntriesByName('edit:stored')[0]?.startTime ?? edit.stored;
      const shown = performance.getEntriesByName('edit:shown').find((m) => m.startTime >= storedMark)?.startTime ?? storedMark;
      const tasks = w.__bench.longTasks.filter(([start, d]) => start + d >= edit.t0 && start <= painted);
      w.__edit = {
        t0: edit.t0,
        painted,
        markAt: edit.markAt,
        total: painted - edit.t0,
        engine: store.getState().editMs ?? 0,
        answered: answered - edit.t0,
        store: storedMark - answered - edit.mapSync,
        mapSync: edit.mapSync,
        held: Math.max(0, shown - storedMark),
        react: Math.max(0, commit.startTime - Math.max(storedMark, shown)),
        mapAfter: Math.max(0, edit.mapIdle - Math.max(commit.startTime, storedMark)),
        longTasks: tasks.length,
        longestTask: Math.max(0, ...tasks.map(([, d]) => d)),
      };
    };
    requestAnimationFrame(frame);
  }, [kind, armedMark] as const);
}

/** Waits for the armed edit's figures, then times a full repaint finished on the GPU (its `gpuAlone` comes from the trace, later). */
async function collect(page: Page): Promise<EditTiming> {
  await page.waitForFunction(() => (window as unknown as { __edit?: unknown }).__edit !== undefined, undefined, { timeout: 120_000, polling: 50 });
  const e = await page.evaluate(() => (window as unknown as { __edit: Record<string, number> }).__edit);
  // The frame is timed on a quiet map: the changed area's outline is drawn after the edit's frame.
  await mapSettled(page);
  const gpuFrame = await page.evaluate(() => new Promise<number>((resolve) => {
    const map = window.__planner!.map!;
    const gl = map.getCanvas().getContext('webgl2') ?? map.getCanvas().getContext('webgl');
    // Reading a pixel waits until the GPU (SwiftShader: the CPU) has drawn the frame; finish() does not.
    map.once('render', () => {
      const t = performance.now();
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      resolve(performance.now() - t);
    });
    map.triggerRepaint();
  }));
  const timing: EditTiming = {
    total: e.total, engine: e.engine, handOff: Math.max(0, e.answered - e.engine), store: e.store, mapSync: e.mapSync, held: e.held, react: e.react,
    mapAfter: e.mapAfter, longTasks: e.longTasks, longestTask: e.longestTask, gpuAlone: NaN, gpuFrame,
  };
  windows.set(timing, { from: e.t0, to: e.painted, mark: armedMark, markAt: e.markAt });
  return timing;
}

/** How many edits the page has, once it has reached `n`. */
const editsReach = (page: Page, n: number) => page.waitForFunction((k) => window.__planner!.store.getState().edits.length === k, n, { timeout: 120_000, polling: 50 });

/** Waits until the map has stopped moving and loaded what its view needs. */
const mapSettled = (page: Page) => page.waitForFunction(() => {
  const map = window.__planner!.map!;
  return map.loaded() && !map.isMoving() && map.areTilesLoaded();
}, undefined, { timeout: 120_000, polling: 100 });

/** Ctrl+Z as the planner presses it (focus off any field), timed. */
export async function undo(page: Page): Promise<EditTiming> {
  const n = await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    return window.__planner!.store.getState().edits.length;
  });
  await arm(page, 'keydown');
  await page.keyboard.press('Control+z');
  await editsReach(page, n - 1);
  return collect(page);
}

/** The kinds of edit the benchmark times, each followed by its undo (timed too). */
export type EditKind = 'assignArea' | 'moveVertex' | 'assignUnits';

/**
 * Gives a 900 m square across the border of 圣城小学 (P01) and 汇文学校 (N02) to N02, by the
 * pending-area card's button, as after drawing it: once the card shows what giving it would do,
 * as a planner reads it before giving, timed from the button's release.
 */
async function assignArea(page: Page): Promise<EditTiming> {
  await page.evaluate(() => {
    const { store, map } = window.__planner!;
    const { dataset } = store.getState();
    const [a, b] = ['P01', 'N02'].map((id) => dataset!.schools.find((s) => s.id === id)!);
    const [cx, cy, r] = [(a.lon + b.lon) / 2, (a.lat + b.lat) / 2, 0.004];
    map!.jumpTo({ center: [cx, cy], zoom: 13 });
    store.setState({
      selectedSchoolId: 'N02',
      pendingArea: { type: 'Polygon', coordinates: [[[cx - r, cy - r], [cx + r, cy - r], [cx + r, cy + r], [cx - r, cy + r], [cx - r, cy - r]]] },
    });
  });
  await mapSettled(page);
  await page.getByTestId('pending-figures').waitFor();
  const n = await page.evaluate(() => window.__planner!.store.getState().edits.length);
  // As a hand gives it: the pointer comes to the button and presses it, and their looks are drawn
  // (a press lasts 50-150 ms), before the release's click, where the clock starts.
  await page.getByTestId('assign-area').hover();
  await page.mouse.down();
  await arm(page, 'click');
  await page.mouse.up();
  await editsReach(page, n + 1);
  return collect(page);
}

/**
 * Turns on "move a boundary point" zoomed in near (118.745, 36.88) and presses the mouse on a point
 * two zones share; returns where it pressed (page px).
 */
export async function pressSharedVertex(page: Page): Promise<{ x: number; y: number }> {
  await page.evaluate(() => {
    window.__planner!.store.setState({ vertexMode: true, drawing: false, unitPicking: false });
    window.__planner!.map!.jumpTo({ center: [118.745, 36.88], zoom: 14 });
  });
  await page.waitForFunction(() => {
    const map = window.__planner!.map!;
    return map.loaded() && !map.isMoving() && map.queryRenderedFeatures({ layers: ['zone-vertices'] }).some((f) => f.properties.shared);
  }, undefined, { timeout: 120_000, polling: 100 });
  const at = await page.evaluate(() => {
    const map = window.__planner!.map!;
    const f = map.queryRenderedFeatures({ layers: ['zone-vertices'] }).find((v) => v.properties.shared)!;
    return map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
  });
  const box = (await page.getByTestId('map').boundingBox())!;
  const pressed = { x: box.x + at.x, y: box.y + at.y };
  await page.mouse.move(pressed.x, pressed.y);
  await page.mouse.down();
  return pressed;
}

/** Drags a boundary point two zones share (near 118.745, 36.88) 40 px right and 25 px down. */
async function moveVertex(page: Page): Promise<EditTiming> {
  const n = await page.evaluate(() => window.__planner!.store.getState().edits.length);
  const at = await pressSharedVertex(page);
  await page.mouse.move(at.x + 40, at.y + 25, { steps: 5 });
  await arm(page, 'mouseup');
  await page.mouse.up();
  await editsReach(page, n + 1);
  return collect(page);
}

/**
 * Clicks compound U0001 into 汇文学校's (N02) intake in unit-picking mode, once the pointer on it
 * shows what giving it would do.
 */
async function assignUnits(page: Page): Promise<EditTiming> {
  const unit = await page.evaluate(() => {
    const { store, map } = window.__planner!;
    store.setState({ selectedSchoolId: 'N02', unitPicking: true, vertexMode: false, drawing: false });
    const u = store.getState().dataset!.units!.features.find((f) => f.properties?.id === 'U0001')!;
    const at = (u.geometry as GeoJSON.Point).coordinates as [number, number];
    map!.jumpTo({ center: at, zoom: 15 });
    return at;
  });
  await page.waitForFunction(() => {
    const map = window.__planner!.map!;
    return map.loaded() && !map.isMoving() && map.queryRenderedFeatures({ layers: ['units'] }).length > 0;
  }, undefined, { timeout: 120_000, polling: 100 });
  const at = await page.evaluate((p) => window.__planner!.map!.project(p), unit);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.move(box.x + at.x, box.y + at.y);
  await page.getByTestId('live-figures').waitFor();
  const n = await page.evaluate(() => window.__planner!.store.getState().edits.length);
  await arm(page, 'click');
  await page.mouse.click(box.x + at.x, box.y + at.y);
  await editsReach(page, n + 1);
  const timing = await collect(page);
  await page.evaluate(() => window.__planner!.store.setState({ unitPicking: false }));
  return timing;
}

const DRIVERS: Record<EditKind, (page: Page) => Promise<EditTiming>> = { assignArea, moveVertex, assignUnits };

/**
 * Makes each kind of edit `reps` times, each followed by Ctrl+Z, and returns the timings by kind
 * ('undo' gathers the undos of all kinds).
 */
export async function timeEdits(page: Page, reps: number, log: (line: string) => void): Promise<Record<EditKind | 'undo', EditTiming[]>> {
  const out: Record<EditKind | 'undo', EditTiming[]> = { assignArea: [], moveVertex: [], assignUnits: [], undo: [] };
  await page.evaluate(() => window.__planner!.store.setState({ pupilMode: 'density' }));
  const trace = await GpuTrace.start(page);
  for (const kind of Object.keys(DRIVERS) as EditKind[]) {
    for (let i = 0; i < reps; i++) {
      out[kind].push(await DRIVERS[kind](page));
      out.undo.push(await undo(page));
      log(`  ${kind} ${i + 1}/${reps}: ${out[kind].at(-1)!.total.toFixed(0)} ms, undo ${out.undo.at(-1)!.total.toFixed(0)} ms`);
    }
    await page.evaluate(() => window.__planner!.store.setState({ vertexMode: false, unitPicking: false }));
  }
  const tasks = await trace.stop();
  for (const t of Object.values(out).flat()) t.gpuAlone = tasks.gpuAloneMs(windows.get(t)!);
  return out;
}
