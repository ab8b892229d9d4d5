import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Keeps a new map from drawing until `start()` (call it once the first dataset's layers are added).
 * Drawn at once, the bare style's first frame held the page's thread for about 0.3 s while the
 * software GPU compiled its programs, and the engine worker, which is handed its first calls only
 * when the page's thread is free, started loading the dataset that much later. The map's `load`
 * event, fired from its first frame, comes with the dataset. `start` draws a frame; calls after the
 * first do nothing. Create it before anything else wraps the map's `triggerRepaint`.
 */
export function holdFirstFrame(map: MapLibreMap): () => void {
  const draw = map.triggerRepaint.bind(map);
  let held = true;
  map.triggerRepaint = () => {
    if (!held) draw();
  };
  return () => {
    if (!held) return;
    held = false;
    draw();
  };
}
