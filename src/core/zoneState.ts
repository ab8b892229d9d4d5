import type { School } from './school';
import { ZONE_LEVELS, type ZoneLevel } from './rules';

/** A MultiPolygon's coordinates: polygons of rings of [lon, lat] positions (WGS84 degrees). */
export type MultiPolygonCoords = [number, number][][][];

/** A school's facilities changed by a scenario: new values of facility fields and `classrooms`. */
export interface FacilityChange {
  values: Readonly<Record<string, number>>;
  /** The school year the change takes effect (undefined: already in the base year). */
  fromYear?: number;
}

/**
 * A zone several schools share (多校划片): the schools (indexes, ascending, at least two) and its
 * area. Its pupils are shared among the schools by resolveSharedZones.
 */
export interface SharedZone {
  schools: number[];
  polygons: MultiPolygonCoords;
}

/**
 * The state a scenario has reached: per level, each zoned school's area (school index → its
 * MultiPolygon), the zones shared by several schools, and the units (compounds, villages) assigned to a school whatever zone they lie in;
 * and the schools whose facilities the scenario changes. Immutable: an edit makes a new state
 * sharing every unchanged entry, so comparing entries by reference finds what changed, and keeping
 * old states is undo.
 */
export interface ZoneState {
  zones: Record<ZoneLevel, ReadonlyMap<number, MultiPolygonCoords>>;
  /**
   * Per level, the shared zones keyed by sharedZoneKey of their schools ("3,7"), in file order
   * (zones made by edits after the file's). In the overlap rule's file order they come after the
   * single-school zones.
   */
  shared: Record<ZoneLevel, ReadonlyMap<string, SharedZone>>;
  unitSchool: Record<ZoneLevel, ReadonlyMap<number, number>>;
  /** Schools whose zone of the level is locked: edits neither take from it nor change it. */
  locked: Record<ZoneLevel, ReadonlySet<number>>;
  facilities: ReadonlyMap<number, FacilityChange>;
}

/** The key of a shared zone: its schools' indexes, ascending, joined by commas ("3,7"). */
export function sharedZoneKey(schools: readonly number[]): string {
  return [...schools].sort((a, b) => a - b).join(',');
}

/** The state of zones as loaded: no unit assignments, nothing locked, no facility changes. */
export function createZoneState(zones: ZoneState['zones'], shared: ZoneState['shared'] = { primary: new Map(), junior: new Map() }): ZoneState {
  return { zones, shared, unitSchool: { primary: new Map(), junior: new Map() }, locked: { primary: new Set(), junior: new Set() }, facilities: new Map() };
}

/**
 * The schools as a state sees them in `year`: facility changes in effect by then replace the
 * dataset's values (`classrooms` included). Unchanged schools are the dataset's own objects.
 */
export function computeEffectiveSchools(schools: School[], state: ZoneState, year: number): School[] {
  if (state.facilities.size === 0) return schools;
  return schools.map((school, s) => {
    const change = state.facilities.get(s);
    if (!change || (change.fromYear !== undefined && change.fromYear > year)) return school;
    const { classrooms, ...facilities } = change.values;
    return { ...school, classrooms: classrooms ?? school.classrooms, facilities: { ...school.facilities, ...facilities } };
  });
}

/** Schools whose facility changes differ between two states. */
export function computeFacilityChanges(a: ZoneState, b: ZoneState): Set<number> {
  const changed = new Set<number>();
  for (const [s, c] of a.facilities) if (b.facilities.get(s) !== c) changed.add(s);
  for (const s of b.facilities.keys()) if (!a.facilities.has(s)) changed.add(s);
  return changed;
}

/** What differs between two states of one level: schools whose zone changed, shared zones (keys) changed, units reassigned. */
export interface StateChange {
  level: ZoneLevel;
  schools: Set<number>;
  shared: Set<string>;
  units: Set<number>;
}

/** The changes from `a` to `b`, per level (by reference: states share unchanged entries). */
export function computeStateChanges(a: ZoneState, b: ZoneState): StateChange[] {
  return ZONE_LEVELS.map((level) => {
    const schools = new Set<number>();
    for (const [s, g] of a.zones[level]) if (b.zones[level].get(s) !== g) schools.add(s);
    for (const s of b.zones[level].keys()) if (!a.zones[level].has(s)) schools.add(s);
    const units = new Set<number>();
    for (const [u, s] of a.unitSchool[level]) if (b.unitSchool[level].get(u) !== s) units.add(u);
    for (const u of b.unitSchool[level].keys()) if (!a.unitSchool[level].has(u)) units.add(u);
    const shared = new Set<string>();
    for (const [k, z] of a.shared[level]) if (b.shared[level].get(k) !== z) shared.add(k);
    for (const k of b.shared[level].keys()) if (!a.shared[level].has(k)) shared.add(k);
    return { level, schools, shared, units };
  });
}
