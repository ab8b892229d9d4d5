import type { GeoJSONSourceDiff, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { ZoneLevel } from '../core/rules';

/** The property a zone feature is keyed by on the map (the zones source's promoteId). */
export const ZONE_KEY = 'key';

/** A zone's key on the map: its level and school id (a shared zone's ids joined), unique per dataset. */
export function zoneKey(f: Feature): string {
  return `${f.properties?.level}|${f.properties?.school_id}`;
}

/**
 * The source of the zones an edit changed that the zones source has not taken in yet (see hotZones):
 * drawn over it, from a few features, so an edit re-tiles those alone.
 */
export const HOT_ZONES = 'zones-hot';

const keyed = (f: Feature): Feature => ({ ...f, properties: { ...f.properties, [ZONE_KEY]: zoneKey(f) } });

const ofLevel = (zones: FeatureCollection, level: ZoneLevel) => zones.features.filter((f) => f.properties?.level === level);

/**
 * The zones of the level shown as the map's source holds them: each feature with its key, which
 * feature-state is kept by. Only one level: MapLibre re-tiles a source from its whole data after
 * every change, so the other level's zones would be tiled again at every edit for nothing.
 */
export function keyedZones(zones: FeatureCollection, level: ZoneLevel): FeatureCollection {
  return { ...zones, features: ofLevel(zones, level).map(keyed) };
}

/**
 * What changed in the zones of `level` between two versions of the zones, as a source diff: zones
 * whose feature object is no longer the same (applyZoneChanges keeps unchanged ones) get their new
 * geometry, new zones are added and zones gone are removed. Only the tiles the changed zones touch
 * are then re-tiled, and the feature-state of the others is kept. Undefined when nothing changed.
 */
export function zoneDiff(before: FeatureCollection, after: FeatureCollection, level: ZoneLevel): GeoJSONSourceDiff | undefined {
  const old = new Map(ofLevel(before, level).map((f) => [zoneKey(f), f]));
  const add: Feature[] = [];
  const update: NonNullable<GeoJSONSourceDiff['update']> = [];
  for (const f of ofLevel(after, level)) {
    const key = zoneKey(f);
    const was = old.get(key);
    old.delete(key);
    if (!was) add.push(keyed(f));
    else if (was !== f) update.push({ id: key, newGeometry: f.geometry });
  }
  const remove = [...old.keys()];
  if (add.length + update.length + remove.length === 0) return undefined;
  return { remove, add, update };
}

/**
 * The zones of `level` in `now` that differ from every version the zones source may hold (`held`:
 * its data, and while it takes in a newer version, that one too), to be drawn from the hot source;
 * and the keys the zones source must not draw (zones changed or gone). Unchanged zones keep their
 * feature object (applyZoneChanges), so a zone differs when its object does.
 */
export function zonesApart(now: FeatureCollection, held: readonly FeatureCollection[], level: ZoneLevel): { hot: Feature[]; hidden: Set<string> } {
  const heldByKey = held.map((h) => new Map(ofLevel(h, level).map((f) => [zoneKey(f), f])));
  const hot: Feature[] = [];
  const hidden = new Set<string>();
  const present = new Set<string>();
  for (const f of ofLevel(now, level)) {
    const key = zoneKey(f);
    present.add(key);
    if (heldByKey.every((m) => m.get(key) === f)) continue;
    hot.push(keyed(f));
    hidden.add(key);
  }
  for (const m of heldByKey) for (const key of m.keys()) if (!present.has(key)) hidden.add(key);
  return { hot, hidden };
}

/**
 * Sets a zone's feature-state in the zones source and in the hot one: an edited zone is drawn from
 * the hot source until the zones source takes it in, and must look the same from either.
 */
export function setZoneState(map: MapLibreMap, key: string, state: Record<string, unknown>): void {
  map.setFeatureState({ source: 'zones', id: key }, state);
  if (map.getSource(HOT_ZONES)) map.setFeatureState({ source: HOT_ZONES, id: key }, state);
}

/** A zone's feature-state: its school's utilization and status (−1: none), locked, selected. */
export interface ZoneLook {
  util: number;
  status: number;
  locked: boolean;
  selected: boolean;
}

/**
 * Sets the zones' feature-state, only for zones whose look changed since the last call (setting
 * the state of every zone on every edit costs a repaint's worth of work for nothing).
 */
export function createZoneLooks(map: MapLibreMap): { apply(looks: Map<string, ZoneLook>): void; reset(): void } {
  let shown = new Map<string, ZoneLook>();
  return {
    apply(looks) {
      for (const [key, look] of looks) {
        const was = shown.get(key);
        if (was && was.util === look.util && was.status === look.status && was.locked === look.locked && was.selected === look.selected) continue;
        setZoneState(map, key, { ...look });
      }
      shown = looks;
    },
    reset() {
      shown = new Map();
    },
  };
}
