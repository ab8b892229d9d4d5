import { type MultiPolygonCoords } from '../../src/core/zoneState';
import { zoneLand } from '../../src/core/zoneSet';
import { orient2d } from 'robust-predicates';
import type { OverlapRule } from '../../src/core/rules';

/** A zone as nested positions: polygons of rings of [x, y]. */
export type ReferenceZone = number[][][][];

/** Orientation of c against a → b: positive when c lies left of a → b. Plain arithmetic. */
export type Orientation = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => number;

/** Exact for coordinates on a coarse dyadic grid (products fit a double's 53 bits). */
export const plainOrientation: Orientation = (ax, ay, bx, by, cx, cy) => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

/** Exact for any doubles (Shewchuk's adaptive predicate; its sign is the opposite convention). */
export const exactOrientation: Orientation = (ax, ay, bx, by, cx, cy) => -orient2d(ax, ay, bx, by, cx, cy);

/**
 * Whether a polygon (rings read even-odd) contains the point moved a hair east and a hair's hair
 * north — the engine's boundary rule written out as a plain crossing count over every edge.
 */
function polygonContains(rings: number[][][], px: number, py: number, orient: Orientation): boolean {
  let odd = false;
  for (const ring of rings) {
    const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
    for (let i = 0; i < n; i++) {
      let [a, b] = [ring[i], ring[(i + 1) % n]];
      if (a[1] === b[1]) continue;
      if (a[1] > b[1]) [a, b] = [b, a];
      // The perturbed point's y lies strictly between the ends iff a.y ≤ py < b.y.
      if (!(a[1] <= py && py < b[1])) continue;
      // The crossing lies east of the perturbed point iff the point is strictly left of the upward edge.
      if (orient(a[0], a[1], b[0], b[1], px, py) > 0) odd = !odd;
    }
  }
  return odd;
}

function onBoundary(zone: ReferenceZone, px: number, py: number, orient: Orientation): boolean {
  return zone.some((rings) => rings.some((ring) => ring.some((a, i) => {
    const b = ring[(i + 1) % ring.length];
    const within = px >= Math.min(a[0], b[0]) && px <= Math.max(a[0], b[0]) && py >= Math.min(a[1], b[1]) && py <= Math.max(a[1], b[1]);
    return within && orient(a[0], a[1], b[0], b[1], px, py) === 0;
  })));
}

/**
 * Planar area of a zone scaled by the cosine of each ring's mean latitude: outer rings less holes,
 * over the zone's land as the engine takes it (zoneLand: the union of parts that may overlap). The
 * union is the engine's; what this reference checks is where each point goes.
 */
function zoneArea(zone: ReferenceZone): number {
  let total = 0;
  const land = zoneLand(zone as MultiPolygonCoords);
  for (const rings of land) {
    rings.forEach((ring, k) => {
      let twice = 0;
      let lat = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        twice += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
        lat += ring[i][1];
      }
      const a = (Math.abs(twice) / 2) * Math.cos(((lat / ring.length) * Math.PI) / 180);
      total += k === 0 ? a : -a;
    });
  }
  return total;
}

/** The order in which zones win an overlap (indexes into `zones`, winner first). */
export function referenceOrder(zones: ReferenceZone[], rule: OverlapRule): number[] {
  const order = zones.map((_, z) => z);
  if (rule === 'smallestZone') {
    const areas = zones.map(zoneArea);
    order.sort((a, b) => areas[a] - areas[b] || a - b);
  }
  return order;
}

/** The zones containing the point (by the boundary rule), in `order`; and those whose boundary it is on. */
export function referenceZonesAt(zones: ReferenceZone[], order: number[], px: number, py: number, orient: Orientation = plainOrientation) {
  const inside = order.filter((z) => zones[z].some((rings) => polygonContains(rings, px, py, orient)));
  const touching = inside.length > 0 ? [] : order.filter((z) => onBoundary(zones[z], px, py, orient));
  return { inside, touching };
}

/** The zone a point goes to (index into `zones`), or −1: the plain reference of the engine. */
export function referenceZoneAt(zones: ReferenceZone[], order: number[], px: number, py: number, orient: Orientation = plainOrientation): number {
  const { inside, touching } = referenceZonesAt(zones, order, px, py, orient);
  return inside[0] ?? touching[0] ?? -1;
}
