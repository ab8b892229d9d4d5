import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEditFrame, EDIT_FRAME_HOLD_MS } from '../../src/map/editFrame';

/** The part of a MapLibre map the edit frame uses: its repaint, events and sources' loading state. */
function fakeMap() {
  const handlers = new Map<string, Set<() => void>>();
  const loading = new Set<string>();
  const map = {
    frames: 0,
    // A frame asked for and not drawn yet, as MapLibre keeps it.
    _frameRequest: null as AbortController | null,
    triggerRepaint() {
      map.frames++;
    },
    // A frame drawn at once (the release's).
    redraw() {
      map.frames++;
    },
    on(type: string, f: () => void) {
      if (!handlers.has(type)) handlers.set(type, new Set());
      handlers.get(type)!.add(f);
    },
    off(type: string, f: () => void) {
      handlers.get(type)?.delete(f);
    },
    getSource: (id: string) => ({ id }),
    isSourceLoaded: (id: string) => !loading.has(id),
    fire(type: string) {
      for (const f of handlers.get(type) ?? []) f();
    },
    /** The source's worker re-tiles (loading) or has handed its tiles back (loaded, a sourcedata event). */
    setLoading(id: string, on: boolean) {
      if (on) loading.add(id);
      else loading.delete(id);
      if (!on) map.fire('sourcedata');
    },
  };
  return map;
}

/** The frames the map has drawn, once the release's (drawn in a microtask) has been. */
async function framesOf(map: { frames: number }): Promise<number> {
  await Promise.resolve();
  return map.frames;
}

/**
 * A stand-in map with an edit frame over `sources`, the sources in `loading` re-tiling, held as
 * just after an edit (the hold's first look at the sources, a microtask later, done).
 */
async function heldAfterEdit(sources: string[], loading: string[]) {
  const map = fakeMap();
  // The frames drawn when the hold was let go of, once per release.
  const releasedAt: number[] = [];
  const frame = createEditFrame(map as unknown as MapLibreMap, sources, () => releasedAt.push(map.frames));
  for (const id of loading) map.setLoading(id, true);
  frame.hold();
  await Promise.resolve();
  return { map, frame, releasedAt };
}

describe('an edit drawn in one map frame', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('withdraws a frame the map had asked for before the edit, and draws it at the release', async () => {
    const map = fakeMap();
    const releasedAt: number[] = [];
    const frame = createEditFrame(map as unknown as MapLibreMap, ['zones'], () => releasedAt.push(map.frames));
    const before = new AbortController();
    map._frameRequest = before;
    map.setLoading('zones', true);
    frame.hold();
    expect(before.signal.aborted).toBe(true);
    expect(map._frameRequest).toBeNull();
    map.setLoading('zones', false);
    expect(releasedAt).toEqual([0]);
    expect(await framesOf(map)).toBe(1);
  });

  it('draws nothing while the edited sources re-tile, then once when both are in', async () => {
    const { map } = await heldAfterEdit(['zones', 'labels'], ['zones', 'labels']);
    // The new colours (feature-state) and each tile's arrival ask for frames: none is drawn yet.
    map.triggerRepaint();
    map.triggerRepaint();
    map.setLoading('zones', false);
    expect(await framesOf(map)).toBe(0);
    map.setLoading('labels', false);
    expect(await framesOf(map)).toBe(1);
    // Held no longer: frames are drawn as asked.
    map.triggerRepaint();
    expect(await framesOf(map)).toBe(2);
  });

  it('lets go of what waits for the frame just before drawing it, once', async () => {
    const { map, releasedAt } = await heldAfterEdit(['zones'], ['zones']);
    map.triggerRepaint();
    expect(releasedAt).toEqual([]);
    map.setLoading('zones', false);
    expect(releasedAt).toEqual([0]);
    expect(await framesOf(map)).toBe(1);
    map.setLoading('zones', false);
    vi.advanceTimersByTime(EDIT_FRAME_HOLD_MS);
    expect(releasedAt).toEqual([0]);
  });

  it('draws once the hold runs out, when the tiles are late', async () => {
    const { map } = await heldAfterEdit(['zones'], ['zones']);
    map.triggerRepaint();
    vi.advanceTimersByTime(EDIT_FRAME_HOLD_MS - 1);
    expect(await framesOf(map)).toBe(0);
    vi.advanceTimersByTime(1);
    expect(await framesOf(map)).toBe(1);
  });

  it('lets the map follow the planner at once: a press or a scroll ends the hold', async () => {
    const map = fakeMap();
    const frame = createEditFrame(map as unknown as MapLibreMap, ['zones']);
    for (const input of ['mousedown', 'wheel', 'touchstart']) {
      map.frames = 0;
      map.setLoading('zones', true);
      frame.hold();
      await Promise.resolve();
      (map as unknown as MapLibreMap).triggerRepaint();
      map.fire(input);
      expect(await framesOf(map)).toBe(1);
    }
  });

  it('holds nothing when the sources had nothing new to tile', async () => {
    const { map } = await heldAfterEdit(['zones'], []);
    map.triggerRepaint();
    expect(await framesOf(map)).toBe(1);
  });

  it('draws a frame that was held when destroyed, and holds nothing after', async () => {
    const { map, frame } = await heldAfterEdit(['zones'], ['zones']);
    map.triggerRepaint();
    frame.destroy();
    expect(await framesOf(map)).toBe(1);
    map.triggerRepaint();
    expect(await framesOf(map)).toBe(2);
    map.fire('mousedown');
    vi.advanceTimersByTime(EDIT_FRAME_HOLD_MS);
    expect(await framesOf(map)).toBe(2);
  });

  it('draws nothing on release when no frame was asked for', async () => {
    const { map } = await heldAfterEdit(['zones'], ['zones']);
    map.setLoading('zones', false);
    expect(await framesOf(map)).toBe(0);
  });
  it('puts the frame off again when a hold starts before it is drawn (the zones source taking in the hot zones)', async () => {
    const { map, frame } = await heldAfterEdit(['zones'], ['zones']);
    map.triggerRepaint();
    map.setLoading('zones', false);
    map.setLoading('zones', true);
    frame.hold();
    expect(await framesOf(map)).toBe(0);
    map.setLoading('zones', false);
    expect(await framesOf(map)).toBe(1);
  });

  describe('while an edit is on its way (a click on the map that gives a unit)', () => {
    /** A stand-in map with an edit frame over `zones`, awaiting an edit the test answers. */
    function awaitingEdit() {
      const map = fakeMap();
      const releasedAt: number[] = [];
      const frame = createEditFrame(map as unknown as MapLibreMap, ['zones'], () => releasedAt.push(map.frames));
      let answer: (given: boolean) => void = () => {};
      const edit = new Promise<boolean>((resolve) => (answer = resolve));
      return { map, frame, releasedAt, edit, answer };
    }

    it("draws the click's own frame with the edit's, once its tiles are in", async () => {
      const { map, frame, releasedAt, edit, answer } = awaitingEdit();
      const click = new AbortController();
      map._frameRequest = click;
      frame.awaiting(edit);
      expect(click.signal.aborted).toBe(true);
      // The sources are all loaded while the edit is on its way: that is no reason to draw.
      map.fire('sourcedata');
      await Promise.resolve();
      expect(await framesOf(map)).toBe(0);
      // The answer gives the zones new data (the store's update calls hold), then the promise settles.
      map.setLoading('zones', true);
      frame.hold();
      answer(true);
      await edit;
      await Promise.resolve();
      expect(await framesOf(map)).toBe(0);
      map.setLoading('zones', false);
      expect(await framesOf(map)).toBe(1);
      expect(releasedAt).toEqual([0]);
    });

    it('draws the held frame as soon as an edit that changed nothing (or was refused) is answered', async () => {
      const { map, frame, edit, answer } = awaitingEdit();
      frame.awaiting(edit);
      map.triggerRepaint();
      expect(await framesOf(map)).toBe(0);
      answer(false);
      await edit;
      await Promise.resolve();
      expect(await framesOf(map)).toBe(1);
    });

    it('draws once the hold runs out when the answer is late, and that late answer cuts no later hold short', async () => {
      const { map, frame, edit, answer } = awaitingEdit();
      frame.awaiting(edit);
      map.triggerRepaint();
      vi.advanceTimersByTime(EDIT_FRAME_HOLD_MS);
      expect(await framesOf(map)).toBe(1);
      let second: (given: boolean) => void = () => {};
      const next = new Promise<boolean>((resolve) => (second = resolve));
      frame.awaiting(next);
      map.triggerRepaint();
      answer(true);
      await edit;
      await Promise.resolve();
      expect(await framesOf(map)).toBe(1);
      second(true);
      await next;
      await Promise.resolve();
      expect(await framesOf(map)).toBe(2);
    });
  });
});
