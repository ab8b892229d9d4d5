import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { School } from '../core/dataset';
import { ZONE_LEVELS, type ZoneLevel } from '../core/rules';
import type { ZoneState } from '../core/zoneState';

/** The zones of a state as GeoJSON for the map and for export: properties `school_id`, `level`. */
export function computeZoneFeatures(state: ZoneState, schools: School[]): FeatureCollection<MultiPolygon, { school_id: string; level: ZoneLevel }> {
  const features: Feature<MultiPolygon, { school_id: string; level: ZoneLevel }>[] = ZONE_LEVELS.flatMap((level) =>
    [...state.zones[level]].map(([s, coordinates]) => ({
      type: 'Feature' as const,
      geometry: { type: 'MultiPolygon' as const, coordinates },
      properties: { school_id: schools[s].id, level },
    })),
  );
  return { type: 'FeatureCollection', features };
}
