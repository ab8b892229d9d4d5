import { difference, union } from 'polyclip-ts';
import type { MultiPolygonCoords } from '../zoneState';

/** The union of a level's zones (polyclip); empty when there are none. */
export function unionOfZones(zones: readonly MultiPolygonCoords[]): MultiPolygonCoords {
  if (zones.length === 0) return [];
  return union(zones[0], ...zones.slice(1)) as MultiPolygonCoords;
}

/**
 * The land no zone covers: inside the county outline when given, else inside the outer boundary
 * of the zones' union (its holes). Each polygon of the result is one gap.
 */
export function gapPolygons(zoneUnion: MultiPolygonCoords, county: MultiPolygonCoords): MultiPolygonCoords {
  const container: MultiPolygonCoords = county.length > 0 ? county : zoneUnion.map((polygon) => [polygon[0]]);
  if (container.length === 0) return [];
  if (zoneUnion.length === 0) return container;
  return difference(container, zoneUnion) as MultiPolygonCoords;
}
