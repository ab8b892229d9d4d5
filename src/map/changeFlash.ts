import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { difference } from 'polyclip-ts';
import type { ZoneProperties } from '../io/zoneFeatures';

/** How long the area an edit changed stays outlined, ms (the legend's note lasts as long). */
export const FLASH_MS = 6000;

type Zones = FeatureCollection<MultiPolygon, ZoneProperties>;

/**
 * The area that changed school between two zonings of the same dataset: what each replaced or
 * added zone gained over its old self. An edit keeps unchanged zone features as they were (same
 * objects), so only the replaced ones are compared.
 */
export function computeGainedAreas(before: Zones, after: Zones): FeatureCollection<MultiPolygon> {
  const old = new Set(before.features);
  const key = (f: Feature<MultiPolygon, ZoneProperties>) => `${f.properties.level}|${f.properties.school_id}`;
  const was = new Map(before.features.map((f) => [key(f), f]));
  const features: Feature<MultiPolygon>[] = [];
  for (const f of after.features) {
    if (old.has(f)) continue;
    const prior = was.get(key(f));
    const gained = prior ? difference(f.geometry.coordinates as never, prior.geometry.coordinates as never) : f.geometry.coordinates;
    if (gained.length > 0) features.push({ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: gained as MultiPolygon['coordinates'] }, properties: { level: f.properties.level } });
  }
  return { type: 'FeatureCollection', features };
}

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
      map.once('idle', () => setTimeout(() => {
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
