import { Map as MapLibreMap, NavigationControl, Popup, ScaleControl, setWorkerUrl, type GeoJSONSource, type MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { formatNumber, translate } from '../i18n/format';
import { displayName, schoolStatus } from '../store/selectors';
import { uiActions, useAppStore, type AppState } from '../store/store';
import { assignUnitToSelected } from '../app/editActions';
import { timingMeasure } from '../app/timing';
import { createDrawController, isFinishingClick } from './drawController';
import { createVertexDrag } from './vertexDrag';
import { createPupilDots } from './pupilDots';
import { addDatasetLayers, LAYER, sharedZoneFilter, zoneFillColor } from './layers';
import { createZoneLooks, zoneDiff, zoneKey, type ZoneLook } from './zoneSource';
import { BASE_STYLE } from './style';
import type { ZoneLevel } from '../core/rules';
import { SHARED_SEPARATOR } from '../io/zoneFeatures';

setWorkerUrl(workerUrl);

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * A shared zone's tooltip: its schools' names (多校划片), then the zone's pupils each school takes
 * (kept and drawn), e.g. "汇文学校、圣城小学（多校划片）· 汇文学校 8，圣城小学 3".
 */
function sharedZoneText(s: AppState, ids: string[]): string {
  const name = (id: string) => {
    const r = s.result?.schools.find((x) => x.id === id);
    return r ? displayName(r, s.locale) : id;
  };
  const list = s.locale === 'en' ? ', ' : '，';
  const zone = s.result?.shared?.find((z) => z.level === s.level && z.schoolIds.length === ids.length && z.schoolIds.every((id) => ids.includes(id)));
  const pupils = zone ? ` · ${zone.schoolIds.map((id, k) => `${name(id)} ${formatNumber(s.locale, zone.kept[k] + zone.drawn[k])}`).join(list)}` : '';
  return `${ids.map(name).join(s.locale === 'en' ? ', ' : SHARED_SEPARATOR)}${translate(s.locale, 'sharedSuffix')}${pupils}`;
}

/**
 * Each zone's look by its key: its school's (a shared zone's: none) utilization and status, whether
 * that school's zone is locked, and whether it is the selected school's.
 */
function looksOf(s: AppState): Map<string, ZoneLook> {
  const results = new Map(s.result?.schools.map((r) => [r.id, r]));
  const looks = new Map<string, ZoneLook>();
  for (const f of s.dataset?.zones.features ?? []) {
    const id = String(f.properties?.school_id);
    const r = results.get(id);
    const level = f.properties?.level as ZoneLevel;
    looks.set(zoneKey(f), { util: r?.utilization ?? -1, status: r ? schoolStatus(r) : -1, locked: !!r && s.lockedZones[level].includes(r.id), selected: !!r && r.id === s.selectedSchoolId });
  }
  return looks;
}

/**
 * Drives a MapLibre map from the store: adds a dataset's layers when it loads, recolours zones and
 * schools from results through feature-state, and turns clicks into selections. React only mounts
 * the container.
 */
export function createMapController(container: HTMLElement): { map: MapLibreMap; destroy: () => void } {
  const map = new MapLibreMap({
    container,
    style: BASE_STYLE,
    center: [118.79, 36.95],
    zoom: 9,
    attributionControl: false,
    localIdeographFontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 10 });

  const dots = createPupilDots(map);
  const zoneLooks = createZoneLooks(map);
  let shownVersion = 0;
  let shownZones: FeatureCollection | undefined;

  // What the map shows, by the state last applied: a change that arrives while the style is busy
  // is applied on the next styledata event, not lost.
  let applied: AppState | undefined;
  const sync = (s: AppState) => {
    if (!map.isStyleLoaded() || !s.dataset) return;
    let prev = applied;
    applied = s;
    if (s.datasetVersion !== shownVersion) {
      addDatasetLayers(map, s.dataset);
      // Without a county outline, the zones give the extent.
      const extent = s.dataset.county ?? (s.dataset.zones.features.length > 0 ? s.dataset.zones : undefined);
      if (extent) {
        const [x0, y0, x1, y1] = bbox(extent);
        map.fitBounds([x0, y0, x1, y1], { padding: 20, animate: false });
      }
      shownVersion = s.datasetVersion;
      shownZones = s.dataset.zones;
      zoneLooks.reset();
      prev = undefined;
    }
    const zonesChanged = s.dataset.zones !== shownZones;
    if (zonesChanged) {
      // An edit changed a few zones: only they are sent (and re-tiled); the others keep their state.
      const diff = zoneDiff(shownZones!, s.dataset.zones);
      if (diff) void (map.getSource('zones') as GeoJSONSource).updateData(diff);
      shownZones = s.dataset.zones;
    }
    if (s.pendingArea !== prev?.pendingArea) {
      (map.getSource('pending') as GeoJSONSource).setData(s.pendingArea ? { type: 'Feature', geometry: s.pendingArea, properties: {} } : { type: 'FeatureCollection', features: [] });
    }
    const reviewZones = s.load.status === 'review' ? s.load.zones : undefined;
    const prevReview = prev?.load.status === 'review' ? prev.load.zones : undefined;
    if (!prev || reviewZones !== prevReview) (map.getSource('review') as GeoJSONSource).setData(reviewZones ?? EMPTY);
    if (!prev || s.highlight !== prev.highlight) {
      (map.getSource('highlight') as GeoJSONSource).setData(s.highlight ? { type: 'Feature', geometry: s.highlight, properties: {} } : EMPTY);
      const [x0, y0, x1, y1] = s.highlight ? bbox(s.highlight) : [NaN, NaN, NaN, NaN];
      if (Number.isFinite(x0)) {
        map.fitBounds([x0, y0, x1, y1], { padding: { top: 60, bottom: 60, left: 60, right: 620 }, maxZoom: 15, animate: false });
      }
    }
    if (s.changedAreas !== prev?.changedAreas) {
      (map.getSource('changed') as GeoJSONSource).setData(s.changedAreas ?? { type: 'FeatureCollection', features: [] });
    }
    if (s.showChangedAreas !== prev?.showChangedAreas) {
      for (const id of [LAYER.changed, LAYER.changedLine]) map.setLayoutProperty(id, 'visibility', s.showChangedAreas ? 'visible' : 'none');
    }
    if (s.result !== prev?.result) {
      s.result?.schools.forEach((r, i) => map.setFeatureState({ source: 'schools', id: i }, { status: r.planned ? -1 : schoolStatus(r) }));
    }
    if (zonesChanged || s.result !== prev?.result || s.lockedZones !== prev?.lockedZones || s.selectedSchoolId !== prev?.selectedSchoolId) {
      zoneLooks.apply(looksOf(s));
    }
    // The density cells are handed over only when rebuilt; dots are asked for per view, when shown.
    const pupilsChanged = !!s.pupilLayers && s.pupilLayers !== prev?.pupilLayers;
    if (pupilsChanged) (map.getSource('density') as GeoJSONSource | undefined)?.setData(s.pupilLayers!.density);
    if (s.pupilMode !== prev?.pupilMode || pupilsChanged) {
      if (s.pupilMode === 'dots') dots.show();
      else dots.hide();
    }
    if (s.level !== prev?.level) {
      map.setFilter(LAYER.zones, ['==', ['get', 'level'], s.level]);
      map.setFilter(LAYER.sharedZones, sharedZoneFilter(s.level));
      map.setFilter(LAYER.zoneLines, ['==', ['get', 'level'], s.level]);
      map.setFilter(LAYER.zoneSelected, ['==', ['get', 'level'], s.level]);
      map.setFilter(LAYER.changed, ['==', ['get', 'level'], s.level]);
      map.setFilter(LAYER.changedLine, ['==', ['get', 'level'], s.level]);
    }
    if (s.colorBy !== prev?.colorBy) map.setPaintProperty(LAYER.zones, 'fill-color', zoneFillColor(s.colorBy));
    if (s.pupilMode !== prev?.pupilMode) {
      map.setLayoutProperty(LAYER.density, 'visibility', s.pupilMode === 'density' ? 'visible' : 'none');
      map.setLayoutProperty(LAYER.dots, 'visibility', s.pupilMode === 'dots' ? 'visible' : 'none');
    }
    if (s.selectedSchoolId !== prev?.selectedSchoolId) {
      const selected = s.dataset.schools.findIndex((sc) => sc.id === s.selectedSchoolId);
      s.dataset.schools.forEach((_, i) => map.setFeatureState({ source: 'schools', id: i }, { selected: i === selected }));
    }
  };

  let stopDrawing = () => {};
  let stopVertexDrag = () => {};
  map.on('load', () => {
    sync(useAppStore.getState());
    stopDrawing = createDrawController(map);
    stopVertexDrag = createVertexDrag(map);
  });
  map.on('styledata', () => {
    if (applied !== useAppStore.getState()) sync(useAppStore.getState());
  });
  const unsubscribe = useAppStore.subscribe((s) => {
    const start = performance.now();
    sync(s);
    // Read by the browser benchmark: how long the map's own update held the store's update.
    timingMeasure('map:sync', start);
  });

  /** The schools of the school or zone under the pointer: one, or those sharing a zone (多校划片). */
  const schoolsAt = (e: MapMouseEvent): string[] => {
    const s = useAppStore.getState();
    const hit = map.queryRenderedFeatures(e.point, { layers: [LAYER.schools, LAYER.zones].filter((l) => map.getLayer(l)) })[0];
    if (!hit || !s.dataset) return [];
    if (hit.layer.id === LAYER.schools) return [String(hit.properties.id)];
    const id = String(hit.properties.school_id);
    return hit.properties.school_ids === undefined ? [id] : id.split(SHARED_SEPARATOR);
  };
  map.on('click', (e) => {
    const s = useAppStore.getState();
    if (s.drawing || s.vertexMode || isFinishingClick()) return;
    const unit = s.unitPicking && map.getLayer(LAYER.units) ? map.queryRenderedFeatures(e.point, { layers: [LAYER.units] })[0] : undefined;
    if (unit) void assignUnitToSelected(String(unit.properties.id));
    else if (!s.unitPicking) uiActions.selectSchool(schoolsAt(e)[0]);
  });
  map.on('mousemove', (e) => {
    const s = useAppStore.getState();
    const unit = map.getLayer(LAYER.units) ? map.queryRenderedFeatures(e.point, { layers: [LAYER.units] })[0] : undefined;
    if (unit) {
      popup.setLngLat(e.lngLat).setText(String(unit.properties.name)).addTo(map);
      return;
    }
    const ids = schoolsAt(e);
    const rs = ids.flatMap((id) => s.result?.schools.filter((x) => x.id === id) ?? []);
    if (rs.length === 0) {
      popup.remove();
      return;
    }
    const text = rs.length === 1 ? `${displayName(rs[0], s.locale)} · ${formatNumber(s.locale, rs[0].enrollment)}` : sharedZoneText(s, ids);
    popup.setLngLat(e.lngLat).setText(text).addTo(map);
  });
  map.on('mouseout', () => popup.remove());

  return {
    map,
    destroy() {
      unsubscribe();
      stopDrawing();
      stopVertexDrag();
      dots.destroy();
      map.remove();
    },
  };
}
