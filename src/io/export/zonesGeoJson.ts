import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { School } from '../../core/dataset';
import type { ZoneLevel } from '../../core/rules';
import type { ZoneState } from '../../core/zoneState';
import { computeZoneFeatures } from '../zoneFeatures';

/** Properties of an exported zone: the school's id and name and the zone's level. */
export interface ZoneExportProperties {
  school_id: string;
  name: string;
  level: ZoneLevel;
}

/** The zones of a state with their school's name, WGS84 degrees, primary zones before junior ones. */
export function computeZoneExport(state: ZoneState, schools: School[]): FeatureCollection<MultiPolygon, ZoneExportProperties> {
  const nameOf = new Map(schools.map((s) => [s.id, s.name]));
  const { features } = computeZoneFeatures(state, schools);
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ ...f, properties: { ...f.properties, name: nameOf.get(f.properties.school_id) ?? '' } })),
  };
}

/** The zones of a state as GeoJSON text (RFC 7946 FeatureCollection, see computeZoneExport). */
export function formatZonesGeoJson(state: ZoneState, schools: School[]): string {
  return JSON.stringify(computeZoneExport(state, schools));
}
