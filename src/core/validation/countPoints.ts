import { booleanPointInPolygon } from '@turf/turf';
import { boxOf } from '../editGeometry';
import type { MultiPolygonCoords } from '../zoneState';

/**
 * How many of the points (degrees) lie inside the polygons (turf, boundary excluded), testing
 * exactly only those inside the polygons' bounding box.
 */
export function countPointsIn(polygons: MultiPolygonCoords, x: Float64Array, y: Float64Array): number {
  const [minX, minY, maxX, maxY] = boxOf(polygons);
  const geometry = { type: 'MultiPolygon' as const, coordinates: polygons };
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < minX || x[i] > maxX || y[i] < minY || y[i] > maxY) continue;
    if (booleanPointInPolygon([x[i], y[i]], geometry, { ignoreBoundary: true })) n++;
  }
  return n;
}
