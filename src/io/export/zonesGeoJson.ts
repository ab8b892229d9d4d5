import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { School } from '../../core/dataset';
import type { ZoneLevel } from '../../core/rules';
import type { ZoneState } from '../../core/zoneState';
import { computeZoneFeatures, SHARED_SEPARATOR } from '../zoneFeatures';

/**
 * Properties of an exported zone: the school's id and name and the zone's level. A zone shared by
 * several schools (多校划片) is one feature with their ids and names joined by 、 ("A、B").
 */
export interface ZoneExportProperties {
  school_id: string;
  name: string;
  level: ZoneLevel;
}

/** The zones of a state with their school's name, WGS84 degrees, primary zones before junior ones (shared zones after a level's single-school zones). */
export function computeZoneExport(state: ZoneState, schools: School[]): FeatureCollection<MultiPolygon, ZoneExportProperties> {
  const nameOf = new Map(schools.map((s) => [s.id, s.name]));
  const { features } = computeZoneFeatures(state, schools);
  return {
    type: 'FeatureCollection',
    features: features.map(({ properties: { school_id, level, school_ids }, ...f }) => ({
      ...f,
      properties: { school_id, name: (school_ids ?? [school_id]).map((id) => nameOf.get(id) ?? '').join(SHARED_SEPARATOR), level },
    })),
  };
}

/** The zones of a state as GeoJSON text (RFC 7946 FeatureCollection, see computeZoneExport). */
export function formatZonesGeoJson(state: ZoneState, schools: School[]): string {
  return JSON.stringify(computeZoneExport(state, schools));
}
