import { booleanPointInPolygon } from '@turf/turf';
import type { Polylines } from '../distance/lines';
import type { MultiPolygonCoords } from '../zoneState';

/** The four sides of a zone, as a 招生片区 notice writes its 四至. */
export const SIDES = ['east', 'south', 'west', 'north'] as const;
export type Side = (typeof SIDES)[number];

/** What lies beyond one side of a zone: the neighbouring zones by key, longest shared boundary first, and whether part of the side borders no zone; the named roads and rivers along it, when there are any. */
export interface SideBound {
  neighbours: string[];
  open: boolean;
  /** Names of the roads, rivers and railways the side runs along (≥ 20 % of it), longest first; absent when none. */
  roads?: string[];
}

/** A named road, river or railway: its points x0, y0, x1, y1, … in degrees and its box. */
export interface NamedLine {
  name: string;
  coords: Float64Array;
  box: [number, number, number, number];
}

// A neighbour counts on a side when it holds at least this share of the side's boundary.
const MIN_SHARE = 0.1;
// How far beyond the boundary the neighbour is looked for, in degrees (~1 m).
const STEP = 1e-5;

type Box = [number, number, number, number];

// A boundary runs along a line when its pieces (≤ ~100 m) lie within this distance of it, for at least this share of the side.
const ALONG_M = 50;
const ALONG_SHARE = 0.2;
const PIECE_DEG = 0.001;
const M_PER_DEG = 111_320;

/** The named lines of polyline layers (roads, barriers), each with its box; unnamed lines are left out. */
export function namedLinesOf(layers: readonly (Polylines | undefined)[]): NamedLine[] {
  const out: NamedLine[] = [];
  for (const layer of layers) {
    if (!layer) continue;
    layer.name.forEach((name, l) => {
      if (name.trim() === '') return;
      const coords = layer.coords.slice(2 * layer.start[l], 2 * layer.start[l + 1]);
      const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
      for (let i = 0; i < coords.length; i += 2) {
        box[0] = Math.min(box[0], coords[i]);
        box[1] = Math.min(box[1], coords[i + 1]);
        box[2] = Math.max(box[2], coords[i]);
        box[3] = Math.max(box[3], coords[i + 1]);
      }
      out.push({ name: name.trim(), coords, box });
    });
  }
  return out;
}

/** Distance in metres from (x, y) to a line (degrees; `cos` of the latitude scales longitude). */
function distanceTo(line: NamedLine, x: number, y: number, cos: number): number {
  let best = Infinity;
  const c = line.coords;
  for (let i = 0; i + 3 < c.length; i += 2) {
    const [ax, ay, bx, by] = [(c[i] - x) * cos, c[i + 1] - y, (c[i + 2] - x) * cos, c[i + 3] - y];
    const [dx, dy] = [bx - ax, by - ay];
    const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best * M_PER_DEG;
}
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
 * edge). `others` are the level's other zones by key (a school id, or a shared zone's). With named
 * `lines` (roads, rivers, railways), the boundary is also cut into pieces of at most ~100 m, each
 * credited to the nearest named line within 50 m of its middle: a side's `roads` are the names
 * holding at least 20 % of it (a road crossing the boundary holds a piece or two, not a share).
 */
export function computeFourBounds(zone: MultiPolygonCoords, others: ReadonlyMap<string, MultiPolygonCoords>, lines: readonly NamedLine[] = []): Record<Side, SideBound> {
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
  const along = Object.fromEntries(SIDES.map((s) => [s, new Map<string, number>()])) as Record<Side, Map<string, number>>;
  const pad = ALONG_M / M_PER_DEG / cos;
  const nearLines = lines.filter((l) => l.box[0] <= own[2] + pad && own[0] - pad <= l.box[2] && l.box[1] <= own[3] + pad && own[1] - pad <= l.box[3]);
  const sideOf = (x: number, y: number): Side => {
    const ex = (x - cx) * cos;
    const ey = y - cy;
    return Math.abs(ex) >= Math.abs(ey) ? (ex >= 0 ? 'east' : 'west') : ey >= 0 ? 'north' : 'south';
  };
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
      const side = sideOf(mx, my);
      totals[side] += length;
      if (nearLines.length > 0) creditLines(ax, ay, bx, by, length, side);
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
    const roads = [...along[side]].filter(([, l]) => l >= ALONG_SHARE * totals[side]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
    return [side, { neighbours: kept.filter(([k]) => k !== '').map(([k]) => k), open: kept.some(([k]) => k === ''), ...(roads.length > 0 && { roads }) }];
  })) as Record<Side, SideBound>;

  /** Credits the pieces of a boundary segment (length in the units of `totals`, on the segment's side) to the named line nearest each piece's middle. */
  function creditLines(ax: number, ay: number, bx: number, by: number, length: number, side: Side): void {
    const pieces = Math.max(1, Math.ceil(Math.hypot((bx - ax) * cos, by - ay) / PIECE_DEG));
    for (let k = 0; k < pieces; k++) {
      const [x, y] = [ax + ((bx - ax) * (k + 0.5)) / pieces, ay + ((by - ay) * (k + 0.5)) / pieces];
      let best: NamedLine | undefined;
      let bestM = ALONG_M;
      for (const line of nearLines) {
        if (x < line.box[0] - pad || x > line.box[2] + pad || y < line.box[1] - pad || y > line.box[3] + pad) continue;
        const m = distanceTo(line, x, y, cos);
        if (m <= bestM) [best, bestM] = [line, m];
      }
      if (!best) continue;
      along[side].set(best.name, (along[side].get(best.name) ?? 0) + length / pieces);
    }
  }
}
