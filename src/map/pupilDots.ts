import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Dots, DotsRequest } from '../core/pupilView';
import { currentEngine } from '../app/engineClient';
import { DOTS_CAP, dotFeatures } from '../app/pupilLayers';

/** Share of the view's width and height added on each side, so a short pan shows dots at once. */
const VIEW_MARGIN = 0.25;

/** The box and resolution of the map's view, widened by VIEW_MARGIN, as the worker is asked for it. */
function viewRequest(map: MapLibreMap): DotsRequest {
  const b = map.getBounds();
  const dx = (b.getEast() - b.getWest()) * VIEW_MARGIN;
  const dy = (b.getNorth() - b.getSouth()) * VIEW_MARGIN;
  // MapLibre's world is 512 px wide at zoom 0.
  const pixelDeg = 360 / (512 * 2 ** map.getZoom());
  return { west: b.getWest() - dx, south: b.getSouth() - dy, east: b.getEast() + dx, north: b.getNorth() + dy, pixelDeg, cap: DOTS_CAP };
}

/**
 * Keeps the map's `dots` source filled while dots are shown: asks the engine worker for the dots
 * of the view (at most DOTS_CAP) when the pupils change and after every move, unless the last
 * answer held every pupil. Answers overtaken by a later request are dropped.
 */
export function createPupilDots(map: MapLibreMap): { show: () => void; hide: () => void; destroy: () => void } {
  let asked = 0;
  let shown: Dots['kind'] | undefined;
  let visible = false;

  const source = () => map.getSource('dots') as GeoJSONSource | undefined;
  const show = () => {
    visible = true;
    const engine = currentEngine();
    if (!engine || !source()) return;
    const request = ++asked;
    void engine.remote.pupilDots(viewRequest(map)).then((dots) => {
      if (request !== asked || !visible) return;
      shown = dots.kind;
      source()?.setData(dotFeatures(dots));
    }).catch(() => {
      // A worker that cannot answer (its dataset replaced or not loaded yet) leaves the dots as they
      // are; the next dataset's pupils ask again.
    });
  };
  const hide = () => {
    visible = false;
    asked++;
    shown = undefined;
    source()?.setData({ type: 'FeatureCollection', features: [] });
  };
  const onMoveEnd = () => {
    if (visible && shown !== 'all') show();
  };
  map.on('moveend', onMoveEnd);
  return { show, hide, destroy: () => map.off('moveend', onMoveEnd) };
}
