import { difference, intersection } from 'polyclip-ts';
import { boxOf, overlaps } from '../editGeometry';
import type { ZoneSet } from '../dataset';
import type { MultiPolygonCoords } from '../zoneState';

/**
 * Where each zone of a ZoneSet wins (index as in the set): its polygons less every overlapping
 * zone of better (lower) rank — the ground the overlap rule gives it — clipped to `county` when
 * given. Zones that overlap none keep their own coordinates (converted, not copied by polyclip).
 */
export function computeEffectiveZones(zones: ZoneSet, polygons: MultiPolygonCoords[], county?: MultiPolygonCoords): MultiPolygonCoords[] {
  const boxes = polygons.map(boxOf);
  return polygons.map((own, z) => {
    const better: MultiPolygonCoords[] = [];
    for (let w = 0; w < polygons.length; w++) {
      if (w === z || zones.rank[w] > zones.rank[z] || !overlaps(boxes[w], boxes[z])) continue;
      if (intersection(own, polygons[w]).length > 0) better.push(polygons[w]);
    }
    let out = better.length > 0 ? (difference(own, ...better) as MultiPolygonCoords) : own;
    if (county) out = intersection(out, county) as MultiPolygonCoords;
    return out;
  });
}

