import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { EngineFault, superviseWorker, type WorkerLike } from '../../src/app/engineCalls';
import { callBudgetMs } from '../../src/app/engineBudgets';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A stand-in for the engine's worker: a comlink API on the far end of a message channel, an
 * `error` event the test can fire, and a terminate that closes the channel.
 */
function fakeWorker(api: Record<string, (...args: never[]) => unknown>) {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
  const events = new EventTarget();
  const terminate = vi.fn(() => port1.close());
  const worker: WorkerLike = {
    postMessage: (message: unknown, transfer?: Transferable[]) => port1.postMessage(message, transfer as never),
    addEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
      type === 'message' ? (port1 as unknown as EventTarget).addEventListener(type, listener) : events.addEventListener(type, listener),
    removeEventListener: (type: string, listener: EventListenerOrEventListenerObject) =>
      type === 'message' ? (port1 as unknown as EventTarget).removeEventListener(type, listener) : events.removeEventListener(type, listener),
    start: () => port1.start(),
    terminate,
  };
  port1.start();
  return { worker, terminate, crash: () => events.dispatchEvent(new Event('error', { cancelable: true })), close: () => port2.close() };
}

const slowly = (ms: number, value: number) => () => wait(ms).then(() => value);

describe('the supervised engine worker', () => {
  it('answers calls; a call not answered within its budget rejects as a timeout, the worker is terminated and the fault told once', async () => {
    const fake = fakeWorker({ quick: () => 7, hang: () => new Promise(() => {}) });
    const onFault = vi.fn();
    const engine = superviseWorker(fake.worker, { budgetMs: () => 300, onFault });
    expect(await (engine.remote as unknown as { quick(): Promise<number> }).quick()).toBe(7);
    const hung = (engine.remote as unknown as { hang(): Promise<void> }).hang();
    await expect(hung).rejects.toEqual(new EngineFault('timeout', 'hang'));
    expect(onFault).toHaveBeenCalledTimes(1);
    expect(onFault).toHaveBeenCalledWith('timeout', 'hang');
    expect(fake.terminate).toHaveBeenCalledTimes(1);
    expect(engine.dead).toBe(true);
    // Later calls fail at once without being sent, and are not a new fault.
    await expect((engine.remote as unknown as { quick(): Promise<number> }).quick()).rejects.toMatchObject({ reason: 'stopped' });
    expect(onFault).toHaveBeenCalledTimes(1);
  });

  it("a worker's error event fails every waiting call as a crash; a call that throws in the worker fails alone", async () => {
    const fake = fakeWorker({ hang: () => new Promise(() => {}) });
    const onFault = vi.fn();
    const engine = superviseWorker(fake.worker, { budgetMs: () => 60_000, onFault });
    const remote = engine.remote as unknown as { hang(): Promise<void> };
    const calls = [remote.hang(), remote.hang()];
    fake.crash();
    for (const c of calls) await expect(c).rejects.toMatchObject({ reason: 'crashed' });
    expect(onFault).toHaveBeenCalledWith('crashed', 'worker');
    expect(fake.terminate).toHaveBeenCalledTimes(1);

    // The engine's steps are atomic: a call that throws leaves the worker as it was, and it stays.
    const throwing = fakeWorker({
      bad: () => {
        throw new Error('bug');
      },
      good: () => 3,
    });
    const faults = vi.fn();
    const other = superviseWorker(throwing.worker, { budgetMs: () => 60_000, onFault: faults });
    const api = other.remote as unknown as { bad(): Promise<void>; good(): Promise<number> };
    await expect(api.bad()).rejects.toEqual(new EngineFault('threw', 'bad', 'bug'));
    expect(await api.good()).toBe(3);
    expect(faults).not.toHaveBeenCalled();
    expect(throwing.terminate).not.toHaveBeenCalled();
  });

  it('a call queued behind another is due its budget after the one before it was due, not after it was made', async () => {
    // Each call takes 600 ms in a worker that runs them one after another, within a budget of 1,000 ms:
    // the second answers 1,200 ms after it was made, before it is due (2,000 ms).
    let running = Promise.resolve();
    const serial = { slow: () => (running = running.then(slowly(600, 1)).then(() => undefined)).then(() => 1) };
    const queued = fakeWorker(serial);
    const onFault = vi.fn();
    const engine = superviseWorker(queued.worker, { budgetMs: () => 1_000, onFault });
    const remote = engine.remote as unknown as { slow(): Promise<number> };
    expect(await Promise.all([remote.slow(), remote.slow()])).toEqual([1, 1]);
    expect(onFault).not.toHaveBeenCalled();
    // A worker that closes without a word is found out by the next call's deadline.
    queued.close();
    await expect(remote.slow()).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('a worker that ends without a word once it has answered is a fault at once, not at the next deadline', async () => {
    const fake = fakeWorker({ quick: () => 7, hang: () => new Promise(() => {}) });
    const onFault = vi.fn();
    const ended: (() => void)[] = [];
    const watchEnd = vi.fn((onEnded: () => void) => void ended.push(onEnded));
    const engine = superviseWorker(fake.worker, { budgetMs: () => 600_000, onFault, watchEnd });
    const remote = engine.remote as unknown as { quick(): Promise<number>; hang(): Promise<void> };
    // Watched from its first answer on, once.
    expect(watchEnd).not.toHaveBeenCalled();
    expect(await remote.quick()).toBe(7);
    expect(await remote.quick()).toBe(7);
    expect(watchEnd).toHaveBeenCalledTimes(1);
    const waiting = remote.hang();
    // The worker's life lock is released (it closed itself): a call waiting on it fails as a crash,
    // though its budget is ten minutes, and the fault is told (recovery starts) with no call made.
    fake.close();
    ended[0]();
    await expect(waiting).rejects.toEqual(new EngineFault('crashed', 'worker', 'the worker ended'));
    expect(onFault).toHaveBeenCalledTimes(1);
    expect(onFault).toHaveBeenCalledWith('crashed', 'worker');
    expect(fake.terminate).toHaveBeenCalledTimes(1);
    expect(engine.dead).toBe(true);

    // A worker stopped on purpose also releases its lock: that is no fault.
    const stopped = fakeWorker({ quick: () => 1 });
    const faults = vi.fn();
    const release: (() => void)[] = [];
    const other = superviseWorker(stopped.worker, { budgetMs: () => 60_000, onFault: faults, watchEnd: (f) => void release.push(f) });
    await (other.remote as unknown as { quick(): Promise<number> }).quick();
    other.stop();
    release[0]();
    expect(faults).not.toHaveBeenCalled();
  });

  it('a long call that reports progress is timed between its reports, not as a whole', async () => {
    // 1,200 ms of work reporting every 150 ms, within a budget of 500 ms between reports.
    const long = async (onProgress: () => void) => {
      for (let t = 0; t < 8; t++) {
        await wait(150);
        onProgress();
      }
      return 'done';
    };
    const fake = fakeWorker({ long, silent: () => wait(1_200).then(() => 'done') });
    const onFault = vi.fn();
    const engine = superviseWorker(fake.worker, { budgetMs: () => 500, onFault });
    const remote = engine.remote as unknown as { long(p: () => void): Promise<string>; silent(): Promise<string> };
    expect(await remote.long(Comlink.proxy(() => engine.beat()))).toBe('done');
    expect(onFault).not.toHaveBeenCalled();
    // The same work without a sign of life runs out of its budget.
    await expect(remote.silent()).rejects.toMatchObject({ reason: 'timeout', method: 'silent' });
  });

  it('budgets grow with the pupils, the edits a call replays, the scenarios projected and the megabytes read', () => {
    const shouguang = { pupils: 121_429, megabytes: 0 };
    const million = { pupils: 1_000_000, megabytes: 74 };
    // 10 s and 20 s per million pupils for an edit.
    expect(callBudgetMs('applyEdit', [{}], shouguang)).toBeCloseTo(10_000 + 2_428.58, 1);
    expect(callBudgetMs('applyEdit', [{}], million)).toBe(30_000);
    // Opening a scenario: 2 s more per edit and edit to redo.
    expect(callBudgetMs('openScenario', [[{}, {}, {}], [{}]], million)).toBe(38_000);
    // Two scenarios of 1 and 0 edits projected over a million pupils: 10 s + 2 × (30 s + 30 s) + 2 s.
    expect(callBudgetMs('project', [[{ edits: [{}] }, { edits: [] }]], million)).toBe(132_000);
    // Loading 74 MB: 60 s and 1 s per MB.
    expect(callBudgetMs('load', [], million)).toBe(134_000);
  });
});
