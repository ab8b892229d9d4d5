import type { StoreApi } from 'zustand';

/** A store as React reads it: the state published so far, which can be held back for a moment. */
export interface HeldView<S> {
  getState(): S;
  getInitialState(): S;
  subscribe(listener: (state: S, previous: S) => void): () => void;
  /** Keeps showing the state published so far until release(). */
  hold(): void;
  /** Publishes the store's latest state (if held, or already pending) and stops holding. */
  release(): void;
}

/**
 * React's view of a store, published one microtask after each change, so that a synchronous
 * subscriber of the store (the map) can hold it back first: an edit's numbers then wait for the
 * map's frame with the edit's zones and both are drawn in one frame.
 */
export function createHeldView<S>(store: StoreApi<S>): HeldView<S> {
  let shown = store.getState();
  let held = false;
  let queued = false;
  const listeners = new Set<(state: S, previous: S) => void>();
  const publish = () => {
    queued = false;
    if (held || shown === store.getState()) return;
    const previous = shown;
    shown = store.getState();
    for (const listener of listeners) listener(shown, previous);
  };
  store.subscribe(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(publish);
  });
  return {
    getState: () => shown,
    getInitialState: store.getInitialState,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hold() {
      held = true;
    },
    release() {
      held = false;
      publish();
    },
  };
}
