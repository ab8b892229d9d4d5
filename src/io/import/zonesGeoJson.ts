import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { ZoneLevel } from '../../core/rules';
import type { ColumnMapping } from './columnMapping';
import { geometryToWgs84, type Crs } from './crs';
import { normaliseZoneLevel } from './valueNormalise';

/**
 * A KML MultiGeometry of polygons (a GeometryCollection in GeoJSON) as one MultiPolygon; any other
 * geometry as it is, for parseZones to accept or reject.
 */
export function polygonsAsMultiPolygon(geometry: Geometry | null): Geometry | null {
  if (geometry?.type !== 'GeometryCollection') return geometry;
  const parts = geometry.geometries.map(polygonsAsMultiPolygon);
  if (parts.length === 0 || !parts.every((g) => g?.type === 'Polygon' || g?.type === 'MultiPolygon')) return geometry;
  const polygons = parts.flatMap((g) => ((g as Polygon | MultiPolygon).type === 'Polygon' ? [(g as Polygon).coordinates] : (g as MultiPolygon).coordinates));
  return { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Zone features in the contract's shape: property keys renamed by `mapping` (contract column →
 * property key), `school_id` as text, `level` as primary/junior where recognised (小学, 初中) or,
 * when `level` is given, that level for every zone of the file; polygon collections merged,
 * positions converted from `crs` to WGS84. Other properties are kept.
 */
export function zonesToContract(features: Feature[], mapping: ColumnMapping, crs: Crs, level?: ZoneLevel): FeatureCollection {
  const rename = new Map(Object.entries(mapping).map(([key, name]) => [name, key]));
  return {
    type: 'FeatureCollection',
    features: features.map((f) => {
      const properties: Record<string, unknown> = Object.fromEntries(Object.entries(f?.properties ?? {}).map(([k, v]) => [rename.get(k) ?? k, v]));
      // A blank numeric dBASE field reads as NaN: no code, so the zone is named by its school's name.
      if (typeof properties.school_id === 'number') properties.school_id = Number.isFinite(properties.school_id) ? String(properties.school_id) : '';
      if (typeof properties.school_id === 'string') properties.school_id = properties.school_id.trim();
      if (level !== undefined) properties.level = level;
      else if (typeof properties.level === 'string') properties.level = normaliseZoneLevel(properties.level) ?? properties.level;
      return { ...f, geometry: geometryToWgs84(polygonsAsMultiPolygon(f?.geometry ?? null), crs), properties } as Feature;
    }),
  };
}
