import type { Dataset } from '../dataset';
import { ZONE_LEVELS, type Rules, type ZoneLevel } from '../rules';
import type { MultiPolygonCoords, ZoneState } from '../zoneState';
import { zoneSchools, type NoticeUnit } from './zoneNotice';

/** A zone of a level on the 学区查询 map: its school, or the schools sharing it (多校划片), and its polygons. */
export interface LookupZone {
  level: ZoneLevel;
  schools: number[];
  polygons: MultiPolygonCoords;
}

/** A searchable place: a compound or village at its point, or a named road through the zones it passes. */
export interface LookupPlace {
  kind: 'unit' | 'road';
  name: string;
  /** 街道/镇 of a unit, '' for a road or when not known. */
  town: string;
  /** A unit's point (longitude, latitude degrees); a road has none. */
  at?: [number, number];
  /** Per level, the zoned schools now (a unit: its zone's; a road: every zone it passes, each a list of schools) … */
  now: Record<ZoneLevel, number[][]>;
  /** … and under the dataset's own zoning (现状). */
  before: Record<ZoneLevel, number[][]>;
}

/** What the 学区查询 page shows: the zones of both levels, the schools they name, and the places to search. */
export interface LookupIndex {
  zones: LookupZone[];
  /** The schools the zones name (indexes into dataset.schools), in index order. */
  schools: number[];
  places: LookupPlace[];
}

// Road vertices farther apart than this (degrees, ~100 m) get points between them, so a zone a road crosses between two vertices is found.
const ROAD_STEP = 0.001;

/** The zones of a level under a state: each school's own, then the shared ones. */
function zonesOf(state: ZoneState, level: ZoneLevel): LookupZone[] {
  return [
    ...[...state.zones[level]].map(([s, polygons]) => ({ level, schools: [s], polygons })),
    ...[...state.shared[level].values()].map((z) => ({ level, schools: [...z.schools], polygons: z.polygons })),
  ];
}

/** Points along every line of a road (its vertices, and points every ~100 m between them). */
function roadPoints(coords: Float64Array, start: Int32Array, lines: number[]): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (const l of lines) {
    for (let i = start[l]; i < start[l + 1]; i++) {
      const [ax, ay] = [coords[2 * i], coords[2 * i + 1]];
      x.push(ax);
      y.push(ay);
      if (i + 1 === start[l + 1]) break;
      const [bx, by] = [coords[2 * i + 2], coords[2 * i + 3]];
      const steps = Math.floor(Math.hypot(bx - ax, by - ay) / ROAD_STEP);
      for (let k = 1; k <= steps; k++) {
        x.push(ax + ((bx - ax) * k) / (steps + 1));
        y.push(ay + ((by - ay) * k) / (steps + 1));
      }
    }
  }
  return { x, y };
}

const keyOf = (schools: number[]) => schools.join(',');

/** The distinct non-empty school lists of a run of points, in first-met order. */
function distinct(lists: number[][]): number[][] {
  const seen = new Map<string, number[]>();
  for (const l of lists) if (l.length > 0 && !seen.has(keyOf(l))) seen.set(keyOf(l), l);
  return [...seen.values()];
}

/**
 * The 学区查询 index of a scenario's zoning (`state`) against the dataset's own (现状): the zones
 * of both levels, and per unit (compound, village: `units[u]` names unit u) and per named road
 * of the dataset's road network, the school(s) zoned at each level now and before — a unit by
 * the school its point is zoned to (its assignment, else the zone holding it), a road by every
 * zone its lines pass through. Units without a point are left out. It holds no pupil: only zones,
 * schools, units' points and roads.
 */
export function computeLookupIndex(dataset: Dataset, state: ZoneState, units: readonly NoticeUnit[], rules: Rules): LookupIndex {
  const zones = ZONE_LEVELS.flatMap((level) => zonesOf(state, level));
  const schools = [...new Set(zones.flatMap((z) => z.schools))].sort((a, b) => a - b);
  const U = dataset.unitIds.length;
  const unitIndex = Int32Array.from({ length: U }, (_, u) => u);
  const perLevel = (s: ZoneState, x: Float64Array, y: Float64Array, unit: Int32Array) =>
    Object.fromEntries(ZONE_LEVELS.map((level) => [level, zoneSchools(dataset, s, level, x, y, unit, rules)])) as Record<ZoneLevel, number[][]>;
  const unitsNow = perLevel(state, dataset.unitX, dataset.unitY, unitIndex);
  const unitsBefore = state === dataset.zoneState ? unitsNow : perLevel(dataset.zoneState, dataset.unitX, dataset.unitY, unitIndex);
  const places: LookupPlace[] = [];
  for (let u = 0; u < U; u++) {
    if (!Number.isFinite(dataset.unitX[u]) || !Number.isFinite(dataset.unitY[u])) continue;
    const pick = (by: Record<ZoneLevel, number[][]>) => Object.fromEntries(ZONE_LEVELS.map((l) => [l, by[l][u].length > 0 ? [by[l][u]] : []])) as Record<ZoneLevel, number[][]>;
    places.push({ kind: 'unit', name: units[u].name, town: units[u].town, at: [dataset.unitX[u], dataset.unitY[u]], now: pick(unitsNow), before: pick(unitsBefore) });
  }
  const roads = dataset.roads;
  if (roads) {
    const linesByName = new Map<string, number[]>();
    roads.name.forEach((name, l) => {
      if (name.trim() !== '') linesByName.set(name.trim(), [...(linesByName.get(name.trim()) ?? []), l]);
    });
    // Every road's points in one run (a lookup builds a grid over its points: one per level and zoning, not per road).
    const xs: number[] = [];
    const ys: number[] = [];
    const spans: [string, number, number][] = [];
    for (const [name, lines] of linesByName) {
      const { x, y } = roadPoints(roads.coords, roads.start, lines);
      spans.push([name, xs.length, xs.length + x.length]);
      xs.push(...x);
      ys.push(...y);
    }
    const [px, py] = [Float64Array.from(xs), Float64Array.from(ys)];
    const none = new Int32Array(xs.length).fill(-1);
    const now = perLevel(state, px, py, none);
    const before = state === dataset.zoneState ? now : perLevel(dataset.zoneState, px, py, none);
    for (const [name, from, to] of spans) {
      const pick = (by: Record<ZoneLevel, number[][]>) => Object.fromEntries(ZONE_LEVELS.map((l) => [l, distinct(by[l].slice(from, to))])) as Record<ZoneLevel, number[][]>;
      places.push({ kind: 'road', name, town: '', now: pick(now), before: pick(before) });
    }
  }
  return { zones, schools, places };
}
