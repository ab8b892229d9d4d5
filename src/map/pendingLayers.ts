import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { MultiPolygon, Polygon } from 'geojson';

/**
 * The drawn area (not yet given) on the map. An area given or dropped is hidden by feature-state
 * (`hidden`, read by its layers' opacity, see addDatasetLayers), its data kept: emptying the source
 * had the map's worker re-tile it inside the edit that gave it (4-6 ms of the edit's frame), and a
 * changed paint property cost the map a second frame. Each area is a feature of its own id, so a new
 * one is drawn as its tiles come in, while the last stays hidden until then.
 */
export function createPendingLayers(map: MapLibreMap): { show(area: Polygon | MultiPolygon | undefined): void } {
  let id = 0;
  let shown = false;
  return {
    show(area) {
      if (area) {
        id++;
        shown = true;
        void (map.getSource('pending') as GeoJSONSource | undefined)?.setData({ type: 'Feature', id, geometry: area, properties: {} });
      } else if (shown) {
        shown = false;
        map.setFeatureState({ source: 'pending', id }, { hidden: true });
      }
    },
  };
}
