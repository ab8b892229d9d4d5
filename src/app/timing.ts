/**
 * User-timing marks for the browser benchmark (test/bench/browser.bench.ts), recorded only when the
 * page sets `globalThis.__plannerTiming = true` before the app starts, so that an ordinary session
 * never grows the browser's timeline.
 */
const on = (): boolean => (globalThis as { __plannerTiming?: boolean }).__plannerTiming === true;

/** Marks a moment of an edit's way to the screen (e.g. 'edit:answered'). */
export function timingMark(name: string): void {
  if (on()) performance.mark(name);
}

/** Records how long a step took, from `start` (performance.now() ms) to now. */
export function timingMeasure(name: string, start: number): void {
  if (on()) performance.measure(name, { start });
}
