import type { GeoJSONSourceDiff, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { ZoneLevel } from '../core/rules';

/** The property a zone feature is keyed by on the map (the zones source's promoteId). */
export const ZONE_KEY = 'key';

/** A zone's key on the map: its level and school id (a shared zone's ids joined), unique per dataset. */
export function zoneKey(f: Feature): string {
  return `${f.properties?.level}|${f.properties?.school_id}`;
}

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
        map.setFeatureState({ source: 'zones', id: key }, { ...look });
      }
      shown = looks;
    },
    reset() {
      shown = new Map();
    },
  };
}
