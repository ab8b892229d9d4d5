import { area as turfArea, booleanIntersects, booleanPointInPolygon } from '@turf/turf';
import { differenceOf, intersectionOf } from './clip';
import { EditError } from './editTypes';
import type { MultiPolygonCoords } from './zoneState';

/** How far (degrees) the cut line is extended and its side reaches: beyond any county. */
const FAR = 2;

function unit(dx: number, dy: number): [number, number] {
  const n = Math.hypot(dx, dy) || 1;
  return [dx / n, dy / n];
}

/**
 * Cuts a zone along a polyline (lon/lat degrees, crossing the zone) and returns the part to give
 * away: the one that does not hold `keep` (the school's own location), or the smaller one when
 * neither does. The line is extended at both ends, and its left side is closed far away, so a
 * roughly straight cut splits the zone in two. Throws EditError when the line does not split it.
 */
export function computeSplitPart(zone: MultiPolygonCoords, line: [number, number][], keep: [number, number]): MultiPolygonCoords {
  if (line.length < 2) throw new EditError('shortLine');
  if (!booleanIntersects({ type: 'LineString', coordinates: line }, { type: 'MultiPolygon', coordinates: zone })) {
    throw new EditError('noCut');
  }
  const [a, b] = [line[0], line[1]];
  const [y, z] = [line[line.length - 2], line[line.length - 1]];
  const d0 = unit(b[0] - a[0], b[1] - a[1]);
  const d1 = unit(z[0] - y[0], z[1] - y[1]);
  const start: [number, number] = [a[0] - FAR * d0[0], a[1] - FAR * d0[1]];
  const end: [number, number] = [z[0] + FAR * d1[0], z[1] + FAR * d1[1]];
  // Left normals of the first and last segments.
  const left: [number, number][][] = [[start, ...line, end, [end[0] - FAR * d1[1], end[1] + FAR * d1[0]], [start[0] - FAR * d0[1], start[1] + FAR * d0[0]], start]];
  const leftPart = intersectionOf(zone, [left]);
  const rightPart = differenceOf(zone, [left]);
  const size = (m: MultiPolygonCoords) => (m.length === 0 ? 0 : turfArea({ type: 'MultiPolygon', coordinates: m }));
  if (size(leftPart) < 1 || size(rightPart) < 1) throw new EditError('noCut');
  const holds = (m: MultiPolygonCoords) => booleanPointInPolygon(keep, { type: 'MultiPolygon', coordinates: m });
  if (holds(leftPart)) return rightPart;
  if (holds(rightPart)) return leftPart;
  return size(leftPart) < size(rightPart) ? leftPart : rightPart;
}
