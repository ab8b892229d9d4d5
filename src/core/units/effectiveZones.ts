import { difference } from 'polyclip-ts';
import type { ZoneSet } from '../dataset';
import type { MultiPolygonCoords } from '../zoneState';
import { computeOverlappingPairs } from './ringTests';

/**
 * Where each zone of a ZoneSet wins (index as in the set), made per zone when asked and kept: its
 * polygons less every zone of better (lower) rank that overlaps it with positive area — the ground
 * the overlap rule gives it. Exact polygon operations (polyclip) run only where zones do overlap; a
 * zone that overlaps none is returned as it is.
 */
export function createEffectiveZones(zones: ZoneSet, polygons: MultiPolygonCoords[]): (z: number) => MultiPolygonCoords {
  const n = polygons.length;
  const pairs = computeOverlappingPairs(polygons);
  const made = new Map<number, MultiPolygonCoords>();
  return (z) => {
    let winning = made.get(z);
    if (!winning) {
      const better = polygons.filter((_, w) => w !== z && zones.rank[w] < zones.rank[z] && pairs.has(z * n + w));
      winning = better.length > 0 ? (difference(polygons[z], ...better) as MultiPolygonCoords) : polygons[z];
      made.set(z, winning);
    }
    return winning;
  };
}
