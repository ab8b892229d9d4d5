import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';
import { DataError } from '../dataError';

/** Coordinate systems of input files: WGS84 (CGCS2000 is equal at this scale), GCJ-02 (AMap, Tencent), BD-09 (Baidu). */
export type Crs = 'wgs84' | 'gcj02' | 'bd09';

/** The coordinate systems, for usage lines and pickers. */
export const CRS_NAMES: readonly Crs[] = ['wgs84', 'gcj02', 'bd09'];

const GCOORD = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** A coordinate system name as given by a user (case and "cgcs2000" accepted); a DataError naming `file` otherwise. */
export function parseCrs(file: string, name: string): Crs {
  const s = name.trim().toLowerCase();
  if (s === 'cgcs2000') return 'wgs84';
  if ((CRS_NAMES as readonly string[]).includes(s)) return s as Crs;
  throw new DataError(file, 'unknownCrs', { got: name });
}

/**
 * A longitude/latitude pair in `crs` as WGS84 degrees. Pairs outside the longitude/latitude range
 * are returned as they are, for the parsers to reject with their line or feature.
 */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84' || !(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], GCOORD[crs], gcoord.WGS84);
  return [x, y];
}

const position = (p: Position, crs: Crs): Position =>
  typeof p[0] === 'number' && typeof p[1] === 'number' ? [...toWgs84(p[0], p[1], crs), ...p.slice(2)] : p;

/** A GeoJSON geometry with `f` applied to every position (null stays null; nesting is bounded by the JSON depth limit). */
export function mapPositions<G extends Geometry | null>(geometry: G, f: (p: Position) => Position): G {
  if (geometry === null) return geometry;
  const g = geometry as Geometry;
  const each = (ps: unknown) => (Array.isArray(ps) ? ps.map((p) => (Array.isArray(p) ? f(p) : p)) : ps) as Position[];
  const rings = (rs: unknown) => (Array.isArray(rs) ? rs.map(each) : rs) as Position[][];
  switch (g.type) {
    case 'Point':
      return (Array.isArray(g.coordinates) ? { ...g, coordinates: f(g.coordinates) } : g) as G;
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: each(g.coordinates) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: rings(g.coordinates) } as G;
    case 'MultiPolygon':
      return { ...g, coordinates: Array.isArray(g.coordinates) ? g.coordinates.map(rings) : g.coordinates } as G;
    case 'GeometryCollection':
      return { ...g, geometries: Array.isArray(g.geometries) ? g.geometries.map((x) => mapPositions(x, f)) : g.geometries } as G;
    default:
      return geometry;
  }
}

/** A GeoJSON geometry with every position converted from `crs` to WGS84 (null stays null). */
export function geometryToWgs84<G extends Geometry | null>(geometry: G, crs: Crs): G {
  return crs === 'wgs84' ? geometry : mapPositions(geometry, (p) => position(p, crs));
}

/** A GeoJSON geometry with the first two numbers of every position swapped: latitude/longitude written as longitude/latitude, fixed. */
export function swapGeometryLonLat<G extends Geometry | null>(geometry: G): G {
  return mapPositions(geometry, (p) => [p[1], p[0], ...p.slice(2)]);
}
