import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { School, ZoneSet } from '../core/dataset';
import { teachesLevel, ZONE_LEVELS, type ZoneLevel } from '../core/rules';
import { DataError, featuresOf } from './dataError';

/** The zones of both levels, plus the normalised features for display. */
export interface ParsedZones {
  zones: Record<ZoneLevel, ZoneSet>;
  /** One feature per input feature, properties `school_id`, `level`, `zone` (index in its ZoneSet). */
  features: FeatureCollection<Polygon | MultiPolygon>;
}

function ringToFlat(file: string, where: string, ring: Position[]): Float64Array {
  let n = ring.length;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) n--;
  if (n < 3) throw new DataError(file, `${where}: a ring has fewer than 3 distinct points`);
  const flat = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [x, y] = ring[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new DataError(file, `${where}: a coordinate is not a number`);
    flat[2 * i] = x;
    flat[2 * i + 1] = y;
  }
  return flat;
}

/**
 * Parses `catchments.geojson`. Each feature must be a Polygon or MultiPolygon of a `level` the
 * school `school_id` teaches, and the school must be public. Several features of one school and
 * level form one zone. Throws a DataError naming the feature on the first problem.
 */
export function parseZones(file: string, text: string, schools: School[]): ParsedZones {
  const features = featuresOf(file, text);
  const schoolIndex = new Map(schools.map((s, i) => [s.id, i]));
  const zoneOf = { primary: new Map<number, number>(), junior: new Map<number, number>() };
  const rings: Record<ZoneLevel, Float64Array[][]> = { primary: [], junior: [] };
  const out: ParsedZones['features'] = { type: 'FeatureCollection', features: [] };
  features.forEach((f, index) => {
    const p = (f?.properties ?? {}) as Record<string, unknown>;
    const id = typeof p.school_id === 'number' ? String(p.school_id) : p.school_id;
    const where = `feature ${index + 1}${typeof id === 'string' ? ` (school_id "${id}")` : ''}`;
    const g = f?.geometry;
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') {
      throw new DataError(file, `${where}: geometry must be a Polygon or MultiPolygon`);
    }
    if (typeof id !== 'string') throw new DataError(file, `${where}: missing "school_id"`);
    const s = schoolIndex.get(id);
    if (s === undefined) throw new DataError(file, `${where}: school_id "${id}" is not in the schools file`);
    const level = p.level as ZoneLevel;
    if (!ZONE_LEVELS.includes(level)) {
      throw new DataError(file, `${where}: "level" must be primary or junior, got ${JSON.stringify(p.level)}`);
    }
    const school = schools[s];
    if (school.ownership === 'private') throw new DataError(file, `${where}: ${school.name} is private and has no zone`);
    if (!teachesLevel(school.level, level)) {
      throw new DataError(file, `${where}: ${school.name} (${school.level}) does not teach ${level} grades`);
    }
    let z = zoneOf[level].get(s);
    if (z === undefined) {
      z = rings[level].length;
      zoneOf[level].set(s, z);
      rings[level].push([]);
    }
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const polygon of polygons) for (const ring of polygon) rings[level][z].push(ringToFlat(file, where, ring));
    out.features.push({ type: 'Feature', geometry: g, properties: { school_id: id, level, zone: z } });
  });
  const zones = {} as Record<ZoneLevel, ZoneSet>;
  for (const level of ZONE_LEVELS) {
    zones[level] = { level, zoneSchool: Int32Array.from(zoneOf[level].keys()), rings: rings[level] };
  }
  return { zones, features: out };
}
