import { union } from 'polyclip-ts';
import type { School } from './school';
import { ZONE_LEVELS, type OverlapRule, type ZoneLevel } from './rules';

/**
 * The zones of one level as flat rings. Zone z belongs to school `zoneSchool[z]`; it is the union
 * of its polygons `polygons[z]`, each read even-odd over its rings (outer ring and holes), each ring
 * a closed or open list x0,y0,x1,y1,… of longitude/latitude degrees. Where zones overlap, a point
 * goes to the zone of lowest `rank[z]` (see OverlapRule).
 */
export interface ZoneSet {
  level: ZoneLevel;
  zoneSchool: Int32Array;
  polygons: Float64Array[][][];
  rank: Int32Array;
}

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

/** Flattens one level's zones into the polygons the zone grid reads, ranked by `rule`. */
export function computeZoneSet(level: ZoneLevel, zones: ReadonlyMap<number, MultiPolygonCoords>, rule: OverlapRule = 'smallestZone'): ZoneSet {
  const ranks = computeZoneRanks(zones, rule);
  return {
    level,
    zoneSchool: Int32Array.from(zones.keys()),
    polygons: [...zones.values()].map((polygons) => polygons.map((rings) => rings.map(flattenRing))),
    rank: Int32Array.from(zones.keys(), (s) => ranks.get(s)!),
  };
}

function flattenRing(ring: [number, number][]): Float64Array {
  let n = ring.length;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) n--;
  const flat = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    flat[2 * i] = ring[i][0];
    flat[2 * i + 1] = ring[i][1];
  }
  return flat;
}

const areaCache = new WeakMap<MultiPolygonCoords, number>();

/** Whether two of the polygons' bounding boxes meet: only then may the polygons overlap. */
function partsMayOverlap(polygons: MultiPolygonCoords): boolean {
  const boxes = polygons.map((rings) => {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of rings[0] ?? []) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    return [x0, y0, x1, y1];
  });
  return boxes.some((a, i) => boxes.some((b, j) => j > i && a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]));
}

/**
 * The land of a zone's polygons for its area: their union where two may overlap (polyclip), else
 * the polygons. Rings polyclip cannot union (some that cross themselves) are left as they are: their
 * areas are added up.
 */
export function zoneLand(polygons: MultiPolygonCoords): MultiPolygonCoords {
  // Exact union only where parts may overlap: most zones are one polygon, or parts apart.
  if (polygons.length < 2 || !partsMayOverlap(polygons)) return polygons;
  try {
    return union(polygons[0], ...polygons.slice(1)) as MultiPolygonCoords;
  } catch {
    return polygons;
  }
}

/**
 * A zone's area in square degrees scaled by the cosine of its latitude (proportional to m² at
 * county scale): the area of its land (zoneLand: two features of one school that overlap, or one
 * given twice, count their shared land once), each polygon its outer ring less its holes. Cached
 * per geometry object (states are immutable and share unchanged zones).
 */
export function computeZoneArea(polygons: MultiPolygonCoords): number {
  let area = areaCache.get(polygons);
  if (area !== undefined) return area;
  const land = zoneLand(polygons);
  area = 0;
  for (const rings of land) {
    rings.forEach((ring, k) => {
      let twice = 0;
      let lat = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        twice += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
        lat += ring[i][1];
      }
      const a = (Math.abs(twice) / 2) * Math.cos(((lat / ring.length) * Math.PI) / 180);
      area! += k === 0 ? a : -a;
    });
  }
  areaCache.set(polygons, area);
  return area;
}

/**
 * The rank of every zone (school → rank, 0 wins) under an overlap rule: by area, smallest first,
 * ties by the map's order (file order); or by the map's order alone.
 */
export function computeZoneRanks(zones: ReadonlyMap<number, MultiPolygonCoords>, rule: OverlapRule): Map<number, number> {
  const order = [...zones.keys()];
  if (rule === 'smallestZone') {
    const area = new Map(order.map((s) => [s, computeZoneArea(zones.get(s)!)]));
    order.sort((a, b) => area.get(a)! - area.get(b)!);
  }
  return new Map(order.map((s, rank) => [s, rank]));
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
