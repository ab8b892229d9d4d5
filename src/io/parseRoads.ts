import type { Feature, Position } from 'geojson';
import type { DataProblemParams } from '../core/dataProblems';
import { BARRIER_KINDS, ROAD_CLASSES, type BarrierKind, type Polylines, type RoadClass } from '../core/distance/lines';
import { DataError, featuresOf } from './dataError';

type Where = NonNullable<DataProblemParams['where']>;

// OpenStreetMap `highway` / `fclass` values and common Chinese words, by road class.
const ROAD_WORDS: Record<RoadClass, string[]> = {
  motorway: ['motorway', 'motorway_link', '高速', '高速公路', '快速路'],
  arterial: ['arterial', 'trunk', 'trunk_link', 'primary', 'primary_link', 'secondary', 'secondary_link', '主干路', '主干道', '干道', '国道', '省道', '县道'],
  local: ['local', 'tertiary', 'tertiary_link', 'residential', 'unclassified', 'living_street', 'service', 'road', '次干路', '支路', '街道', '乡道', '村道'],
  path: ['path', 'footway', 'pedestrian', 'track', 'cycleway', 'steps', 'bridleway', '小路', '步道', '人行道', '机耕路'],
};
const BARRIER_WORDS: Record<BarrierKind, string[]> = {
  river: ['river', 'stream', 'canal', 'water', 'waterway', '河', '河流', '水系', '渠', '运河'],
  railway: ['railway', 'rail', '铁路', '铁道'],
  motorway: ['motorway', '高速', '高速公路'],
};
const CLASS_KEYS = ['class', 'fclass', 'highway', '等级', '道路等级', '类型'];
const KIND_KEYS = ['kind', 'fclass', 'type', 'waterway', 'railway', '类型', '种类'];
const NAME_KEYS = ['name', '名称', '道路名称', 'NAME'];

const isLonLat = (x: unknown, y: unknown): boolean =>
  typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90;

function lookup<K extends string>(words: Record<K, string[]>, value: unknown): K | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return (Object.keys(words) as K[]).find((k) => words[k].includes(v));
}

function firstValue(p: Record<string, unknown>, keys: string[]): unknown {
  for (const k of keys) if (p[k] !== undefined && p[k] !== null && p[k] !== '') return p[k];
  return undefined;
}

/** The lines of a feature's geometry: LineString, MultiLineString, or (polygons allowed) each ring. */
function linesOf(file: string, f: Feature, where: Where, polygons: boolean): Position[][] {
  const g = f?.geometry;
  const type = g?.type;
  if (type === 'LineString') return [g.coordinates];
  if (type === 'MultiLineString') return g.coordinates;
  if (polygons && type === 'Polygon') return g.coordinates;
  if (polygons && type === 'MultiPolygon') return g.coordinates.flat();
  throw new DataError(file, 'notLine', { where, value: polygons ? ' (or Polygon, MultiPolygon)' : '' });
}

/**
 * Parses line features into Polylines. Each feature's kind comes from `kindOf` (a DataError when it
 * cannot be told); every line needs ≥ 2 positions of longitude/latitude degrees. Throws a
 * DataError naming the feature and the line on the first problem.
 */
function parseLines(file: string, text: string, polygons: boolean, kindOf: (p: Record<string, unknown>, where: Where) => number): Polylines {
  const features = featuresOf(file, text);
  const coords: number[] = [];
  const start: number[] = [0];
  const kind: number[] = [];
  const name: string[] = [];
  features.forEach((f, index) => {
    const p = (f?.properties ?? {}) as Record<string, unknown>;
    const id = firstValue(p, ['id', ...NAME_KEYS]);
    const where: Where = { feature: index + 1, idKey: 'id', id: id === undefined ? undefined : String(id) };
    const k = kindOf(p, where);
    const label = firstValue(p, NAME_KEYS);
    linesOf(file, f, where, polygons).forEach((line, n) => {
      if (!Array.isArray(line) || line.length < 2) throw new DataError(file, 'lineTooShort', { where, n: n + 1, got: String(Array.isArray(line) ? line.length : 0) });
      for (const pos of line) {
        if (!Array.isArray(pos) || !isLonLat(pos[0], pos[1])) throw new DataError(file, 'linePositionNotLonLat', { where, n: n + 1, got: JSON.stringify(pos)?.slice(0, 60) ?? 'undefined' });
        coords.push(pos[0], pos[1]);
      }
      start.push(coords.length / 2);
      kind.push(k);
      name.push(typeof label === 'string' ? label : '');
    });
  });
  return { coords: Float64Array.from(coords), start: Int32Array.from(start), kind: Uint8Array.from(kind), name };
}

/**
 * Parses `roads.geojson`: LineString or MultiLineString features with a `class` — motorway,
 * arterial, local or path (also OpenStreetMap highway values under `fclass` / `highway`, and
 * Chinese words such as 主干道, 支路) — and an optional `name`.
 */
export function parseRoads(file: string, text: string): Polylines {
  return parseLines(file, text, false, (p, where) => {
    const value = firstValue(p, CLASS_KEYS);
    const cls = lookup(ROAD_WORDS, value);
    if (cls === undefined) throw new DataError(file, 'badRoadClass', { where, value: ROAD_CLASSES.join(', '), got: JSON.stringify(value) ?? 'undefined' });
    return ROAD_CLASSES.indexOf(cls);
  });
}

/**
 * Parses `barriers.geojson`: lines, or polygons (read as their rings), with a `kind` — river,
 * railway or motorway (also 河, 铁路, 高速 …) — and an optional `name`.
 */
export function parseBarriers(file: string, text: string): Polylines {
  return parseLines(file, text, true, (p, where) => {
    const value = firstValue(p, KIND_KEYS);
    const kind = lookup(BARRIER_WORDS, value);
    if (kind === undefined) throw new DataError(file, 'badBarrierKind', { where, value: BARRIER_KINDS.join(', '), got: JSON.stringify(value) ?? 'undefined' });
    return BARRIER_KINDS.indexOf(kind);
  });
}
