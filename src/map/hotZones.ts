import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { ZoneLevel } from '../core/rules';
import { HOT_ZONES, keyedZones, zoneDiff, zonesApart } from './zoneSource';

/** How long the zones stay unedited before the zones source takes in the edited ones, ms. */
export const FOLD_IDLE_MS = 3000;

/**
 * Past this many changed zones (and a quarter of the level's), the zones source is given the zones
 * whole instead (another scenario, a balance applied): drawn twice, hot and hidden, they would cost
 * the GPU a second pass over most of the map until the fold.
 */
export const HOT_ZONES_MAX = 8;

/** The zones on the map, drawn from the zones source and the hot one (createHotZones). */
export interface HotZones {
  /** The zones source was just given `zones` of `level` whole: nothing is drawn from the hot source. */
  reset(zones: FeatureCollection, level: ZoneLevel): void;
  /** Gives the zones source `zones` of `level` whole (another level shown), then as reset. */
  showWhole(zones: FeatureCollection, level: ZoneLevel): void;
  /** Draws a new version of the zones; false when no zone of the shown level changed. */
  show(zones: FeatureCollection): boolean;
  destroy(): void;
}

/**
 * Draws edits from a small source over the zones source, as drawing tools keep a "hot" and a "cold"
 * source. An edit given to the zones source as a diff still re-tiles the whole source (geojson-vt
 * drops every tile the edit touches, the root too, and clips all zones again through each zoom):
 * 30–40 ms of MapLibre's worker and as much again in garbage collection, on each edit. Here an edit
 * only gives the hot source the zones changed since the zones source's version, and hides those in
 * the zones source by feature-state (`stale`, read by its layers' opacity). After FOLD_IDLE_MS
 * without edits the zones source takes them in (one diff) and, once it has re-tiled, the hot source
 * is emptied and the zones shown again: `redrawn` (the edit frame's hold) draws that in one frame.
 */
export function createHotZones(map: MapLibreMap, redrawn: () => void): HotZones {
  let level: ZoneLevel = 'primary';
  let held: FeatureCollection | undefined;
  let taking: FeatureCollection | undefined;
  let now: FeatureCollection | undefined;
  let hidden = new Set<string>();
  let hotCount = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setHidden = (next: Set<string>) => {
    for (const key of hidden) if (!next.has(key)) map.setFeatureState({ source: 'zones', id: key }, { stale: false });
    for (const key of next) if (!hidden.has(key)) map.setFeatureState({ source: 'zones', id: key }, { stale: true });
    hidden = next;
  };
  const setHot = (features: Feature[]) => {
    if (features.length === 0 && hotCount === 0) return;
    (map.getSource(HOT_ZONES) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
    hotCount = features.length;
  };
  const reset = (zones: FeatureCollection, shownLevel: ZoneLevel) => {
    clearTimeout(timer);
    setHidden(new Set());
    setHot([]);
    level = shownLevel;
    held = now = zones;
    taking = undefined;
  };
  const showWhole = (zones: FeatureCollection, shownLevel: ZoneLevel) => {
    (map.getSource('zones') as GeoJSONSource).setData(keyedZones(zones, shownLevel));
    reset(zones, shownLevel);
  };
  const draw = () => {
    if (!held || !now) return;
    const apart = zonesApart(now, taking ? [held, taking] : [held], level);
    const ofLevel = now.features.filter((f) => f.properties?.level === level).length;
    if (apart.hot.length > Math.max(HOT_ZONES_MAX, ofLevel / 4)) return showWhole(now, level);
    setHot(apart.hot);
    setHidden(apart.hidden);
  };
  const fold = () => {
    timer = undefined;
    if (!held || !now || taking) return;
    const diff = zoneDiff(held, now, level);
    if (!diff) return;
    taking = now;
    void (map.getSource('zones') as GeoJSONSource).updateData(diff);
  };
  const onData = () => {
    if (!taking || !map.isSourceLoaded('zones')) return;
    held = taking;
    taking = undefined;
    draw();
    redrawn();
    if (now !== held) later();
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(fold, FOLD_IDLE_MS);
  };
  map.on('sourcedata', onData);

  return {
    reset,
    showWhole,
    show(zones) {
      const changed = !!now && zoneDiff(now, zones, level) !== undefined;
      now = zones;
      if (!changed) return false;
      draw();
      later();
      return true;
    },
    destroy() {
      clearTimeout(timer);
      map.off('sourcedata', onData);
    },
  };
}
