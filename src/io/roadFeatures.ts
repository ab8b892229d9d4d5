import type { Feature, FeatureCollection, LineString } from 'geojson';
import { BARRIER_KINDS, ROAD_CLASSES, type Polylines } from '../core/distance/lines';

/** Polylines as LineString features with `class` (roads) or `kind` (barriers) and `name`, for the map. */
export function polylineFeatures(lines: Polylines, what: 'roads' | 'barriers'): FeatureCollection<LineString> {
  const features: Feature<LineString>[] = [];
  for (let l = 0; l < lines.kind.length; l++) {
    const coordinates: [number, number][] = [];
    for (let p = lines.start[l]; p < lines.start[l + 1]; p++) coordinates.push([lines.coords[2 * p], lines.coords[2 * p + 1]]);
    const properties = what === 'roads' ? { class: ROAD_CLASSES[lines.kind[l]], name: lines.name[l] } : { kind: BARRIER_KINDS[lines.kind[l]], name: lines.name[l] };
    features.push({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates } });
  }
  return { type: 'FeatureCollection', features };
}
