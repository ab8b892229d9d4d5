/** Small geometry helpers: a local metric projection, rounding, point-in-polygon with a box pre-test. */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { LonLat, Region } from './types.ts';

const ORIGIN_LON = 118.83;
const ORIGIN_LAT = 37.0;
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((ORIGIN_LAT * Math.PI) / 180);

/** Projects lon/lat to km east and north of 118.83 E, 37.0 N (equirectangular; error well under 1% across the county). */
export function toKm(p: Position): [number, number] {
  return [((p[0] ?? 0) - ORIGIN_LON) * KM_PER_DEG_LON, ((p[1] ?? 0) - ORIGIN_LAT) * KM_PER_DEG_LAT];
}

/** Inverse of toKm. */
export function toLonLat(p: readonly [number, number]): LonLat {
  return [ORIGIN_LON + p[0] / KM_PER_DEG_LON, ORIGIN_LAT + p[1] / KM_PER_DEG_LAT];
}

/** Rounds a coordinate to 6 decimals (~0.1 m), the precision of every output file. */
function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Rounds both coordinates of a position to 6 decimals. */
export function roundPos(p: Position): LonLat {
  return [round6(p[0] ?? 0), round6(p[1] ?? 0)];
}

/** Distance in km between two lon/lat points (local projection). */
export function distanceKm(a: Position, b: Position): number {
  const pa = toKm(a);
  const pb = toKm(b);
  return Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
}

/** Moves a point by dx, dy km. */
export function offsetKm(p: LonLat, dx: number, dy: number): LonLat {
  const k = toKm(p);
  return toLonLat([k[0] + dx, k[1] + dy]);
}

/** Bounding box [west, south, east, north] of a polygon feature. */
export function bboxOf(feature: Feature<Polygon | MultiPolygon>): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const polys = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  for (const poly of polys) {
    for (const ring of poly) {
      for (const p of ring) {
        const x = p[0] ?? 0;
        const y = p[1] ?? 0;
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
    }
  }
  return [w, s, e, n];
}

/** True when p lies strictly inside the region (a point on its boundary is outside). */
export function strictlyInside(p: Position, region: Region): boolean {
  const [w, s, e, n] = region.bbox;
  const x = p[0] ?? 0;
  const y = p[1] ?? 0;
  if (x < w || x > e || y < s || y > n) return false;
  return booleanPointInPolygon(p, region.feature, { ignoreBoundary: true });
}
