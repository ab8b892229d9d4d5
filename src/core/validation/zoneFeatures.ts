import type { Feature, MultiPoint } from 'geojson';
import type { School } from '../dataset';
import { teachesLevel, ZONE_LEVELS, type ZoneLevel } from '../rules';
import type { MultiPolygonCoords } from '../zoneState';
import type { InvalidPolygonReason, ValidationItem, ZoneReferenceReason } from './types';
import { ringCrossings } from './ringCrossings';
import { schoolRef } from './schoolRef';

/** The usable zone features of both levels, and what was wrong with the others. */
export interface CheckedZones {
  /** Per level: school index → the polygons of its usable features (closed rings), in file order. */
  zones: Record<ZoneLevel, Map<number, MultiPolygonCoords>>;
  /** Per level: school index → 1-based numbers of every feature naming it, usable or not. */
  features: Record<ZoneLevel, Map<number, number[]>>;
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
  return reason ? { reason, points } : { polygons: out };
}

const multiPoint = (coordinates: [number, number][]): MultiPoint => ({ type: 'MultiPoint', coordinates });

/**
 * Checks each zone feature: its school and level (as parseZones does, but reporting instead of
 * throwing), its geometry (a Polygon or MultiPolygon whose rings have ≥ 3 distinct finite points)
 * and self-intersections (rings that cross; parts or holes that only touch at a point are fine).
 * Unusable features are reported and left out; self-intersecting ones are reported and kept, as the
 * engine reads them even-odd.
 */
export function checkZoneFeatures(features: readonly Feature[], schools: readonly School[]): CheckedZones {
  const schoolIndex = new Map<string, number>();
  schools.forEach((s, i) => { if (!schoolIndex.has(s.id)) schoolIndex.set(s.id, i); });
  const result: CheckedZones = { zones: { primary: new Map(), junior: new Map() }, features: { primary: new Map(), junior: new Map() }, items: [] };
  features.forEach((f, index) => {
    const feature = index + 1;
    const p = (f?.properties ?? {}) as Record<string, unknown>;
    const id = typeof p.school_id === 'number' ? String(p.school_id) : p.school_id;
    const s = typeof id === 'string' ? schoolIndex.get(id) : undefined;
    const level = ZONE_LEVELS.includes(p.level as ZoneLevel) ? (p.level as ZoneLevel) : undefined;
    const refs = typeof id === 'string' && id !== '' ? [schoolRef(schools, id, s)] : [];
    const refuse = (reason: ZoneReferenceReason, got?: string) =>
      result.items.push({ kind: 'zoneReference', severity: 'error', level, schools: refs, feature, reason, got });
    if (typeof id !== 'string' || id === '') return refuse('missingSchoolId');
    if (s === undefined) return refuse('unknownSchool', id);
    if (level === undefined) return refuse('badLevel', JSON.stringify(p.level) ?? 'undefined');
    if (schools[s].ownership === 'private') return refuse('privateSchool');
    if (!teachesLevel(schools[s].level, level)) return refuse('wrongLevel', schools[s].level);
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
        result.items.push({ kind: 'duplicateZone', severity: 'warning', level, schools: [schoolRef(schools, schools[s].id, s)], features: numbers });
      }
    }
  }
  return result;
}
