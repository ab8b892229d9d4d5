import { intersection } from 'polyclip-ts';
import { boxOf, overlaps, type Box } from '../editGeometry';
import type { MultiPolygonCoords } from '../zoneState';

/** The area two zones share. */
export interface ZonePairOverlap {
  /** Keys of the two zones, first < second in input order. */
  a: number;
  b: number;
  polygons: MultiPolygonCoords;
}

/**
 * Every pair of zones sharing area (polyclip intersection), testing only pairs whose bounding
 * boxes meet. Zones that only touch along edges or at points share no area and are not listed.
 */
export function pairwiseOverlaps(zones: ReadonlyMap<number, MultiPolygonCoords>): ZonePairOverlap[] {
  const list = [...zones].map(([key, polygons]) => ({ key, polygons, box: boxOf(polygons) as Box }));
  const out: ZonePairOverlap[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (!overlaps(list[i].box, list[j].box)) continue;
      const shared = intersection(list[i].polygons, list[j].polygons) as MultiPolygonCoords;
      if (shared.length > 0) out.push({ a: list[i].key, b: list[j].key, polygons: shared });
    }
  }
  return out;
}
