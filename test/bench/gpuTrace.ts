import type { CDPSession, Page } from 'playwright-core';

type Span = [number, number];

/** Merges spans into disjoint ones, in order. */
function union(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** How long of [from, to] the `busy` spans cover while none of the `others` does. */
export function coveredAlone(busy: Span[], others: Span[], from: number, to: number): number {
  const blocked = union(others);
  let total = 0;
  for (const [a0, b0] of union(busy)) {
    let a = Math.max(a0, from);
    const b = Math.min(b0, to);
    for (const [c, d] of blocked) {
      if (a >= b) break;
      if (d <= a || c >= b) continue;
      if (c > a) total += c - a;
      a = Math.max(a, d);
    }
    if (a < b) total += b - a;
  }
  return total;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/**
 * Traces the browser's tasks during one edit, to find the time the edit waited on the GPU process
 * alone: with no GPU, Chromium draws WebGL and composites the page there on the CPU (SwiftShader).
 */
export class GpuTrace {
  private constructor(private readonly cdp: CDPSession) {}

  /** Starts tracing every process's tasks and the page's performance marks. */
  static async start(page: Page): Promise<GpuTrace> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'] }, transferMode: 'ReturnAsStream' });
    return new GpuTrace(cdp);
  }

  /**
   * Stops tracing and returns the ms of [from, to] (page time, performance.now()) in which the GPU
   * process ran a task and no thread of the page's renderer (main thread, workers, compositor) did.
   * `clockMark` names a performance mark made in the page at page time `clockAt`, which ties the
   * trace's clock to the page's.
   */
  async gpuAloneMs(from: number, to: number, clockMark: string, clockAt: number): Promise<number> {
    const done = new Promise<{ stream?: string }>((resolve) => this.cdp.once('Tracing.tracingComplete', resolve));
    await this.cdp.send('Tracing.end');
    const { stream } = await done;
    let text = '';
    for (;;) {
      const chunk = await this.cdp.send('IO.read', { handle: stream! });
      text += chunk.data;
      if (chunk.eof) break;
    }
    await this.cdp.send('IO.close', { handle: stream! });
    await this.cdp.detach();
    const events = (JSON.parse(text) as { traceEvents: TraceEvent[] }).traceEvents;
    const processes = new Map(events.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => [e.pid, e.args?.name]));
    const mark = events.find((e) => e.name === clockMark);
    if (!mark) throw new Error(`the trace holds no mark ${clockMark}`);
    const toTrace = (pageMs: number) => mark.ts + (pageMs - clockAt) * 1000;
    const tasks = (kind: string) =>
      events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && processes.get(e.pid) === kind).map((e): Span => [e.ts, e.ts + (e.dur ?? 0)]);
    return coveredAlone(tasks('GPU Process'), tasks('Renderer'), toTrace(from), toTrace(to)) / 1000;
  }
}
