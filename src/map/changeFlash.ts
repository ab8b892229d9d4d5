import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { Zones } from './gainedAreas';

/** How long the area an edit changed stays outlined, ms (the legend's note lasts as long). */
export const FLASH_MS = 6000;

/**
 * Outlines, for FLASH_MS, the area the last edit (or undo) gave to another school. Computed once
 * the map has drawn the edit (a polygon difference of the zones it replaced, tens of ms, then a
 * source of its own to tile), so it delays neither the numbers nor the new zones on screen.
 */
export function createChangeFlash(map: MapLibreMap): { zonesReplaced: (before: Zones, after: Zones) => void } {
  let clear: ReturnType<typeof setTimeout> | undefined;
  const source = () => map.getSource('flash') as GeoJSONSource | undefined;
  return {
    zonesReplaced(before, after) {
      map.once('idle', () => setTimeout(async () => {
        // The polygon clipping code loads with the first edit, not with the page.
        const { computeGainedAreas } = await import('./gainedAreas');
        let gained: FeatureCollection<MultiPolygon>;
        try {
          gained = computeGainedAreas(before, after);
        } catch {
          // A difference the clipper cannot resolve only leaves this outline out; the zones are drawn as they are.
          return;
        }
        source()?.setData(gained);
        clearTimeout(clear);
        clear = setTimeout(() => source()?.setData({ type: 'FeatureCollection', features: [] }), FLASH_MS);
      }));
    },
  };
}
