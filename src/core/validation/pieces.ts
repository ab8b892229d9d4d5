import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { area, length, polygonToLine } from '@turf/turf';
import type { IgnoredPieces } from './types';
import type { MultiPolygonCoords } from '../zoneState';

/** One polygon's coordinates: outer ring, then holes. */
export type PolygonCoords = MultiPolygonCoords[number];

/** Area in m² (turf, on the sphere) of polygons given as coordinates. */
export function areaM2(polygons: MultiPolygonCoords): number {
  return area({ type: 'MultiPolygon', coordinates: polygons });
}

/** Mean width in metres of a polygon, 2·area / perimeter: about the width of a long thin strip. */
export function meanWidthM(polygon: PolygonCoords, polygonArea: number): number {
  const perimeterM = length(polygonToLine({ type: 'Polygon', coordinates: polygon }), { units: 'meters' });
  return perimeterM > 0 ? (2 * polygonArea) / perimeterM : 0;
}

/** Thresholds below which a gap or overlap piece is numerical noise. */
export interface NoiseLimits {
  minAreaM2: number;
  minWidthM: number;
}

/**
 * Splits polygons into pieces worth reporting (each with its area in m²) and the noise, which is
 * counted into `ignored`: pieces below `minAreaM2`, or narrower on average than `minWidthM`.
 */
export function keepPieces(polygons: MultiPolygonCoords, limits: NoiseLimits, ignored: IgnoredPieces): { polygon: PolygonCoords; areaM2: number }[] {
  const kept: { polygon: PolygonCoords; areaM2: number }[] = [];
  for (const polygon of polygons) {
    const a = areaM2([polygon]);
    if (a < limits.minAreaM2 || meanWidthM(polygon, a) < limits.minWidthM) {
      ignored.count++;
      ignored.areaM2 += a;
    } else {
      kept.push({ polygon, areaM2: a });
    }
  }
  return kept;
}

/** The Polygon and MultiPolygon parts of a GeoJSON object as MultiPolygon coordinates. */
export function polygonsOf(g: FeatureCollection | Feature | Geometry | undefined): MultiPolygonCoords {
  if (!g) return [];
  if (g.type === 'FeatureCollection') return g.features.flatMap((f) => polygonsOf(f));
  if (g.type === 'Feature') return polygonsOf(g.geometry ?? undefined);
  if (g.type === 'Polygon') return [(g as Polygon).coordinates as PolygonCoords];
  if (g.type === 'MultiPolygon') return (g as MultiPolygon).coordinates as MultiPolygonCoords;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap((x) => polygonsOf(x));
  return [];
}
