import type { Map as MapLibreMap } from 'maplibre-gl';

/** The part of MapLibre's style (6.x) that places labels each frame and says whether to draw another. */
interface PlacingStyle {
  _updatePlacement?: (...args: unknown[]) => boolean;
}

/**
 * Stops a map whose labels do not fade (fadeDuration 0) from drawing each label change twice.
 * MapLibre then places every label afresh and in full in every frame, yet a frame in which a labels
 * tile changed (every edit: the zones' figures) marks that placement stale and asks for one more
 * frame, which draws the same picture again: a second full repaint per edit, 100–150 ms of a software
 * GPU (SwiftShader) and 10–20 ms more before the map is idle. The stale mark exists for placements
 * spread over several frames, which fadeDuration 0 never makes. MapLibre has no public switch for it:
 * the style's `_updatePlacement` is wrapped, and left alone on a map that fades its labels or a
 * MapLibre without that method.
 */
export function drawLabelChangesOnce(map: MapLibreMap, fadeDuration: number): void {
  const style = map.style as unknown as PlacingStyle | undefined;
  const place = style?._updatePlacement;
  if (fadeDuration !== 0 || !style || typeof place !== 'function') return;
  style._updatePlacement = (...args) => {
    place.apply(style, args);
    return false;
  };
}
