/** Checks of the zones: one per zoned school, valid polygons, an exact partition of the county. */
import { area, booleanPointInPolygon, featureCollection, intersect, kinks } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { bboxOf } from './geo.ts';
import type { Dataset } from './readDataset.ts';
import type { Report } from './report.ts';
import type { Region, ZoneLevel } from './types.ts';

/** Zones of one level with their school ids and boxes, for assigning pupils. */
export interface LevelZones {
  level: ZoneLevel;
  zones: (Region & { schoolId: string })[];
}

function vertexCount(g: Polygon | MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.reduce((sum, poly) => sum + poly.reduce((s, ring) => s + ring.length - 1, 0), 0);
}

function boxesMeet(a: Region['bbox'], b: Region['bbox']): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function teaches(level: string, zoneLevel: ZoneLevel): boolean {
  return level === 'nine_year' || level === zoneLevel;
}

/** Runs the zone checks for both levels and returns the zones for pupil assignment. */
export function checkZones(ds: Dataset, report: Report): LevelZones[] {
  const countyArea = area(ds.county);
  const levels: ZoneLevel[] = ['primary', 'junior'];
  return levels.map((level) => {
    report.section(`${level} zones`);
    const features = ds.zones.filter((z) => z.properties.level === level);
    const zoned = ds.schools.filter(
      (s) => s.properties.ownership === 'public' && (s.properties.opens ?? 0) <= ds.baseYear && teaches(s.properties.level, level),
    );
    const ids = features.map((z) => z.properties.school_id);
    const expected = zoned.map((s) => s.properties.id);
    report.require(
      ids.length === expected.length && expected.every((id) => ids.includes(id)),
      `one zone per open public school teaching the level: ${features.length} zones, ${expected.length} schools`,
    );
    const unknown = ids.filter((id) => !expected.includes(id));
    report.require(unknown.length === 0, `no zone for a private, planned or unknown school${unknown.length ? `: ${unknown.join(', ')}` : ''}`);
    const kinked = features.filter((z) => kinks(z).features.length > 0).map((z) => z.properties.school_id);
    report.require(kinked.length === 0, `every polygon is free of self-intersections${kinked.length ? `: ${kinked.join(', ')}` : ''}`);
    const zones = features.map((feature) => ({ feature, bbox: bboxOf(feature), schoolId: feature.properties.school_id }));
    const sum = features.reduce((s, z) => s + area(z), 0);
    report.require(Math.abs(sum / countyArea - 1) <= 0.005,
      `zone areas sum to the county area: ${(sum / 1e6).toFixed(2)} of ${(countyArea / 1e6).toFixed(2)} km² (${((sum / countyArea - 1) * 100).toFixed(5)}%)`);
    let overlap = 0;
    for (let i = 0; i < zones.length; i++) {
      for (let j = i + 1; j < zones.length; j++) {
        const a = zones[i];
        const b = zones[j];
        if (!a || !b || !boxesMeet(a.bbox, b.bbox)) continue;
        const cut = intersect(featureCollection<Polygon | MultiPolygon>([a.feature, b.feature]));
        if (cut) overlap += area(cut);
      }
    }
    report.require(overlap <= 1e-6 * countyArea, `pairwise overlap area ${overlap.toFixed(3)} m² (limit ${(1e-6 * countyArea).toFixed(0)} m²)`);
    const homeless = zoned.filter((s) => {
      const own = zones.find((z) => z.schoolId === s.properties.id);
      return !own || !booleanPointInPolygon(s.geometry.coordinates, own.feature);
    });
    report.require(homeless.length === 0, `every school stands inside its own zone${homeless.length ? `: ${homeless.map((s) => s.properties.id).join(', ')}` : ''}`);
    const counts = features.map((z) => vertexCount(z.geometry)).sort((a, b) => a - b);
    const median = counts[counts.length >> 1] ?? 0;
    report.require(median >= 48 && median <= 320,
      `vertices per zone: median ${median} (min ${counts[0]}, max ${counts[counts.length - 1]}), multi-part zones ${features.filter((z) => z.geometry.type === 'MultiPolygon').length}`);
    return { level, zones };
  });
}
