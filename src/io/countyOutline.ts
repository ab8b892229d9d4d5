import type { FeatureCollection } from 'geojson';
import { union } from 'polyclip-ts';
import type { MultiPolygonCoords } from '../core/zoneState';

/** The county outline as one MultiPolygon, for clipping edits; undefined without polygons. */
export function countyOutline(county: FeatureCollection | undefined): MultiPolygonCoords | undefined {
  const parts = (county?.features ?? []).flatMap((f) => {
    const g = f.geometry;
    if (g?.type === 'Polygon') return [[g.coordinates] as MultiPolygonCoords];
    if (g?.type === 'MultiPolygon') return [g.coordinates as MultiPolygonCoords];
    return [];
  });
  return parts.length === 0 ? undefined : (union(parts[0], ...parts.slice(1)) as MultiPolygonCoords);
}
