import type { EditContext } from './editTypes';
import type { ZoneLevel } from './rules';
import type { MultiPolygonCoords, SharedZone, ZoneState } from './zoneState';

/**
 * One level's zones as edits see them, every zone keyed by a number: a single-school zone by its
 * school index, the k-th shared zone of the state by −1 − k. Edits take land from shared zones as
 * from any other zone, so the zones of a level that were a partition stay one.
 */
export function editableZones(state: ZoneState, level: ZoneLevel): Map<number, MultiPolygonCoords> {
  const zones = new Map(state.zones[level]);
  [...state.shared[level].values()].forEach((zone, k) => zones.set(-1 - k, zone.polygons));
  return zones;
}

/** The editable key of a level's shared zone `key`, or −1 − (number of shared zones) when the state has none by that key (a new one). */
export function sharedEditKey(state: ZoneState, level: ZoneLevel, key: string): number {
  const keys = [...state.shared[level].keys()];
  const at = keys.indexOf(key);
  return at >= 0 ? -1 - at : -1 - keys.length;
}

/**
 * The state with a level's zones replaced by `zones` (keyed as by editableZones): keys ≥ 0 are
 * single-school zones, keys < 0 the state's shared zones, or `added` (its editable key, sharedZone
 * key and schools) when it makes a new one. A shared zone whose area is unchanged stays the same
 * object, so computeStateChanges sees only what changed.
 */
export function withEditedZones(
  state: ZoneState,
  level: ZoneLevel,
  zones: ReadonlyMap<number, MultiPolygonCoords>,
  added?: { editKey: number; key: string; schools: number[] },
): ZoneState {
  const old = [...state.shared[level]];
  const single = new Map<number, MultiPolygonCoords>();
  const shared = new Map<string, SharedZone>();
  for (const [k, polygons] of zones) {
    if (k >= 0) {
      single.set(k, polygons);
      continue;
    }
    if (added && k === added.editKey) {
      shared.set(added.key, { schools: added.schools, polygons });
      continue;
    }
    const [key, zone] = old[-1 - k];
    shared.set(key, zone.polygons === polygons ? zone : { schools: zone.schools, polygons });
  }
  return { ...state, zones: { ...state.zones, [level]: single }, shared: { ...state.shared, [level]: shared } };
}

/** The name of an editable zone for messages: its school's, or a shared zone's schools joined by 、. */
export function editableZoneName(state: ZoneState, level: ZoneLevel, key: number, ctx: EditContext): string {
  if (key >= 0) return ctx.schools[key].name;
  return [...state.shared[level].values()][-1 - key].schools.map((s) => ctx.schools[s].name).join('、');
}
