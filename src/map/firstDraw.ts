import type { Map as MapLibreMap } from 'maplibre-gl';
import { useAppStore } from '../store/store';
import { LAYER } from './layers';

/**
 * Calls `done` once, at the first frame that draws the dataset's zones, or as soon as there is
 * nothing to wait for: the load ended without a dataset (an error, a file to map or review), or
 * `giveUpMs` passed (a map that cannot draw must not hold back what waits for it). Returns a
 * function that stops waiting.
 */
export function whenZonesDrawn(map: MapLibreMap, done: () => void, giveUpMs: number): () => void {
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    map.off('render', onRender);
    unsubscribe();
    clearTimeout(timer);
    done();
  };
  const drawn = () => {
    try {
      return !!map.getLayer(LAYER.zones) && map.queryRenderedFeatures({ layers: [LAYER.zones] }).length > 0;
    } catch {
      // The style is still loading.
      return false;
    }
  };
  const onRender = () => {
    if (drawn()) finish();
  };
  const noDataset = () => {
    const s = useAppStore.getState();
    return !s.dataset && s.load.status !== 'loading' && s.load.status !== 'idle';
  };
  map.on('render', onRender);
  const unsubscribe = useAppStore.subscribe(() => {
    if (noDataset()) finish();
  });
  const timer = setTimeout(finish, giveUpMs);
  if (noDataset()) finish();
  return () => {
    finished = true;
    map.off('render', onRender);
    unsubscribe();
    clearTimeout(timer);
  };
}
