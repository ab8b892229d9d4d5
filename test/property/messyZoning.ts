import type { Dataset } from '../../src/core/dataset';
import type { MultiPolygonCoords, ZoneState } from '../../src/core/zoneState';

const square = (cx: number, cy: number, r: number): [number, number][] => [[cx - r, cy - r], [cx + r, cy - r], [cx + r, cy + r], [cx - r, cy + r], [cx - r, cy - r]];

/**
 * The Shouguang zoning made messy: in each level, one city zone gets an extra part over its
 * neighbours (overlaps), another a small part inside a third zone (nested), a third a part with a
 * hole. Returns the zones and every vertex of the city's zones (where tests put pupils, so that the
 * boundary rule chooses).
 */
export function messyZoning(dataset: Dataset): { zones: ZoneState['zones']; corners: [number, number][] } {
  const zones = { ...dataset.zoneState.zones };
  for (const level of ['primary', 'junior'] as const) {
    const next = new Map(zones[level]);
    const [a, b, c] = [...next.keys()].filter((s) => next.get(s)![0][0].some(([x, y]) => x > 118.68 && x < 118.8 && y > 36.84 && y < 36.92));
    const add = (s: number, part: MultiPolygonCoords) => next.set(s, [...next.get(s)!, ...part]);
    add(a, [[square(118.74, 36.88, 0.02)]]);
    add(b, [[square(118.7, 36.86, 0.004)]]);
    add(c, [[square(118.78, 36.9, 0.01), square(118.78, 36.9, 0.003)]]);
    zones[level] = next;
  }
  const corners = [...zones.primary.values(), ...zones.junior.values()].flatMap((m) => m.flat(2)).filter(([x, y]) => x > 118.6 && x < 118.9 && y > 36.78 && y < 36.98) as [number, number][];
  return { zones, corners };
}
