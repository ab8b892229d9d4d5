import proj4 from 'proj4';
import type { Feature, Position } from 'geojson';
import { DataError } from '../dataError';
import { mapPositions } from './crs';

/** EPSG codes of longitude/latitude systems read as they are (WGS84, CGCS2000, Xi'an 80, Beijing 54: within a few metres here, or the planner's crs choice). */
const GEOGRAPHIC = new Set([4326, 4490, 4610, 4214]);
const WEB_MERCATOR = new Set([3857, 900913, 3785, 102100, 102113]);

/**
 * The EPSG code of the coordinate system a GeoJSON object declares in its "crs" member (GeoJSON
 * 2008: `urn:ogc:def:crs:EPSG::3857`, `EPSG:4490`; `…OGC:1.3:CRS84` is 4326); undefined when it
 * declares none.
 */
export function declaredEpsg(json: unknown): number | undefined {
  const name = (json as { crs?: { properties?: { name?: unknown } } } | null)?.crs?.properties?.name;
  if (typeof name !== 'string') return undefined;
  if (/CRS84$/i.test(name)) return 4326;
  const m = /EPSG:{1,2}(\d+)$/i.exec(name.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * The proj4 definition of a projected system a county's files come in: Web Mercator (web maps'
 * exports), and CGCS2000's 3° Gauss–Krüger zones (EPSG 4513–4533 with the zone before the easting,
 * 4534–4554 without), as 自然资源 data is delivered; undefined for others.
 */
function projectionOf(code: number): string | undefined {
  if (WEB_MERCATOR.has(code)) return 'EPSG:3857';
  const gk = (meridian: number, falseEasting: number) => `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
  if (code >= 4513 && code <= 4533) return gk((code - 4488) * 3, (code - 4488) * 1_000_000 + 500_000);
  if (code >= 4534 && code <= 4554) return gk(75 + (code - 4534) * 3, 500_000);
  return undefined;
}

/**
 * The features of a GeoJSON object that declares a projected system in its "crs" member, in
 * longitude/latitude (proj4); as they are for none or a geographic one. Throws a DataError naming
 * the file for a projected system it does not know.
 */
export function toDeclaredDegrees(file: string, json: unknown, features: Feature[]): Feature[] {
  const code = declaredEpsg(json);
  if (code === undefined || GEOGRAPHIC.has(code)) return features;
  const projection = projectionOf(code);
  if (projection === undefined) throw new DataError(file, 'declaredProjectionUnknown', { n: code });
  const toDegrees = proj4(projection, 'EPSG:4326');
  const convert = (p: Position): Position => [...toDegrees.forward([p[0], p[1]]), ...p.slice(2)];
  return features.map((feature) => ({ ...feature, geometry: mapPositions(feature.geometry, convert) }));
}
