import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { difference } from 'polyclip-ts';
import type { ZoneProperties } from '../io/zoneFeatures';

/** A dataset's zones as the map holds them. */
export type Zones = FeatureCollection<MultiPolygon, ZoneProperties>;

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
