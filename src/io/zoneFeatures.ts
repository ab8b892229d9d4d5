import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { School } from '../core/dataset';
import { ZONE_LEVELS, type ZoneLevel } from '../core/rules';
import { computeStateChanges, type ZoneState } from '../core/zoneState';

/**
 * Properties of a zone feature: its school and level. A zone shared by several schools (多校划片)
 * has their ids in `school_ids` and joined by 、 in `school_id`.
 */
export interface ZoneProperties {
  school_id: string;
  level: ZoneLevel;
  school_ids?: string[];
}

type ZoneFeature = Feature<MultiPolygon, ZoneProperties>;

/** The separator of a shared zone's school ids in `school_id` (and of names in labels). */
export const SHARED_SEPARATOR = '、';

/** The properties of a zone of `level` given to the schools `ids` (one, or several sharing it). */
function zoneProperties(ids: string[], level: ZoneLevel): ZoneProperties {
  return ids.length === 1 ? { school_id: ids[0], level } : { school_id: ids.join(SHARED_SEPARATOR), level, school_ids: ids };
}

/**
 * The zones of a state as GeoJSON for the map and for export: per level the single-school zones,
 * then the shared ones; properties `school_id`, `level` (and `school_ids` for a shared zone).
 */
export function computeZoneFeatures(state: ZoneState, schools: School[]): FeatureCollection<MultiPolygon, ZoneProperties> {
  const features: ZoneFeature[] = ZONE_LEVELS.flatMap((level) => [
    ...[...state.zones[level]].map(([s, coordinates]) => ({ coordinates, ids: [schools[s].id] })),
    ...[...state.shared[level].values()].map((z) => ({ coordinates: z.polygons, ids: z.schools.map((s) => schools[s].id) })),
  ].map(({ coordinates, ids }) => ({
    type: 'Feature' as const,
    geometry: { type: 'MultiPolygon' as const, coordinates },
    properties: zoneProperties(ids, level),
  })));
  return { type: 'FeatureCollection', features };
}

/** One zone of a level after a step: its new geometry, or null when it has none left. */
export interface ZoneChange {
  level: ZoneLevel;
  /** The school's id; a shared zone's ids joined by 、. */
  schoolId: string;
  /** A shared zone's school ids. */
  schoolIds?: string[];
  geometry: MultiPolygon | null;
}

/** The zones that differ from state `a` to state `b` (a small message instead of every zone). */
export function computeZoneChanges(a: ZoneState, b: ZoneState, schools: School[]): ZoneChange[] {
  return computeStateChanges(a, b).flatMap(({ level, schools: changed, shared }) => [
    ...[...changed].map((s) => {
      const coordinates = b.zones[level].get(s);
      return { level, schoolId: schools[s].id, geometry: coordinates ? { type: 'MultiPolygon' as const, coordinates } : null };
    }),
    ...[...shared].map((key) => {
      const zone = b.shared[level].get(key);
      const ids = (zone ?? a.shared[level].get(key)!).schools.map((s) => schools[s].id);
      return { level, schoolId: ids.join(SHARED_SEPARATOR), schoolIds: ids, geometry: zone ? { type: 'MultiPolygon' as const, coordinates: zone.polygons } : null };
    }),
  ]);
}

/**
 * The zones GeoJSON with changes applied: a changed zone replaces its feature in place, a new one
 * is appended, a zone that is gone is dropped. The input is not modified.
 */
export function applyZoneChanges(zones: FeatureCollection<MultiPolygon, ZoneProperties>, changes: ZoneChange[]): FeatureCollection<MultiPolygon, ZoneProperties> {
  if (changes.length === 0) return zones;
  const key = (level: string, id: string) => `${level}|${id}`;
  const byKey = new Map(changes.map((c) => [key(c.level, c.schoolId), c]));
  const seen = new Set<string>();
  const features = zones.features.flatMap((f) => {
    const k = key(f.properties.level, f.properties.school_id);
    const change = byKey.get(k);
    if (!change) return [f];
    seen.add(k);
    return change.geometry ? [{ ...f, geometry: change.geometry }] : [];
  });
  for (const c of changes) {
    if (!seen.has(key(c.level, c.schoolId)) && c.geometry) features.push({ type: 'Feature', geometry: c.geometry, properties: zoneProperties(c.schoolIds ?? [c.schoolId], c.level) });
  }
  return { ...zones, features };
}
