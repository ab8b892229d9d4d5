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
 * Drags a shared boundary point to and fro for `seconds`, the pointer moving every `stepMs` ms (as
 * fast as the page takes the moves, at most that often), counting the live figures the page
 * received; then drops it and undoes the edit.
 */
export async function timeDrag(page: Page, seconds: number, stepMs = 16): Promise<DragFigures> {
  const n = await page.evaluate(() => window.__planner!.store.getState().edits.length);
  const at = await pressSharedVertex(page);
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
    // To and fro along a 60 px line, a pixel and a half a step.
    const t = (k * 1.5) % 120;
    const dx = t < 60 ? t : 120 - t;
    const next = started + (k + 1) * stepMs;
    await page.mouse.move(at.x + 4 + dx, at.y + 2 + dx / 2);
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
  await page.mouse.up();
  await page.waitForFunction((k) => window.__planner!.store.getState().edits.length === k + 1, n, { timeout: 120_000, polling: 50 });
  await undo(page);
  await page.evaluate(() => window.__planner!.store.setState({ vertexMode: false }));
  return {
    seconds: elapsed, movesPerSecond: d.moves / elapsed, updatesPerSecond: d.updates / elapsed, framesPerSecond: d.frames / elapsed, computed: d.computed, dropped: d.dropped,
  };
}
