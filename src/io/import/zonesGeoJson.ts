import { NOT_A_ZONE, type NotAZone } from '../../core/notAZone';
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

/** What a zones file's feature holds instead of an area: a point or points (a pin, a label), or nothing; undefined for anything else. */
function notAnArea(geometry: Geometry | null): NotAZone | undefined {
  if (geometry === null || (geometry.type === 'GeometryCollection' && geometry.geometries.length === 0)) return 'empty';
  const points = (g: Geometry): boolean => g.type === 'Point' || g.type === 'MultiPoint' || (g.type === 'GeometryCollection' && g.geometries.every(points));
  return points(geometry) ? 'point' : undefined;
}

/**
 * Zone features in the contract's shape: property keys renamed by `mapping` (contract column →
 * property key), `school_id` as text, `level` as primary/junior where recognised (小学, 初中) or,
 * when `level` is given, that level for every zone of the file; polygon collections merged,
 * positions converted from `crs` to WGS84. Other properties are kept. A feature holding a point or
 * nothing is kept in its place without geometry, marked NOT_A_ZONE (readers pass it over).
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
      const geometry = polygonsAsMultiPolygon(f?.geometry ?? null);
      const none = notAnArea(geometry);
      // GeoJSON allows a feature without geometry; the types declare one.
      if (none) return { ...f, geometry: null, properties: { ...properties, [NOT_A_ZONE]: none } } as unknown as Feature;
      return { ...f, geometry: geometryToWgs84(geometry, crs), properties } as Feature;
    }),
  };
}
