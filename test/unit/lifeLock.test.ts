import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdLifeLock, watchLifeLock } from '../../workers/lifeLock';

/**
 * A lock manager as the Web Locks API behaves for exclusive locks: a request is granted at once
 * when the name is free, else queued in order; the lock is released when the callback's promise settles.
 */
function fakeLocks() {
  const held = new Set<string>();
  const queue: { name: string; grant: () => void }[] = [];
  const grant = (name: string, callback: () => unknown) => {
    held.add(name);
    void Promise.resolve(callback()).finally(() => {
      held.delete(name);
      const next = queue.findIndex((q) => q.name === name);
      if (next >= 0) queue.splice(next, 1)[0].grant();
    });
  };
  return {
    request(name: string, callback: () => unknown): Promise<unknown> {
      if (held.has(name)) queue.push({ name, grant: () => grant(name, callback) });
      else grant(name, callback);
      return Promise.resolve();
    },
    query: async () => ({ held: [...held].map((name) => ({ name })), pending: queue.map((q) => ({ name: q.name })) }),
  };
}

/** A lock callback the test can end: what a worker's hold looks like until the worker ends. */
function endable() {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  return { hold: () => ended, end };
}

describe('a worker’s life lock, watched by the page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('does not take a live worker for ended when the page’s request would reach the lock manager before the worker’s', async () => {
    vi.useFakeTimers();
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    const onEnded = vi.fn();
    // The page starts watching before the worker's request has arrived.
    watchLifeLock('engine-1', onEnded);
    await vi.advanceTimersByTimeAsync(100);
    expect(onEnded).not.toHaveBeenCalled();
    // The worker's request arrives; it holds the lock while it lives.
    const worker = endable();
    await locks.request('engine-1', worker.hold);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(onEnded).not.toHaveBeenCalled();
    // The worker ends: the page hears it.
    worker.end();
    await vi.advanceTimersByTimeAsync(10);
    expect(onEnded).toHaveBeenCalledTimes(1);
  });

  it('keeps watching, saying nothing, while the worker holds its lock', async () => {
    vi.useFakeTimers();
    const locks = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    holdLifeLock('engine-2');
    const onEnded = vi.fn();
    watchLifeLock('engine-2', onEnded);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onEnded).not.toHaveBeenCalled();
    expect((await locks.query()).held).toEqual([{ name: 'engine-2' }]);
  });

  it('gives up watching, saying nothing, when the worker’s lock never shows', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const onEnded = vi.fn();
    watchLifeLock('engine-3', onEnded);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onEnded).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
