import { isNotAZone } from '../core/notAZone';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { School, ZoneSet } from '../core/dataset';
import { sharedZoneKey, type MultiPolygonCoords, type SharedZone } from '../core/zoneState';
import { computeZoneSet } from '../core/zoneSet';
import { zoneSchoolIds } from '../core/zoneSchoolIds';
import { teachesLevel, ZONE_LEVELS, type ZoneLevel } from '../core/rules';
import { DataError, featuresOf } from './dataError';
import type { DataProblemParams } from '../core/dataProblems';
import { countPositions, findPolygonProblem } from '../core/validation/polygonProblems';

type Where = NonNullable<DataProblemParams['where']>;

/** The zones of both levels, plus the normalised features for display. */
export interface ParsedZones {
  /** The single-school zones of each level. */
  zones: Record<ZoneLevel, ZoneSet>;
  /** Each zoned school's area per level (school index → MultiPolygon), in file order. */
  geometry: Record<ZoneLevel, Map<number, MultiPolygonCoords>>;
  /** The zones shared by several schools per level (sharedZoneKey → zone), in file order. */
  shared: Record<ZoneLevel, Map<string, SharedZone>>;
  /**
   * One feature per input feature, properties `school_id` (a shared zone's ids joined by 、),
   * `level`, and `zone` (index in its ZoneSet) or `school_ids` (a shared zone's ids).
   */
  features: FeatureCollection<Polygon | MultiPolygon>;
}

/** Most positions a zones file may have: a county's zones drawn at survey detail have some 100,000; checks and the map slow down far beyond. */
export const MAX_ZONE_POSITIONS = 1_000_000;

const pair = ([x, y]: [number, number]) => `[${x}, ${y}]`;

/** The polygons of a zone feature's geometry as closed rings, or a DataError naming the feature and what is wrong (findPolygonProblem). */
function checkPolygons(file: string, where: Where, polygons: unknown): MultiPolygonCoords {
  const problem = findPolygonProblem(polygons);
  if (problem) {
    const n = problem.polygon;
    switch (problem.reason) {
      case 'noRings': throw new DataError(file, 'noRings', { where, n });
      case 'notPosition': throw new DataError(file, 'notPosition', { where, n });
      case 'notLonLat':
        if (problem.swapped) throw new DataError(file, 'swappedPosition', { where, got: pair(problem.position), key: 'catchments' });
        throw new DataError(file, 'positionNotLonLat', { where, n, got: pair(problem.position) });
      case 'tooShort': throw new DataError(file, 'ringTooShort', { where, n, got: String(problem.positions) });
      case 'notClosed': throw new DataError(file, 'ringNotClosed', { where, n, value: pair(problem.first), got: pair(problem.last) });
      case 'zeroArea': throw new DataError(file, 'zeroArea', { where, n });
    }
  }
  return (polygons as Position[][][]).map((polygon) => polygon.map((ring) => ring.map(([x, y]): [number, number] => [x, y])));
}

/**
 * Parses `catchments.geojson`. Each feature must be a Polygon or MultiPolygon of a `level` every
 * school it names teaches, and those schools must be public. A feature names one school, or
 * several that share it (多校划片: `school_ids` as a list, or ids joined by , 、 ; in `school_id`,
 * see zoneSchoolIds). Several features of one school (or one set of schools) and level form one
 * zone. Every ring must be closed, of at least 4 positions in longitude/latitude degrees, and enclose
 * some area (findPolygonProblem); a file of more than MAX_ZONE_POSITIONS positions is refused.
 * A feature the import marked as holding no area (isNotAZone: a pin, an empty placemark) is passed over.
 * Throws a DataError naming the feature (and the school at fault) on the first problem.
 */
export function parseZones(file: string, text: string, schools: School[]): ParsedZones {
  const features = featuresOf(file, text);
  const schoolIndex = new Map(schools.map((s, i) => [s.id, i]));
  const geometry: ParsedZones['geometry'] = { primary: new Map(), junior: new Map() };
  const shared: ParsedZones['shared'] = { primary: new Map(), junior: new Map() };
  const out: ParsedZones['features'] = { type: 'FeatureCollection', features: [] };
  const positions = features.reduce((n, f) => {
    const g = f?.geometry;
    return n + (g?.type === 'Polygon' ? countPositions([g.coordinates]) : g?.type === 'MultiPolygon' ? countPositions(g.coordinates) : 0);
  }, 0);
  if (positions > MAX_ZONE_POSITIONS) throw new DataError(file, 'tooManyPositions', { got: String(positions), max: MAX_ZONE_POSITIONS });
  features.forEach((f, index) => {
    if (isNotAZone(f)) return;
    const p = (f?.properties ?? {}) as Record<string, unknown>;
    const ids = zoneSchoolIds(p, (id) => schoolIndex.has(id));
    const named = ids && ids.length > 0 ? ids.join('、') : undefined;
    const where: Where = { feature: index + 1, idKey: 'school_id', id: named };
    const g = f?.geometry;
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') {
      throw new DataError(file, 'notPolygon', { where });
    }
    if (!ids || ids.length === 0) throw new DataError(file, 'missingProperty', { where, key: 'school_id' });
    const level = p.level as ZoneLevel;
    const members = ids.map((id) => {
      const s = schoolIndex.get(id);
      if (s === undefined) throw new DataError(file, 'unknownSchool', { where, id });
      return s;
    });
    if (!ZONE_LEVELS.includes(level)) {
      throw new DataError(file, 'badLevel', { where, value: 'primary, junior', got: JSON.stringify(p.level) ?? 'undefined' });
    }
    for (const s of members) {
      const school = schools[s];
      if (school.ownership === 'private') throw new DataError(file, 'privateZone', { where, school: school.name });
      if (!teachesLevel(school.level, level)) {
        throw new DataError(file, 'wrongLevel', { where, school: school.name, value: school.level, level });
      }
    }
    const polygons = checkPolygons(file, where, g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
    if (members.length > 1) {
      const key = sharedZoneKey(members);
      const zone = shared[level].get(key);
      if (zone) zone.polygons.push(...polygons);
      else shared[level].set(key, { schools: [...members].sort((a, b) => a - b), polygons });
      out.features.push({ type: 'Feature', geometry: g, properties: { school_id: named, school_ids: ids, level } });
      return;
    }
    const s = members[0];
    const zone = geometry[level].get(s);
    if (zone) zone.push(...polygons);
    else geometry[level].set(s, polygons);
    out.features.push({ type: 'Feature', geometry: g, properties: { school_id: ids[0], level, zone: [...geometry[level].keys()].indexOf(s) } });
  });
  const zones = {} as Record<ZoneLevel, ZoneSet>;
  for (const level of ZONE_LEVELS) zones[level] = computeZoneSet(level, geometry[level]);
  return { zones, geometry, shared, features: out };
}
