import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand';
import { createHeldView } from '../../src/store/heldView';

interface Counts {
  pupils: number;
  classes: number;
}

/** A store, React's held view of it, and every state the view published with the one before it. */
function viewed() {
  const store = createStore<Counts>()(() => ({ pupils: 1000, classes: 20 }));
  const view = createHeldView(store, 500);
  const published: [number, number][] = [];
  view.subscribe((s, previous) => published.push([previous.pupils, s.pupils]));
  return { store, view, published };
}

describe("React's view of the store, held while the map draws an edit", () => {
  it('publishes each change at once when nothing is to be held', () => {
    const { store, view, published } = viewed();
    store.setState({ pupils: 1100 });
    expect(view.getState().pupils).toBe(1100);
    store.setState({ classes: 21 });
    expect(published).toEqual([[1000, 1100], [1100, 1100]]);
  });

  it('holds the change the holder asked for, and the changes after it, until released', () => {
    const { store, view, published } = viewed();
    // The map: an edit's new pupils wait for its frame with the edit's zones.
    view.holdWhen((s, previous) => s.pupils !== previous.pupils);
    let seenByLaterSubscriber = 0;
    store.subscribe((s) => (seenByLaterSubscriber = s.pupils));
    store.setState({ pupils: 1500, classes: 30 });
    store.setState({ classes: 31 });
    expect(seenByLaterSubscriber).toBe(1500);
    expect(view.getState()).toEqual({ pupils: 1000, classes: 20 });
    expect(published).toEqual([]);
    view.release();
    expect(view.getState()).toEqual({ pupils: 1500, classes: 31 });
    expect(published).toEqual([[1000, 1500]]);
    // Released: a change the holder does not ask for is published at once.
    store.setState({ classes: 32 });
    expect(view.getState().classes).toBe(32);
  });

  it('publishes nothing on a release with nothing held, and holds nothing once the holder is gone', () => {
    const { store, view, published } = viewed();
    view.release();
    expect(published).toEqual([]);
    view.holdWhen(() => true);
    view.holdWhen(undefined);
    store.setState({ pupils: 900 });
    expect(published).toEqual([[1000, 900]]);
  });

  it('publishes a held change by itself when the holder never lets go', () => {
    vi.useFakeTimers();
    try {
      const { store, view, published } = viewed();
      view.holdWhen(() => true);
      store.setState({ pupils: 700 });
      vi.advanceTimersByTime(499);
      expect(published).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(published).toEqual([[1000, 700]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves the store itself current while its view is held', () => {
    const { store, view } = viewed();
    view.holdWhen(() => true);
    store.setState({ pupils: 800 });
    expect(store.getState().pupils).toBe(800);
    expect(view.getState().pupils).toBe(1000);
    expect(view.getInitialState().pupils).toBe(1000);
  });

  it('says when nothing is held any more: at once when nothing is, else at the release (or its time limit)', async () => {
    const { store, view } = viewed();
    const order: string[] = [];
    await view.published().then(() => order.push('free'));
    view.holdWhen(() => true);
    store.setState({ pupils: 600 });
    const waited = view.published().then(() => order.push(`published ${view.getState().pupils}`));
    await Promise.resolve();
    order.push('still held');
    view.release();
    await waited;
    expect(order).toEqual(['free', 'still held', 'published 600']);
    vi.useFakeTimers();
    try {
      store.setState({ pupils: 650 });
      let done = false;
      void view.published().then(() => (done = true));
      await vi.advanceTimersByTimeAsync(500);
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
