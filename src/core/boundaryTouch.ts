import { orient2d } from 'robust-predicates';
import { boxOf, type Box } from './editGeometry';
import type { MultiPolygonCoords } from './zoneState';

const boxCache = new WeakMap<MultiPolygonCoords, Box>();

function cachedBox(zone: MultiPolygonCoords): Box {
  let box = boxCache.get(zone);
  if (!box) boxCache.set(zone, (box = boxOf(zone)));
  return box;
}

/** Whether (px, py) lies exactly on the segment a–b (ends included), by an exact orientation test. */
function onSegment(a: [number, number], b: [number, number], px: number, py: number): boolean {
  if (px < Math.min(a[0], b[0]) || px > Math.max(a[0], b[0]) || py < Math.min(a[1], b[1]) || py > Math.max(a[1], b[1])) return false;
  return orient2d(a[0], a[1], b[0], b[1], px, py) === 0;
}

/**
 * The keys of the zones of `zones` (key → MultiPolygon, degrees) on whose boundary (any ring's
 * edge, ends included) the point (px, py) lies exactly, leaving out those `skip` names. A plain
 * scan of the zones whose box holds the point: for the few points the boundary rule places.
 */
export function computeTouchingZones(zones: ReadonlyMap<number, MultiPolygonCoords>, px: number, py: number, skip: (key: number) => boolean): number[] {
  const out: number[] = [];
  for (const [key, zone] of zones) {
    const [minX, minY, maxX, maxY] = cachedBox(zone);
    if (skip(key) || px < minX || px > maxX || py < minY || py > maxY) continue;
    const touches = zone.some((rings) => rings.some((ring) => ring.some((a, i) => onSegment(a, ring[(i + 1) % ring.length], px, py))));
    if (touches) out.push(key);
  }
  return out;
}
