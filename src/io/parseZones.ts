import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { School, ZoneSet } from '../core/dataset';
import { computeZoneSet, type MultiPolygonCoords } from '../core/zoneState';
import { teachesLevel, ZONE_LEVELS, type ZoneLevel } from '../core/rules';
import { DataError, featuresOf } from './dataError';
import type { DataProblemParams } from '../core/dataProblems';

type Where = NonNullable<DataProblemParams['where']>;

/** The zones of both levels, plus the normalised features for display. */
export interface ParsedZones {
  zones: Record<ZoneLevel, ZoneSet>;
  /** Each zoned school's area per level (school index → MultiPolygon), in file order. */
  geometry: Record<ZoneLevel, Map<number, MultiPolygonCoords>>;
  /** One feature per input feature, properties `school_id`, `level`, `zone` (index in its ZoneSet). */
  features: FeatureCollection<Polygon | MultiPolygon>;
}

function checkRing(file: string, where: Where, ring: Position[]): [number, number][] {
  const distinct = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
  if (distinct < 3) throw new DataError(file, 'shortRing', { where });
  for (const [x, y] of ring) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new DataError(file, 'notNumber', { where });
  }
  return ring.map(([x, y]) => [x, y]);
}

/**
 * Parses `catchments.geojson`. Each feature must be a Polygon or MultiPolygon of a `level` the
 * school `school_id` teaches, and the school must be public. Several features of one school and
 * level form one zone. Throws a DataError naming the feature on the first problem.
 */
export function parseZones(file: string, text: string, schools: School[]): ParsedZones {
  const features = featuresOf(file, text);
  const schoolIndex = new Map(schools.map((s, i) => [s.id, i]));
  const geometry: ParsedZones['geometry'] = { primary: new Map(), junior: new Map() };
  const out: ParsedZones['features'] = { type: 'FeatureCollection', features: [] };
  features.forEach((f, index) => {
    const p = (f?.properties ?? {}) as Record<string, unknown>;
    const id = typeof p.school_id === 'number' ? String(p.school_id) : p.school_id;
    const where: Where = { feature: index + 1, idKey: 'school_id', id: typeof id === 'string' ? id : undefined };
    const g = f?.geometry;
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') {
      throw new DataError(file, 'notPolygon', { where });
    }
    if (typeof id !== 'string') throw new DataError(file, 'missingProperty', { where, key: 'school_id' });
    const s = schoolIndex.get(id);
    if (s === undefined) throw new DataError(file, 'unknownSchool', { where, id });
    const level = p.level as ZoneLevel;
    if (!ZONE_LEVELS.includes(level)) {
      throw new DataError(file, 'badLevel', { where, value: 'primary, junior', got: JSON.stringify(p.level) ?? 'undefined' });
    }
    const school = schools[s];
    if (school.ownership === 'private') throw new DataError(file, 'privateZone', { where, school: school.name });
    if (!teachesLevel(school.level, level)) {
      throw new DataError(file, 'wrongLevel', { where, school: school.name, value: school.level, level });
    }
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((polygon) => polygon.map((ring) => checkRing(file, where, ring)));
    const zone = geometry[level].get(s);
    if (zone) zone.push(...polygons);
    else geometry[level].set(s, polygons);
    out.features.push({ type: 'Feature', geometry: g, properties: { school_id: id, level, zone: [...geometry[level].keys()].indexOf(s) } });
  });
  const zones = {} as Record<ZoneLevel, ZoneSet>;
  for (const level of ZONE_LEVELS) zones[level] = computeZoneSet(level, geometry[level]);
  return { zones, geometry, features: out };
}
