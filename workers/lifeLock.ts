/**
 * A worker's sign of life that outlasts its silence: the worker holds a Web Lock named after it for
 * as long as it runs, and the page asks for the same lock, which it is granted only once the worker
 * has ended — closed itself, been killed by the browser (out of memory) or terminated — whether or
 * not an `error` event was fired. Without Web Locks (Node, old browsers) both do nothing.
 */

type Locks = { request(name: string, callback: () => Promise<unknown> | unknown): Promise<unknown>; query(): Promise<{ held?: { name?: string }[]; pending?: { name?: string }[] }> };

const locksOf = (): Locks | undefined => (globalThis.navigator as { locks?: Locks } | undefined)?.locks;

/** In the worker: holds the lock `name` until the worker ends. */
export function holdLifeLock(name: string): void {
  if (name) void locksOf()?.request(name, () => new Promise(() => {}));
}

/** How long the page looks for the worker's lock among the held ones before it gives up watching, ms. */
const SEEK_MS = 30_000;

/**
 * In the page: calls `onEnded` once the worker holding lock `name` has ended. To be called once the
 * worker has answered a call. The page asks for the lock only once it has seen the worker hold it:
 * the worker's request travels on its own channel and may reach the lock manager after the page's,
 * which would then be granted at once and take a live worker for ended. Should the worker's lock not
 * show within SEEK_MS, the page does not watch (the error event and the call budgets still do).
 */
export function watchLifeLock(name: string, onEnded: () => void): void {
  const locks = locksOf();
  if (!locks) return;
  const ask = (): void => {
    void locks.request(name, async () => {
      const { pending = [] } = await locks.query();
      if (pending.some((l) => l.name === name)) setTimeout(ask);
      else onEnded();
    });
  };
  const started = performance.now();
  const seek = async (wait: number): Promise<void> => {
    const { held = [] } = await locks.query();
    if (held.some((l) => l.name === name)) ask();
    else if (performance.now() - started < SEEK_MS) setTimeout(() => void seek(Math.min(wait * 2, 1000)), wait);
  };
  void seek(20);
}
