import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { holdFirstFrame } from '../../src/map/firstFrame';
import { createEditFrame } from '../../src/map/editFrame';

/** The part of a MapLibre map these use: its repaint (counted), events and sources' loading state. */
function fakeMap() {
  const map = {
    frames: 0,
    triggerRepaint() {
      map.frames++;
    },
    // A frame drawn at once (an edit frame's release).
    redraw() {
      map.frames++;
    },
    on() {},
    off() {},
    getSource: () => undefined,
    isSourceLoaded: () => true,
  };
  return map;
}

describe("a new map's first frame, held until its first dataset", () => {
  it('draws nothing before start, one frame at start, then every frame asked for', () => {
    const map = fakeMap();
    const start = holdFirstFrame(map as unknown as MapLibreMap);
    // The style loading and the controls ask for frames.
    (map as unknown as MapLibreMap).triggerRepaint();
    (map as unknown as MapLibreMap).triggerRepaint();
    expect(map.frames).toBe(0);
    start();
    expect(map.frames).toBe(1);
    start();
    expect(map.frames).toBe(1);
    (map as unknown as MapLibreMap).triggerRepaint();
    expect(map.frames).toBe(2);
  });

  it('keeps the edit frame that wraps it after start', async () => {
    const map = fakeMap();
    const start = holdFirstFrame(map as unknown as MapLibreMap);
    const edit = createEditFrame(map as unknown as MapLibreMap, ['zones']);
    start();
    expect(map.frames).toBe(1);
    // An edit holds the frames until its sources are in (here at once, a microtask later), and its
    // frame is drawn a microtask after that.
    edit.hold();
    (map as unknown as MapLibreMap).triggerRepaint();
    expect(map.frames).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(map.frames).toBe(2);
  });
});
