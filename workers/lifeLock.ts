/**
 * A worker's sign of life that outlasts its silence: the worker holds a Web Lock named after it for
 * as long as it runs, and the page asks for the same lock, which it is granted only once the worker
 * has ended — closed itself, been killed by the browser (out of memory) or terminated — whether or
 * not an `error` event was fired. Without Web Locks (Node, old browsers) both do nothing.
 */

type Locks = { request(name: string, callback: () => Promise<unknown> | unknown): Promise<unknown>; query(): Promise<{ pending?: { name?: string }[] }> };

const locksOf = (): Locks | undefined => (globalThis.navigator as { locks?: Locks } | undefined)?.locks;

/** In the worker: holds the lock `name` until the worker ends. */
export function holdLifeLock(name: string): void {
  if (name) void locksOf()?.request(name, () => new Promise(() => {}));
}

/**
 * In the page: calls `onEnded` once the worker holding lock `name` has ended. To be called once the
 * worker has answered a call (it has asked for its lock by then); should the page still be granted
 * the lock first, while the worker's request waits, it steps aside and asks again.
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
  ask();
}
