import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { DataError, parseJsonFile } from '../dataError';
import { countyOutline } from '../countyOutline';
import { geometryToWgs84, type Crs } from './crs';
import { polygonsAsMultiPolygon } from './zonesGeoJson';
import { toDeclaredDegrees } from './declaredCrs';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

const isFeature = (v: unknown): v is Feature => (v as { type?: unknown } | null)?.type === 'Feature';

/**
 * The features of GeoJSON text in any of the shapes files come in: a FeatureCollection, a bare
 * JSON list of Features (as DataV GeoAtlas serves county outlines), a single Feature, or a bare
 * geometry (as a Feature without properties); a collection declaring a projected system in its
 * "crs" member in longitude/latitude (toDeclaredDegrees). Throws a DataError naming the file
 * otherwise, or naming the first item of a list that is not a Feature.
 */
export function looseFeatures(file: string, text: string): Feature[] {
  const json = parseJsonFile(file, text) as { type?: unknown; features?: unknown } | unknown[] | null;
  if (Array.isArray(json)) {
    const bad = json.findIndex((f) => !isFeature(f));
    if (bad >= 0) throw new DataError(file, 'notFeature', { n: bad + 1 });
    return json as Feature[];
  }
  if (json?.type === 'FeatureCollection' && Array.isArray(json.features)) return toDeclaredDegrees(file, json, json.features as Feature[]);
  if (isFeature(json)) return [json];
  if (typeof json?.type === 'string' && GEOMETRY_TYPES.has(json.type)) return [{ type: 'Feature', geometry: json as Geometry, properties: {} }];
  throw new DataError(file, 'notGeoJson');
}

const inDegrees = (p: Position) => Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/**
 * The county outline from its features: the Polygon and MultiPolygon features (a KML-style
 * collection of polygons as one MultiPolygon), converted from `crs` to WGS84; other features are
 * dropped. Throws a DataError naming the file when there is no polygon, a ring has fewer than 4
 * positions or a position is not longitude/latitude degrees, or the polygons cannot be joined into
 * one outline (countyOutline).
 */
export function countyFromFeatures(file: string, features: Feature[], crs: Crs): FeatureCollection {
  const polygons: Feature[] = [];
  features.forEach((f, i) => {
    const geometry = polygonsAsMultiPolygon(f?.geometry ?? null);
    if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') return;
    const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
    const where = { feature: i + 1, idKey: 'id' as const };
    if (!rings.every((ring) => Array.isArray(ring) && ring.length >= 4)) throw new DataError(file, 'shortRing', { where });
    if (!rings.every((ring) => ring.every((p) => Array.isArray(p) && inDegrees(p)))) throw new DataError(file, 'notLonLat', { where });
    polygons.push({ ...f, geometry: geometryToWgs84(geometry, crs) });
  });
  if (polygons.length === 0) throw new DataError(file, 'noOutline');
  const collection: FeatureCollection = { type: 'FeatureCollection', features: polygons };
  try {
    countyOutline(collection);
  } catch (e) {
    throw new DataError(file, 'badOutline', { detail: (e as Error).message });
  }
  return collection;
}
