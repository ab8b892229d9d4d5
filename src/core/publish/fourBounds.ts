import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygonCoords } from '../zoneState';

/** The four sides of a zone, as a 招生片区 notice writes its 四至. */
export const SIDES = ['east', 'south', 'west', 'north'] as const;
export type Side = (typeof SIDES)[number];

/** What lies beyond one side of a zone: the neighbouring zones by key, longest shared boundary first, and whether part of the side borders no zone. */
export interface SideBound {
  neighbours: string[];
  open: boolean;
}

// A neighbour counts on a side when it holds at least this share of the side's boundary.
const MIN_SHARE = 0.1;
// How far beyond the boundary the neighbour is looked for, in degrees (~1 m).
const STEP = 1e-5;

type Box = [number, number, number, number];

// Zone geometries are never changed in place (a state replaces them): their boxes can be kept.
const boxes = new WeakMap<MultiPolygonCoords, Box>();

function boxOf(g: MultiPolygonCoords): Box {
  const known = boxes.get(g);
  if (known) return known;
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of g) for (const [x, y] of polygon[0]) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  boxes.set(g, box);
  return box;
}

const inside = (g: MultiPolygonCoords, box: Box, x: number, y: number) =>
  x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && booleanPointInPolygon([x, y], { type: 'MultiPolygon', coordinates: g });

/**
 * 四至 of a zone from its neighbouring zones: every boundary segment of `zone` is looked across at
 * its midpoint (a metre beyond, on the side outside the zone); the zones found there are its
 * neighbours on the side (east, south, west or north of the zone's centre of vertices) in which the
 * midpoint lies, weighed by the segment's length. Per side: neighbours holding at least 10 % of the
 * side's boundary, longest first, and whether some of it (≥ 10 %) borders no zone (the county
 * edge). `others` are the level's other zones by key (a school id, or a shared zone's).
 */
export function computeFourBounds(zone: MultiPolygonCoords, others: ReadonlyMap<string, MultiPolygonCoords>): Record<Side, SideBound> {
  const own = boxOf(zone);
  // Only zones whose box meets the zone's (widened by the step) can be across its boundary.
  const near = [...others].flatMap(([k, g]): [string, MultiPolygonCoords, Box][] => {
    const b = boxOf(g);
    return b[0] <= own[2] + STEP && own[0] - STEP <= b[2] && b[1] <= own[3] + STEP && own[1] - STEP <= b[3] ? [[k, g, b]] : [];
  });
  let cx = 0;
  let cy = 0;
  let count = 0;
  for (const polygon of zone) for (const [x, y] of polygon[0]) {
    cx += x;
    cy += y;
    count++;
  }
  cx /= count;
  cy /= count;
  const cos = Math.cos((cy * Math.PI) / 180);
  const lengths = Object.fromEntries(SIDES.map((s) => [s, new Map<string, number>()])) as Record<Side, Map<string, number>>;
  const totals = Object.fromEntries(SIDES.map((s) => [s, 0])) as Record<Side, number>;
  for (const polygon of zone) for (const ring of polygon) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[i + 1];
      const dx = (bx - ax) * cos;
      const dy = by - ay;
      const length = Math.hypot(dx, dy);
      if (length === 0) continue;
      const [mx, my] = [(ax + bx) / 2, (ay + by) / 2];
      // The unit normal in degrees; the side of it outside the zone is the one to look across.
      const [nx, ny] = [-dy / length / cos, dx / length];
      const ahead = inside(zone, own, mx + nx * STEP, my + ny * STEP) ? -1 : 1;
      const [px, py] = [mx + ahead * nx * STEP, my + ahead * ny * STEP];
      const ex = (mx - cx) * cos;
      const ey = my - cy;
      const side: Side = Math.abs(ex) >= Math.abs(ey) ? (ex >= 0 ? 'east' : 'west') : ey >= 0 ? 'north' : 'south';
      totals[side] += length;
      let found = false;
      for (const [k, g, b] of near) {
        if (!inside(g, b, px, py)) continue;
        lengths[side].set(k, (lengths[side].get(k) ?? 0) + length);
        found = true;
      }
      if (!found) lengths[side].set('', (lengths[side].get('') ?? 0) + length);
    }
  }
  return Object.fromEntries(SIDES.map((side) => {
    const kept = [...lengths[side]].filter(([, l]) => l >= MIN_SHARE * totals[side]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return [side, { neighbours: kept.filter(([k]) => k !== '').map(([k]) => k), open: kept.some(([k]) => k === '') }];
  })) as Record<Side, SideBound>;
}
