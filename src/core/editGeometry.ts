import type { MultiPolygon, Polygon } from 'geojson';
import { area as turfArea, kinks } from '@turf/turf';
import { cleanMultiPolygon } from './cleanGeometry';
import { clearlyWithin } from './clearlyWithin';
import { intersectionOf } from './clip';
import type { EditSubject } from './editProblems';
import { EditError, type EditContext } from './editTypes';
import type { MultiPolygonCoords } from './zoneState';

/** A bounding box: min x, min y, max x, max y (degrees). */
export type Box = [number, number, number, number];

/** The bounding box of a MultiPolygon's outer rings. */
export function boxOf(m: MultiPolygonCoords): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of m) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

/** Whether two boxes touch or overlap. */
export const overlaps = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * Checks a drawn or imported geometry and returns it as MultiPolygon coordinates, snapped to the
 * grid and cleaned of repeated points, zero-width spikes and pieces without area (cleanMultiPolygon).
 */
export function checkedGeometry(g: unknown, what: EditSubject): MultiPolygonCoords {
  const geometry = g as Polygon | MultiPolygon | undefined;
  if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') throw new EditError('notPolygon', { what });
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) throw new EditError('empty', { what });
  const out: MultiPolygonCoords = polygons.map((polygon) => {
    if (!Array.isArray(polygon) || polygon.length === 0) throw new EditError('noRings', { what });
    return polygon.map((ring) => {
      if (!Array.isArray(ring) || ring.some((p) => !Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)) {
        throw new EditError('badCoordinate', { what });
      }
      const closed: [number, number][] = ring.map((p) => [p[0], p[1]]);
      const [first, last] = [closed[0], closed[closed.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1]) closed.push([first[0], first[1]]);
      if (closed.length < 4) throw new EditError('shortRing', { what });
      return closed;
    });
  });
  const feature = { type: 'Feature' as const, properties: {}, geometry: { type: 'MultiPolygon' as const, coordinates: out } };
  const crossing = kinks(feature).features[0];
  if (crossing) {
    const [x, y] = crossing.geometry.coordinates;
    throw new EditError('selfIntersecting', { what, at: `${x.toFixed(5)}, ${y.toFixed(5)}` });
  }
  const clean = cleanMultiPolygon(out);
  if (clean.length === 0 || turfArea({ ...feature, geometry: { ...feature.geometry, coordinates: clean } }) < 1) throw new EditError('noArea', { what });
  return clean;
}

/** How near the county border (degrees, about 1 cm) a geometry must come for the exact clip to decide. */
const COUNTY_MARGIN = 1e-7;

/** The geometry clipped to the county outline when the context has one; outside it is an EditError. */
export function clipToCounty(m: MultiPolygonCoords, ctx: EditContext, what: EditSubject): MultiPolygonCoords {
  if (!ctx.county) return m;
  // Most edits lie inside the county, away from its border: the exact clip (tens of ms) would give m back.
  if (clearlyWithin(m, ctx.county, COUNTY_MARGIN)) return m;
  const clipped = intersectionOf(m, ctx.county);
  if (clipped.length === 0) throw new EditError('outsideCounty', { what });
  return clipped;
}
