import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand';
import { createHeldView } from '../../src/store/heldView';

interface Counts {
  pupils: number;
  classes: number;
}

/** A store, React's held view of it, and every state the view published with the one before it. */
function viewed() {
  const store = createStore<Counts>()(() => ({ pupils: 1000, classes: 20 }));
  const view = createHeldView(store);
  const published: [number, number][] = [];
  view.subscribe((s, previous) => published.push([previous.pupils, s.pupils]));
  return { store, view, published };
}

const microtask = () => Promise.resolve();

describe("React's view of the store, held while the map draws an edit", () => {
  it('publishes a change a microtask later, several changes of one task once', async () => {
    const { store, view, published } = viewed();
    store.setState({ pupils: 1100 });
    store.setState({ pupils: 1200 });
    expect(view.getState().pupils).toBe(1000);
    await microtask();
    expect(view.getState().pupils).toBe(1200);
    expect(published).toEqual([[1000, 1200]]);
  });

  it('lets a subscriber of the store hold the change it is told of, until released', async () => {
    const { store, view, published } = viewed();
    // The map: told of the edit first, it holds the numbers until its frame with the edit's zones.
    store.subscribe((s) => {
      if (s.pupils === 1500) view.hold();
    });
    store.setState({ pupils: 1500, classes: 30 });
    await microtask();
    store.setState({ classes: 31 });
    await microtask();
    expect(view.getState()).toEqual({ pupils: 1000, classes: 20 });
    expect(published).toEqual([]);
    view.release();
    expect(view.getState()).toEqual({ pupils: 1500, classes: 31 });
    expect(published).toEqual([[1000, 1500]]);
  });

  it('publishes nothing on a release with nothing new, and follows the store again after', async () => {
    const { store, view, published } = viewed();
    view.hold();
    view.release();
    expect(published).toEqual([]);
    store.setState({ pupils: 900 });
    await microtask();
    expect(published).toEqual([[1000, 900]]);
  });

  it('reads the store itself for what the view has not yet published', async () => {
    const { store, view } = viewed();
    view.hold();
    store.setState({ pupils: 800 });
    expect(store.getState().pupils).toBe(800);
    expect(view.getState().pupils).toBe(1000);
    expect(view.getInitialState().pupils).toBe(1000);
  });
});
