import { isNotAZone } from '../notAZone';
import type { Feature, MultiPoint } from 'geojson';
import type { School } from '../dataset';
import { teachesLevel, ZONE_LEVELS, type ZoneLevel } from '../rules';
import type { MultiPolygonCoords } from '../zoneState';
import { zoneSchoolIds } from '../zoneSchoolIds';
import type { InvalidPolygonReason, ValidationItem, ZoneReferenceReason } from './types';
import { findPolygonProblem, type PolygonProblem } from './polygonProblems';
import { ringCrossings } from './ringCrossings';
import { schoolRef } from './schoolRef';

/** The usable zone features of both levels, and what was wrong with the others. */
export interface CheckedZones {
  /**
   * Per level: school index → the polygons of its usable features (closed rings), in file order.
   * A zone shared by several schools (多校划片) has the index of its entry in `sharedZones`.
   */
  zones: Record<ZoneLevel, Map<number, MultiPolygonCoords>>;
  /** Per level: school index (or shared zone index) → 1-based numbers of every feature naming it, usable or not. */
  features: Record<ZoneLevel, Map<number, number[]>>;
  /**
   * The shared zones as schools for the report, at indexes schools.length + k: id and name the
   * schools' joined by 、, the rest the first school's.
   */
  sharedZones: School[];
  /** Per level: the schools a feature names, alone or with others. */
  zoned: Record<ZoneLevel, Set<number>>;
  items: ValidationItem[];
}

type Checked = { polygons: MultiPolygonCoords } | { reason: InvalidPolygonReason; points: [number, number][] };

/** The feature's polygons with closed rings, or why they are unusable and the finite points seen. */
function checkGeometry(feature: Feature): Checked {
  const g = feature?.geometry;
  if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') return { reason: 'notPolygon', points: [] };
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) return { reason: 'notPolygon', points: [] };
  const points: [number, number][] = [];
  let reason: InvalidPolygonReason | undefined;
  const out: MultiPolygonCoords = [];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return { reason: 'notPolygon', points };
    const rings: [number, number][][] = [];
    for (const ring of polygon) {
      if (!Array.isArray(ring)) return { reason: 'notPolygon', points };
      const clean: [number, number][] = [];
      for (const p of ring) {
        const [x, y] = Array.isArray(p) ? p : [NaN, NaN];
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          reason = 'notFinite';
          continue;
        }
        points.push([x, y]);
        const last = clean[clean.length - 1];
        if (!last || last[0] !== x || last[1] !== y) clean.push([x, y]);
      }
      const [first, last] = [clean[0], clean[clean.length - 1]];
      if (clean.length > 1 && first[0] === last[0] && first[1] === last[1]) clean.pop();
      if (clean.length < 3) reason ??= 'tooFewPoints';
      else rings.push([...clean, [clean[0][0], clean[0][1]]]);
    }
    out.push(rings);
  }
  if (reason) return { reason, points };
  const problem = findPolygonProblem(polygons);
  if (problem) return { reason: PROBLEM_REASONS[problem.reason], points };
  return { polygons: out };
}

/** How a problem findPolygonProblem finds after the checks above is reported. */
const PROBLEM_REASONS: Record<PolygonProblem['reason'], InvalidPolygonReason> = {
  noRings: 'notPolygon', notPosition: 'notFinite', notLonLat: 'notLonLat', tooShort: 'tooFewPoints', notClosed: 'notClosed', zeroArea: 'zeroArea',
};

const multiPoint = (coordinates: [number, number][]): MultiPoint => ({ type: 'MultiPoint', coordinates });

/**
 * Checks each zone feature: its schools and level (as parseZones does, but reporting instead of
 * throwing; a feature may name several schools, see zoneSchoolIds), its geometry (a Polygon or
 * MultiPolygon whose rings have ≥ 3 distinct finite points, are closed, lie in longitude/latitude
 * degrees and enclose some area: findPolygonProblem) and self-intersections (rings that
 * cross; parts or holes that only touch at a point are fine). Unusable features are reported and
 * left out; self-intersecting ones are reported and kept, as the engine reads them even-odd. A feature
 * the import marked as holding no area (isNotAZone) is passed over: the import names it.
 */
export function checkZoneFeatures(features: readonly Feature[], schools: readonly School[]): CheckedZones {
  const schoolIndex = new Map<string, number>();
  schools.forEach((s, i) => { if (!schoolIndex.has(s.id)) schoolIndex.set(s.id, i); });
  const result: CheckedZones = {
    zones: { primary: new Map(), junior: new Map() }, features: { primary: new Map(), junior: new Map() }, sharedZones: [],
    zoned: { primary: new Set(), junior: new Set() }, items: [],
  };
  const sharedIndex = new Map<string, number>();
  features.forEach((f, index) => {
    if (isNotAZone(f)) return;
    const feature = index + 1;
    const p = (f?.properties ?? {}) as Record<string, unknown>;
    const ids = zoneSchoolIds(p, (id) => schoolIndex.has(id)) ?? [];
    const indexes = ids.map((id) => schoolIndex.get(id));
    const level = ZONE_LEVELS.includes(p.level as ZoneLevel) ? (p.level as ZoneLevel) : undefined;
    const refs = ids.map((id, k) => schoolRef(schools, id, indexes[k]));
    const refuse = (reason: ZoneReferenceReason, got?: string, at = refs) =>
      result.items.push({ kind: 'zoneReference', severity: 'error', level, schools: at, feature, reason, got });
    if (ids.length === 0) return refuse('missingSchoolId');
    const unknown = indexes.indexOf(undefined);
    if (unknown >= 0) return refuse('unknownSchool', ids[unknown]);
    if (level === undefined) return refuse('badLevel', JSON.stringify(p.level) ?? 'undefined');
    const members = indexes as number[];
    for (const [k, m] of members.entries()) {
      if (schools[m].ownership === 'private') return refuse('privateSchool', undefined, [refs[k]]);
      if (!teachesLevel(schools[m].level, level)) return refuse('wrongLevel', schools[m].level, [refs[k]]);
    }
    for (const m of members) result.zoned[level].add(m);
    let s = members[0];
    if (members.length > 1) {
      const key = `${level}|${[...members].sort((a, b) => a - b).join(',')}`;
      if (!sharedIndex.has(key)) {
        sharedIndex.set(key, schools.length + result.sharedZones.length);
        result.sharedZones.push({ ...schools[members[0]], id: ids.join('、'), name: members.map((m) => schools[m].name).join('、') });
      }
      s = sharedIndex.get(key)!;
    }
    const numbers = result.features[level].get(s);
    if (numbers) numbers.push(feature);
    else result.features[level].set(s, [feature]);
    const checked = checkGeometry(f);
    if ('reason' in checked) {
      result.items.push({
        kind: 'invalidPolygon', severity: 'error', level, schools: refs, feature, reason: checked.reason,
        geometry: checked.points.length > 0 ? multiPoint(checked.points) : undefined,
      });
      return;
    }
    const crossed = ringCrossings(checked.polygons);
    if (crossed.length > 0) {
      result.items.push({ kind: 'selfIntersection', severity: 'error', level, schools: refs, feature, crossings: crossed.length, geometry: multiPoint(crossed) });
    }
    const zone = result.zones[level].get(s);
    if (zone) zone.push(...checked.polygons);
    else result.zones[level].set(s, checked.polygons);
  });
  for (const level of ZONE_LEVELS) {
    for (const [s, numbers] of result.features[level]) {
      if (numbers.length > 1) {
        const school = s < schools.length ? schools[s] : result.sharedZones[s - schools.length];
        result.items.push({ kind: 'duplicateZone', severity: 'warning', level, schools: [{ id: school.id, name: school.name }], features: numbers });
      }
    }
  }
  return result;
}
