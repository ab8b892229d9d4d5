/** Enrollment zones: a Voronoi partition of each level's schools with jagged shared borders, clipped to the county. */
import { featureCollection, intersect, kinks, polygon } from '@turf/turf';
import { Delaunay } from 'd3-delaunay';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf, roundPos, strictlyInside, toKm, toLonLat } from './geo.ts';
import { EdgeJagger } from './jag.ts';
import { hasZone } from './drafts.ts';
import type { LonLat, Region, SchoolPlan, Zone, ZoneLevel } from './types.ts';

/** Rounds, removes repeated vertices and drops rings that collapse; null when nothing is left. */
function cleanRings(rings: Position[][]): LonLat[][] | null {
  const out: LonLat[][] = [];
  for (const ring of rings) {
    const clean: LonLat[] = [];
    for (const p of ring) {
      const q = roundPos(p);
      const last = clean[clean.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) clean.push(q);
    }
    if (clean.length >= 4) out.push(clean);
  }
  return out.length > 0 ? out : null;
}

/** The cell ring with every edge replaced by its jagged polyline (closed). */
function jaggedRing(corners: readonly LonLat[], jagger: EdgeJagger): LonLat[] {
  const ring: LonLat[] = [];
  for (let i = 0; i < corners.length; i++) {
    const line = jagger.edge(corners[i] as LonLat, corners[(i + 1) % corners.length] as LonLat);
    ring.push(...line.slice(0, -1));
  }
  ring.push(ring[0] as LonLat);
  return ring;
}

/** The cell intersected with the county, rounded; null if empty. Outer rings come out counter-clockwise. */
function clip(ring: LonLat[], county: Region): Feature<Polygon | MultiPolygon> | null {
  const cut = intersect(featureCollection<Polygon | MultiPolygon>([polygon([ring]), county.feature]));
  if (!cut) return null;
  const polys = cut.geometry.type === 'Polygon' ? [cut.geometry.coordinates] : cut.geometry.coordinates;
  const cleaned = polys.map(cleanRings).filter((p): p is LonLat[][] => p !== null);
  if (cleaned.length === 0) return null;
  const geometry: Polygon | MultiPolygon =
    cleaned.length === 1
      ? { type: 'Polygon', coordinates: cleaned[0] as LonLat[][] }
      : { type: 'MultiPolygon', coordinates: cleaned };
  return { type: 'Feature', properties: {}, geometry };
}

/** Voronoi cell corners of each site, rounded so that neighbours share identical corner values. */
function voronoiCorners(sites: readonly SchoolPlan[], county: Region): LonLat[][] {
  const [w, s, e, n] = county.bbox;
  const lo = toKm([w, s]);
  const hi = toKm([e, n]);
  // bounds far outside the county, so the clipping d3 does at the bounds never reaches the county
  const voronoi = Delaunay.from(sites.map((x) => toKm(x.at))).voronoi([lo[0] - 40, lo[1] - 40, hi[0] + 40, hi[1] + 40]);
  return sites.map((site, i) => {
    const cell = voronoi.cellPolygon(i);
    if (!cell) throw new Error(`no Voronoi cell for ${site.id}`);
    const corners: LonLat[] = [];
    for (const p of cell.slice(0, -1)) {
      const q = roundPos(toLonLat([p[0], p[1]]));
      const last = corners[corners.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) corners.push(q);
    }
    const first = corners[0];
    const last = corners[corners.length - 1];
    if (first && last && corners.length > 1 && first[0] === last[0] && first[1] === last[1]) corners.pop();
    return corners;
  });
}

/** The zones of one level; cells that self-intersect or lose their school get calmer borders until none do. */
function partition(sites: readonly SchoolPlan[], level: ZoneLevel, county: Region, seed: number): Zone[] {
  const corners = voronoiCorners(sites, county);
  const jagger = new EdgeJagger(seed);
  for (let round = 0; round < 10; round++) {
    const zones: Zone[] = [];
    const bad: number[] = [];
    sites.forEach((site, i) => {
      const feature = clip(jaggedRing(corners[i] as LonLat[], jagger), county);
      const region = feature ? { feature, bbox: bboxOf(feature) } : null;
      if (!feature || !region || kinks(feature).features.length > 0 || !strictlyInside(site.at, region)) {
        bad.push(i);
        return;
      }
      feature.properties = { school_id: site.id, level, name: site.name };
      zones.push({ schoolId: site.id, level, ...region });
    });
    if (bad.length === 0) return zones;
    for (const i of bad) {
      const c = corners[i] as LonLat[];
      c.forEach((a, k) => jagger.dampen(a, c[(k + 1) % c.length] as LonLat));
    }
  }
  throw new Error(`${level} zones still invalid after 10 rounds`);
}

/** Primary zones then junior zones, one per open public school teaching the level, in school order. */
export function buildZones(schools: readonly SchoolPlan[], county: Region, seed: number): Zone[] {
  const levels: ZoneLevel[] = ['primary', 'junior'];
  return levels.flatMap((level) =>
    partition(schools.filter((s) => hasZone(s, level)), level, county, seed),
  );
}
