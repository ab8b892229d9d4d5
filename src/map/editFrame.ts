import type { Map as MapLibreMap } from 'maplibre-gl';

/** The longest an edit holds the map's frames back while its zones are re-tiled, ms. */
export const EDIT_FRAME_HOLD_MS = 300;

/**
 * Draws an edit in one map frame. An edit recolours zones at once (feature-state) but reaches the
 * map's tiles only after its worker has re-tiled them: each change asked for a frame of its own, and
 * with WebGL rasterised on the CPU (SwiftShader, 100–250 ms a frame) the frame of the old shapes in
 * new colours held back the frame of the new ones. `hold()` keeps the map from drawing until every
 * source in `sources` has loaded again (or EDIT_FRAME_HOLD_MS has passed, or the planner presses,
 * scrolls or touches the map), then draws once, at once (`map.redraw`, in the same task). Call it
 * just after giving the sources their new data. A frame already asked for when the hold starts is
 * withdrawn and drawn at the release instead. `onRelease` runs just before that frame is drawn, so
 * that what waited for it (the edit's numbers, see `shownState`) is presented in the same frame.
 * `awaiting(edit)` holds the frames from the moment an edit is asked for until it is answered (then
 * as `hold()` if it gave the sources new data): a click on the map asks MapLibre for a frame of its
 * own (its pan handler let go of), a full repaint that the software GPU was still drawing when the
 * edit's frame came. MapLibre has no public switch for this: the map's own `triggerRepaint` is wrapped.
 */
export function createEditFrame(map: MapLibreMap, sources: readonly string[], onRelease: () => void = () => {}): { hold(): void; awaiting(edit: Promise<unknown>): void; destroy(): void } {
  const draw = map.triggerRepaint.bind(map);
  let held = false;
  let asked = false;
  // Edits on their way (awaiting) in this hold: the sources are not looked at until each is answered.
  let coming = 0;
  let releases = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const release = () => {
    if (!held) return;
    held = false;
    coming = 0;
    releases++;
    clearTimeout(timer);
    onRelease();
    // Drawn at once, after the panels' render (queued first by onRelease), not at the next animation
    // frame: the page presents both in its next frame, and the map does not wait up to a frame more.
    // A hold begun meanwhile (the zones source taking in the hot zones) puts it off to its release.
    if (asked) queueMicrotask(() => (held ? (asked = true) : map.redraw()));
    asked = false;
  };
  map.triggerRepaint = () => {
    if (held) asked = true;
    else draw();
  };
  const stopFrames = () => {
    held = true;
    // A frame the map had asked for before the edit (a tile arriving, the drawn area's outline)
    // would draw the old shapes in the edit's colours: it is put off to the release too.
    // MapLibre keeps that request in `_frameRequest` (6.x), with no public way to withdraw it.
    const asking = map as unknown as { _frameRequest?: AbortController | null };
    if (asking._frameRequest) {
      asking._frameRequest.abort();
      asking._frameRequest = null;
      asked = true;
    }
    clearTimeout(timer);
    timer = setTimeout(release, EDIT_FRAME_HOLD_MS);
  };
  const loaded = () => sources.every((id) => !map.getSource(id) || map.isSourceLoaded(id));
  const onData = () => {
    if (held && coming === 0 && loaded()) release();
  };
  map.on('sourcedata', onData);
  // A planner panning or zooming sees the map follow at once: MapLibre moves the camera in a frame.
  const inputs = ['mousedown', 'wheel', 'touchstart'] as const;
  for (const type of inputs) map.on(type, release);
  return {
    hold() {
      stopFrames();
      // Data the sources already hold (nothing changed) brings no event to wait for.
      queueMicrotask(onData);
    },
    awaiting(edit) {
      stopFrames();
      coming++;
      const during = releases;
      const answered = () => {
        if (during !== releases) return;
        coming--;
        onData();
      };
      edit.then(answered, answered);
    },
    destroy() {
      release();
      map.triggerRepaint = draw;
      map.off('sourcedata', onData);
      for (const type of inputs) map.off(type, release);
    },
  };
}
