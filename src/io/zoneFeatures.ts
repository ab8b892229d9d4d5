import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { School } from '../core/dataset';
import { ZONE_LEVELS, type ZoneLevel } from '../core/rules';
import { computeStateChanges, type ZoneState } from '../core/zoneState';

/** Properties of a zone feature: its school and level. */
export interface ZoneProperties {
  school_id: string;
  level: ZoneLevel;
}

type ZoneFeature = Feature<MultiPolygon, ZoneProperties>;

/** The zones of a state as GeoJSON for the map and for export: properties `school_id`, `level`. */
export function computeZoneFeatures(state: ZoneState, schools: School[]): FeatureCollection<MultiPolygon, ZoneProperties> {
  const features: ZoneFeature[] = ZONE_LEVELS.flatMap((level) =>
    [...state.zones[level]].map(([s, coordinates]) => ({
      type: 'Feature' as const,
      geometry: { type: 'MultiPolygon' as const, coordinates },
      properties: { school_id: schools[s].id, level },
    })),
  );
  return { type: 'FeatureCollection', features };
}

/** One school's zone of a level after a step: its new geometry, or null when it has none left. */
export interface ZoneChange {
  level: ZoneLevel;
  schoolId: string;
  geometry: MultiPolygon | null;
}

/** The zones that differ from state `a` to state `b` (a small message instead of every zone). */
export function computeZoneChanges(a: ZoneState, b: ZoneState, schools: School[]): ZoneChange[] {
  return computeStateChanges(a, b).flatMap(({ level, schools: changed }) =>
    [...changed].map((s) => {
      const coordinates = b.zones[level].get(s);
      return { level, schoolId: schools[s].id, geometry: coordinates ? { type: 'MultiPolygon' as const, coordinates } : null };
    }),
  );
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
    if (!seen.has(key(c.level, c.schoolId)) && c.geometry) features.push({ type: 'Feature', geometry: c.geometry, properties: { school_id: c.schoolId, level: c.level } });
  }
  return { ...zones, features };
}
