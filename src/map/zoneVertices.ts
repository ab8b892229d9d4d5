import type { GeoJSONSourceDiff } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ZoneLevel } from '../core/rules';
import { zoneKey } from './zoneSource';

/** What the map knows of a zone vertex: the school it is moved through and whether several zones have it. */
export interface VertexProps {
  school: string;
  shared: boolean;
}

interface Vertex {
  id: number;
  at: [number, number];
  /** The zones that have the point, by zone key, each with its school ids. */
  zones: Map<string, string[]>;
  props: VertexProps;
}

/** The school a vertex is moved through: the first school of the zone with the smallest key (a shared zone's vertex moves through one of its schools). */
function propsOf(zones: Map<string, string[]>): VertexProps {
  let first = '';
  for (const key of zones.keys()) if (first === '' || key < first) first = key;
  return { school: zones.get(first)![0], shared: zones.size > 1 };
}

const schoolsOf = (f: Feature): string[] => f.properties?.school_ids ?? [f.properties?.school_id];

/**
 * The points of a level's zones for "move a boundary point", kept up to date edit by edit: an edit
 * changes a few zones, so only their points are gathered again and the map's source gets a diff of
 * the points added, removed or changed (ids stay with their point), instead of every point of every
 * zone gathered and sent again (tens of milliseconds of the page's thread on Shouguang).
 */
export function createZoneVertices() {
  const byPoint = new Map<string, Vertex>();
  const idToPoint = new Map<number, [number, number]>();
  let shownZones = new Map<string, Feature>();
  let level: ZoneLevel = 'primary';
  let nextId = 0;

  const pointKeys = (f: Feature): [string, [number, number]][] => {
    if (f.geometry.type !== 'MultiPolygon') return [];
    const out: [string, [number, number]][] = [];
    for (const ring of f.geometry.coordinates.flat()) for (const [x, y] of ring.slice(0, -1)) out.push([`${x},${y}`, [x, y]]);
    return out;
  };
  const levelZones = (zones: FeatureCollection) => new Map(zones.features.filter((f) => f.properties?.level === level && f.geometry.type === 'MultiPolygon').map((f) => [zoneKey(f), f]));
  const feature = (v: Vertex): Feature<Point, VertexProps> => ({ type: 'Feature', id: v.id, geometry: { type: 'Point', coordinates: v.at }, properties: v.props });

  const addZone = (key: string, f: Feature, touched: Set<Vertex>) => {
    for (const [k, at] of pointKeys(f)) {
      let v = byPoint.get(k);
      if (!v) {
        v = { id: -1, at, zones: new Map(), props: { school: '', shared: false } };
        byPoint.set(k, v);
      }
      v.zones.set(key, schoolsOf(f));
      touched.add(v);
    }
  };
  const removeZone = (key: string, f: Feature, touched: Set<Vertex>) => {
    for (const [k] of pointKeys(f)) {
      const v = byPoint.get(k);
      if (!v) continue;
      v.zones.delete(key);
      touched.add(v);
    }
  };

  return {
    /** Gathers every point of `at`'s zones afresh (a new dataset or level); returns them for the source's setData. */
    reset(zones: FeatureCollection, at: ZoneLevel): FeatureCollection<Point, VertexProps> {
      byPoint.clear();
      idToPoint.clear();
      level = at;
      shownZones = levelZones(zones);
      const touched = new Set<Vertex>();
      for (const [key, f] of shownZones) addZone(key, f, touched);
      const features: Feature<Point, VertexProps>[] = [];
      for (const v of byPoint.values()) {
        v.id = nextId++;
        v.props = propsOf(v.zones);
        idToPoint.set(v.id, v.at);
        features.push(feature(v));
      }
      return { type: 'FeatureCollection', features };
    },
    /** Takes the zones after an edit (the same level); returns the source diff of the points that changed, undefined when none did. */
    update(zones: FeatureCollection): GeoJSONSourceDiff | undefined {
      const next = levelZones(zones);
      const touched = new Set<Vertex>();
      for (const [key, f] of shownZones) if (next.get(key) !== f) removeZone(key, f, touched);
      for (const [key, f] of next) if (shownZones.get(key) !== f) addZone(key, f, touched);
      shownZones = next;
      const diff: Required<Pick<GeoJSONSourceDiff, 'add' | 'remove' | 'update'>> = { add: [], remove: [], update: [] };
      for (const v of touched) {
        if (v.zones.size === 0) {
          byPoint.delete(`${v.at[0]},${v.at[1]}`);
          if (v.id >= 0) {
            diff.remove.push(v.id);
            idToPoint.delete(v.id);
          }
          continue;
        }
        const props = propsOf(v.zones);
        if (v.id < 0) {
          v.id = nextId++;
          v.props = props;
          idToPoint.set(v.id, v.at);
          diff.add.push(feature(v));
        } else if (props.school !== v.props.school || props.shared !== v.props.shared) {
          v.props = props;
          diff.update.push({ id: v.id, addOrUpdateProperties: [{ key: 'school', value: props.school }, { key: 'shared', value: props.shared }] });
        }
      }
      return diff.add.length + diff.remove.length + diff.update.length === 0 ? undefined : diff;
    },
    /** The exact coordinates of the point with this id (rendered features come back rounded to the tile grid). */
    at: (id: number): [number, number] | undefined => idToPoint.get(id),
    /** The point's current properties, by id. */
    props: (id: number): VertexProps | undefined => {
      const at = idToPoint.get(id);
      return at && byPoint.get(`${at[0]},${at[1]}`)?.props;
    },
  };
}

/** The zone vertices kept by createZoneVertices. */
export type ZoneVertices = ReturnType<typeof createZoneVertices>;
