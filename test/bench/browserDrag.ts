import type { Page } from 'playwright-core';
import { pressSharedVertex, undo } from './browserEdits';

/** How the live figures followed a dragged boundary point (see timeDrag). */
export interface DragFigures {
  /** Time the pointer moved, s. */
  seconds: number;
  /** Pointer moves the page received, per second. */
  movesPerSecond: number;
  /** New live figures in the store (pupils moved, the schools' sizes and largest classes), per second. */
  updatesPerSecond: number;
  /** Animation frames the page drew meanwhile, per second. */
  framesPerSecond: number;
  /** Previews the worker computed, and answers dropped unseen because a newer position had come. */
  computed: number;
  dropped: number;
}

/**
 * Moves the pointer to and fro along a 60 px line from `from` for `seconds`, every `stepMs` ms (as
 * fast as the page takes the moves, at most that often), counting the live figures the page received.
 */
async function followPointer(page: Page, from: { x: number; y: number }, seconds: number, stepMs: number): Promise<DragFigures> {
  await page.evaluate(() => {
    const w = window as unknown as { __drag: { moves: number; updates: number; frames: number; on: boolean; stats: { computed: number; dropped: number } } };
    const d = (w.__drag = { moves: 0, updates: 0, frames: 0, on: true, stats: window.__planner!.livePreviewStats() });
    window.addEventListener('mousemove', () => void (d.on && d.moves++), { capture: true });
    const stop = window.__planner!.store.subscribe((s, p) => {
      if (!d.on) return stop();
      if (s.livePreview && s.livePreview !== p.livePreview) d.updates++;
    });
    const frame = () => {
      if (!d.on) return;
      d.frames++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const started = Date.now();
  for (let k = 0; Date.now() - started < seconds * 1000; k++) {
    // A pixel and a half a step.
    const t = (k * 1.5) % 120;
    const dx = t < 60 ? t : 120 - t;
    const next = started + (k + 1) * stepMs;
    await page.mouse.move(from.x + dx, from.y + dx / 2);
    const wait = next - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  const elapsed = (Date.now() - started) / 1000;
  const d = await page.evaluate(() => {
    const w = window as unknown as { __drag: { moves: number; updates: number; frames: number; on: boolean; stats: { computed: number; dropped: number } } };
    w.__drag.on = false;
    const now = window.__planner!.livePreviewStats();
    return { ...w.__drag, computed: now.computed - w.__drag.stats.computed, dropped: now.dropped - w.__drag.stats.dropped };
  });
  return {
    seconds: elapsed, movesPerSecond: d.moves / elapsed, updatesPerSecond: d.updates / elapsed, framesPerSecond: d.frames / elapsed, computed: d.computed, dropped: d.dropped,
  };
}

/** Drags a shared boundary point to and fro for `seconds`, counting the live figures; then drops it and undoes the edit. */
export async function timeDrag(page: Page, seconds: number, stepMs = 16): Promise<DragFigures> {
  const n = await page.evaluate(() => window.__planner!.store.getState().edits.length);
  const at = await pressSharedVertex(page);
  const figures = await followPointer(page, { x: at.x + 4, y: at.y + 2 }, seconds, stepMs);
  await page.mouse.up();
  await page.waitForFunction((k) => window.__planner!.store.getState().edits.length === k + 1, n, { timeout: 120_000, polling: 50 });
  await undo(page);
  await page.evaluate(() => window.__planner!.store.setState({ vertexMode: false }));
  return figures;
}

/**
 * Draws an area across the border of 圣城小学 (P01) and 汇文学校 (N02) with N02 selected: three
 * corners placed, then the pointer, as the fourth, moved to and fro for `seconds` while the live
 * figures of giving the area to N02 are counted; then stops drawing (nothing is applied).
 */
export async function timeDrawing(page: Page, seconds: number, stepMs = 16): Promise<DragFigures> {
  const corners = await page.evaluate(() => {
    const { store, map } = window.__planner!;
    const [a, b] = ['P01', 'N02'].map((id) => store.getState().dataset!.schools.find((s) => s.id === id)!);
    const [cx, cy, r] = [(a.lon + b.lon) / 2, (a.lat + b.lat) / 2, 0.004];
    map!.jumpTo({ center: [cx, cy], zoom: 13 });
    store.setState({ selectedSchoolId: 'N02', vertexMode: false, unitPicking: false });
    return [[cx - r, cy - r], [cx + r, cy - r], [cx + r, cy + r]].map((p) => map!.project(p as [number, number]));
  });
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.getByTestId('draw-area').click();
  for (const c of corners) await page.mouse.click(box.x + c.x, box.y + c.y);
  const from = { x: box.x + corners[2].x - 90, y: box.y + corners[2].y + 10 };
  await page.mouse.move(from.x, from.y);
  await page.waitForFunction(() => window.__planner!.store.getState().livePreview?.figures.ok === true, undefined, { timeout: 120_000, polling: 50 });
  const figures = await followPointer(page, from, seconds, stepMs);
  await page.evaluate(() => window.__planner!.store.setState({ drawing: false }));
  await page.waitForFunction(() => window.__planner!.store.getState().livePreview === undefined, undefined, { timeout: 120_000, polling: 50 });
  return figures;
}
