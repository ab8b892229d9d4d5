import type { StoreApi } from 'zustand';

/** A store as React reads it: the state published so far, which a change can be held back from. */
export interface HeldView<S> {
  getState(): S;
  getInitialState(): S;
  subscribe(listener: (state: S, previous: S) => void): () => void;
  /**
   * From now on a change for which `when(state, previous)` is true is not published until
   * release(), nor is any change after it (undefined: no change is held).
   */
  holdWhen(when: ((state: S, previous: S) => boolean) | undefined): void;
  /** Publishes the store's latest state if it was held back, and holds nothing more. */
  release(): void;
  /** Resolves once no change is held back: at once when none is, else at the release. */
  published(): Promise<void>;
}

/**
 * React's view of a store, published with each change unless a change the holder asked for came:
 * an edit's numbers then wait for the map's frame with the edit's zones, and both are drawn in one
 * frame. The view is told of a change before the store's other subscribers (it subscribes first).
 * A hold ends by itself after `maxHoldMs`, so a holder that fails to release cannot freeze the view.
 */
export function createHeldView<S>(store: StoreApi<S>, maxHoldMs: number): HeldView<S> {
  let shown = store.getState();
  let held = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let when: ((state: S, previous: S) => boolean) | undefined;
  const listeners = new Set<(state: S, previous: S) => void>();
  let waiting: (() => void)[] = [];
  const publish = () => {
    if (held || shown === store.getState()) return;
    const previous = shown;
    shown = store.getState();
    for (const listener of listeners) listener(shown, previous);
  };
  const release = () => {
    held = false;
    clearTimeout(timer);
    publish();
    const waited = waiting;
    waiting = [];
    for (const resolve of waited) resolve();
  };
  store.subscribe((state, previous) => {
    if (!held && when?.(state, previous)) {
      held = true;
      timer = setTimeout(release, maxHoldMs);
    }
    publish();
  });
  return {
    getState: () => shown,
    getInitialState: store.getInitialState,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    holdWhen(next) {
      when = next;
    },
    release,
    published: () => (held ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve()),
  };
}
