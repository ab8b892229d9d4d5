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

/** Where an edit lies on the page's clock (performance.now(), ms), and a mark that ties it to the trace's. */
export interface TraceWindow {
  from: number;
  to: number;
  /** A performance mark the page made at page time `markAt`. */
  mark: string;
  markAt: number;
}

/** The tasks of a trace: the GPU process's and the page renderer's, on the trace's clock (µs). */
export class TracedTasks {
  private readonly gpu: Span[];
  private readonly page: Span[];

  constructor(private readonly events: TraceEvent[]) {
    const processes = new Map(events.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => [e.pid, e.args?.name]));
    const tasks = (process: string) =>
      events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && processes.get(e.pid) === process).map((e): Span => [e.ts, e.ts + (e.dur ?? 0)]);
    this.gpu = tasks('GPU Process');
    this.page = tasks('Renderer');
  }

  /**
   * The ms of the window in which the GPU process ran a task and no thread of the page's renderer
   * (main thread, workers, compositor) did.
   */
  gpuAloneMs(w: TraceWindow): number {
    const mark = this.events.find((e) => e.name === w.mark);
    if (!mark) throw new Error(`the trace holds no mark ${w.mark}`);
    const toTrace = (pageMs: number) => mark.ts + (pageMs - w.markAt) * 1000;
    return coveredAlone(this.gpu, this.page, toTrace(w.from), toTrace(w.to)) / 1000;
  }
}

/**
 * Traces every process's tasks and the page's performance marks, to find how long an edit waited
 * on the GPU process alone: with no GPU, Chromium draws WebGL and composites the page there on the
 * CPU (SwiftShader). One trace spans all the edits of a page: started and stopped around each edit,
 * tracing slowed the edit itself (an area given at 1,000,000 pupils: 630-650 ms, against 371 with one
 * trace for all; on the default dataset one trace changed the medians within their run-to-run spread).
 */
export class GpuTrace {
  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page): Promise<GpuTrace> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'] }, transferMode: 'ReturnAsStream' });
    return new GpuTrace(cdp);
  }

  async stop(): Promise<TracedTasks> {
    const done = new Promise<{ stream?: string }>((resolve) => this.cdp.once('Tracing.tracingComplete', resolve));
    await this.cdp.send('Tracing.end');
    const { stream } = await done;
    const chunks: string[] = [];
    for (;;) {
      const chunk = await this.cdp.send('IO.read', { handle: stream! });
      chunks.push(chunk.data);
      if (chunk.eof) break;
    }
    await this.cdp.send('IO.close', { handle: stream! });
    await this.cdp.detach();
    return new TracedTasks((JSON.parse(chunks.join('')) as { traceEvents: TraceEvent[] }).traceEvents);
  }
}
