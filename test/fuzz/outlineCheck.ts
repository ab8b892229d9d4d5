import { ZONE_LEVELS } from '../../src/core/rules';
import type { MultiPolygonCoords, ZoneState } from '../../src/core/zoneState';

/** Narrower than this (degrees, about 0.1 mm) is no width: a spike or a piece without area. */
export const NO_WIDTH = 1e-9;

type Pt = [number, number];

/**
 * The first fault of one zone's outline, written plainly (a reference, not the cleaning code): a
 * ring not closed or shorter than 4 positions, a point repeated at once, a zero-width spike (the
 * outline turns back at a vertex and the two edges lie within NO_WIDTH of each other), or a ring
 * narrower than NO_WIDTH (twice its area over its perimeter). Undefined when there is none.
 */
export function zoneOutlineFault(zone: MultiPolygonCoords): string | undefined {
  for (const [p, polygon] of zone.entries()) {
    for (const [r, ring] of polygon.entries()) {
      const where = `polygon ${p + 1} ring ${r + 1}`;
      if (ring.length < 4) return `${where}: ${ring.length} positions`;
      const [first, last] = [ring[0], ring[ring.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1]) return `${where}: not closed`;
      const open = ring.slice(0, -1);
      const n = open.length;
      let twiceArea = 0;
      let perimeter = 0;
      for (let i = 0; i < n; i++) {
        const a: Pt = open[(i + n - 1) % n];
        const b: Pt = open[i];
        const c: Pt = open[(i + 1) % n];
        if (b[0] === c[0] && b[1] === c[1]) return `${where}: point ${b.join(', ')} repeated`;
        const [ux, uy, vx, vy] = [b[0] - a[0], b[1] - a[1], c[0] - b[0], c[1] - b[1]];
        const longest = Math.max(Math.hypot(ux, uy), Math.hypot(vx, vy), Math.hypot(c[0] - a[0], c[1] - a[1]));
        if (ux * vx + uy * vy < 0 && Math.abs(ux * vy - uy * vx) / longest < NO_WIDTH) return `${where}: zero-width spike at ${b.join(', ')}`;
        twiceArea += (b[0] - open[0][0]) * (c[1] - open[0][1]) - (c[0] - open[0][0]) * (b[1] - open[0][1]);
        perimeter += Math.hypot(vx, vy);
      }
      if (Math.abs(twiceArea) / perimeter < NO_WIDTH) return `${where}: no area (width ${(Math.abs(twiceArea) / perimeter).toExponential(2)}°)`;
    }
  }
  return undefined;
}

/** The first zone outline fault among the zones of `state` that are not the very objects of `original` (those an edit made), named by level and key. */
export function editedOutlineFault(state: ZoneState, original: ZoneState): string | undefined {
  for (const level of ZONE_LEVELS) {
    const own = new Set<unknown>([...original.zones[level].values(), ...[...original.shared[level].values()].map((z) => z.polygons)]);
    const zones: [string, MultiPolygonCoords][] = [
      ...[...state.zones[level]].map(([s, z]): [string, MultiPolygonCoords] => [`school ${s}`, z]),
      ...[...state.shared[level]].map(([k, z]): [string, MultiPolygonCoords] => [`shared ${k}`, z.polygons]),
    ];
    for (const [name, zone] of zones) {
      if (own.has(zone)) continue;
      const fault = zoneOutlineFault(zone);
      if (fault) return `${level} ${name}: ${fault}`;
    }
  }
  return undefined;
}
