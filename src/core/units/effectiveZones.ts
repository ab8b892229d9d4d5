import { difference } from 'polyclip-ts';
import type { ZoneSet } from '../dataset';
import type { MultiPolygonCoords } from '../zoneState';
import { computeOverlappingPairs } from './ringTests';

/**
 * Where each zone of a ZoneSet wins (index as in the set): its polygons less every zone of better
 * (lower) rank that overlaps it with positive area — the ground the overlap rule gives it. Exact
 * polygon operations (polyclip) run only where zones do overlap; a zone that overlaps none is
 * returned as it is, and so is a zone that `wanted` (when given) leaves out.
 */
export function computeEffectiveZones(zones: ZoneSet, polygons: MultiPolygonCoords[], wanted?: (z: number) => boolean): MultiPolygonCoords[] {
  const n = polygons.length;
  const pairs = computeOverlappingPairs(polygons);
  return polygons.map((own, z) => {
    if (wanted && !wanted(z)) return own;
    const better = polygons.filter((_, w) => w !== z && zones.rank[w] < zones.rank[z] && pairs.has(z * n + w));
    return better.length > 0 ? (difference(own, ...better) as MultiPolygonCoords) : own;
  });
}
