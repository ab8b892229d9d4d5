import { area, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Point, Polygon } from 'geojson';

const cache = new WeakMap<Geometry, [number, number] | undefined>();

/**
 * Where to write a polygon's label: a point inside its largest part (its centroid when that lies
 * inside, as turf's pointOnFeature picks). Undefined for a geometry without area. Remembered per
 * geometry object: an edit replaces only the zones it changes.
 */
export function labelPoint(g: Geometry): [number, number] | undefined {
  if (cache.has(g)) return cache.get(g);
  const parts: Polygon[] = g.type === 'Polygon' ? [g] : g.type === 'MultiPolygon' ? g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates })) : [];
  let best: Polygon | undefined;
  let bestArea = 0;
  for (const p of parts) {
    const a = area(p);
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  const at = best ? (pointOnFeature(best).geometry.coordinates as [number, number]) : undefined;
  cache.set(g, at);
  return at;
}

/**
 * One label point per town or 街道 named by the units (their `town`): the median longitude and
 * latitude of its units, which stays among them when a town's units straggle.
 */
export function townPoints(units: FeatureCollection | undefined): FeatureCollection<Point> {
  const byTown = new Map<string, { x: number[]; y: number[] }>();
  for (const f of units?.features ?? []) {
    const town = f.properties?.town;
    if (typeof town !== 'string' || town === '' || f.geometry?.type !== 'Point') continue;
    const t = byTown.get(town) ?? { x: [], y: [] };
    t.x.push(f.geometry.coordinates[0]);
    t.y.push(f.geometry.coordinates[1]);
    byTown.set(town, t);
  }
  const median = (v: number[]) => {
    const s = [...v].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const features: Feature<Point>[] = [...byTown].map(([name, t]) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [median(t.x), median(t.y)] }, properties: { name } }));
  return { type: 'FeatureCollection', features };
}
