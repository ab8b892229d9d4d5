import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource, type MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { schoolStatus, selectShownResult } from '../store/selectors';
import { shownState, uiActions, useAppStore, type AppState } from '../store/store';
import { assignUnitToSelected } from '../app/editActions';
import { createUnitFigures } from './unitFigures';
import { createDrawController, isFinishingClick } from './drawController';
import { createVertexDrag } from './vertexDrag';
import { createPupilDots } from './pupilDots';
import { addDatasetLayers, fillDetailLayers, LAYER, zoneFillColor } from './layers';
import { whenZonesDrawn } from './firstDraw';
import { createZoneLooks, HOT_ZONES, zoneKey, type ZoneLook } from './zoneSource';
import { createHotZones } from './hotZones';
import type { SimulationResult } from '../core/simulation';
import { timingMark, timingMeasure } from '../app/timing';
import { BASE_STYLE } from './style';
import type { ZoneLevel } from '../core/rules';
import { SHARED_SEPARATOR } from '../io/zoneFeatures';
import { createHoverTooltip } from './hoverTooltip';
import { showLabels, syncLabels, ZONE_LABEL_SOURCE } from './labels';
import { createLabelSource } from './labelSource';
import { syncSentPastLines, syncServiceRing } from './roadLayers';
import { createFocus } from './focus';
import { createChangeFlash } from './changeFlash';
import { createEditFrame } from './editFrame';
import { holdFirstFrame } from './firstFrame';
import { drawLabelChangesOnce } from './labelPlacementFrames';
import { createPendingLayers } from './pendingLayers';
import { syncWarningTiers } from './warningTiers';
import { syncBalanceMoves } from './balanceMoves';
import { syncDistanceBands } from './distanceBands';
import type { LoadSummary } from '../../workers/loadContract';

setWorkerUrl(workerUrl);

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

// How long the labels, the detail layers and the pupils' density wait for the zones' first frame before coming anyway.
const DETAILS_WAIT_MS = 3000;

// Labels appear at once: a fade keeps the map drawing frames for 300 ms after every edit.
const LABEL_FADE_MS = 0;

/**
 * Each zone's look by its key: its school's (a shared zone's: none) utilization and status in the
 * result shown, whether that school's zone is locked, and whether it is the selected school's.
 */
function looksOf(s: AppState, shown: SimulationResult | undefined): Map<string, ZoneLook> {
  const results = new Map(shown?.schools.map((r) => [r.id, r]));
  const looks = new Map<string, ZoneLook>();
  for (const f of s.dataset?.zones.features ?? []) {
    const r = results.get(String(f.properties?.school_id));
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
    fadeDuration: LABEL_FADE_MS,
    localIdeographFontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  });
  drawLabelChangesOnce(map, LABEL_FADE_MS);
  const startDrawing = holdFirstFrame(map);
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  const tooltip = createHoverTooltip(map);
  const unitFigures = createUnitFigures(map);
  // The style loads once (nothing sets another): it counts as loaded from the first time MapLibre
  // says so. map.isStyleLoaded() is false again whenever any source is loading (the last edit's
  // outline being tiled), and an edit that came then reached the map only at its next idle, with
  // the panels not held for it. Once a dataset's zones are on screen, an edit's sources and feature
  // state change while tiles load; a new dataset, until its zones are drawn, still waits for a
  // quiet style.
  let styleReady = false;
  const styleLoaded = () => (styleReady ||= !!map.isStyleLoaded());

  const dots = createPupilDots(map);
  const focus = createFocus(map);
  const flash = createChangeFlash(map);
  const zoneLooks = createZoneLooks(map);
  const zoneLabels = createLabelSource(map, ZONE_LABEL_SOURCE);
  const pending = createPendingLayers(map);
  const editFrame = createEditFrame(map, ['zones', HOT_ZONES, ZONE_LABEL_SOURCE], () => {
    // Read by the browser benchmark: the panels are let go of, with the map's frame.
    timingMark('edit:shown');
    shownState.release();
  });
  const hotZones = createHotZones(map, () => editFrame.hold());
  let shownVersion = 0;
  let shownZones: LoadSummary['zones'] | undefined;
  // The panels' numbers wait for an edit's map frame too: drawn apart, the page's frame and the
  // map's were drawn one after the other by a software GPU (SwiftShader), 40–90 ms more per edit.
  shownState.holdWhen((s, prev) => !!s.dataset && s.dataset.zones !== prev.dataset?.zones && s.datasetVersion === shownVersion && styleLoaded());
  // A key or a press anywhere shows the panels at once: a field being typed in must show what is typed.
  const showPanels = () => shownState.release();
  for (const type of ['keydown', 'pointerdown'] as const) window.addEventListener(type, showPanels, true);
  // The dataset version whose labels show and whose detail layers (and density) have their data: once its zones are on screen.
  let detailsFor = 0;
  let stopWaiting = () => {};
  const densitySource = () => map.getSource('density') as GeoJSONSource | undefined;
  const showDetails = (version: number) => {
    const s = useAppStore.getState();
    if (s.datasetVersion !== version || !s.dataset) return;
    showLabels(map, s, zoneLabels);
    fillDetailLayers(map, s.dataset);
    if (s.pupilLayers) densitySource()?.setData(s.pupilLayers.density);
    detailsFor = version;
    useAppStore.setState({ mapShownVersion: version });
  };

  // What the map shows, by the state last applied: a change that arrives while the style is busy
  // is applied on the next styledata event, not lost.
  let applied: AppState | undefined;
  const sync = (s: AppState) => {
    if (!styleLoaded() || !s.dataset || ((s.datasetVersion !== shownVersion || detailsFor !== shownVersion) && !map.isStyleLoaded())) return;
    let prev = applied;
    applied = s;
    if (s.datasetVersion !== shownVersion) {
      addDatasetLayers(map, s.dataset, s.level);
      startDrawing();
      // Without a county outline, the zones give the extent.
      const extent = s.dataset.county ?? (s.dataset.zones.features.length > 0 ? s.dataset.zones : undefined);
      if (extent) {
        const [x0, y0, x1, y1] = bbox(extent);
        map.fitBounds([x0, y0, x1, y1], { padding: 20, animate: false });
      }
      shownVersion = s.datasetVersion;
      shownZones = s.dataset.zones;
      zoneLooks.reset();
      zoneLabels.reset();
      prev = undefined;
      stopWaiting();
      const version = s.datasetVersion;
      stopWaiting = whenZonesDrawn(map, () => showDetails(version), DETAILS_WAIT_MS);
    }
    const zonesChanged = s.dataset.zones !== shownZones;
    // The zones source holds the shown level's zones (keyedZones): another level's are given whole.
    if (!prev) hotZones.reset(s.dataset.zones, s.level);
    else if (s.level !== prev.level) {
      hotZones.showWhole(s.dataset.zones, s.level);
      editFrame.hold();
    } else if (zonesChanged) {
      // An edit's zones are drawn from the hot source (see hotZones); the others keep their tiles and state.
      if (hotZones.show(s.dataset.zones)) editFrame.hold();
      else shownState.release();
    }
    if (zonesChanged) {
      flash.zonesReplaced(shownZones!, s.dataset.zones);
      shownZones = s.dataset.zones;
    }
    if (!prev || s.pendingArea !== prev.pendingArea) pending.show(s.pendingArea);
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
    // The base year's result or the projected year's the planner chose (year selector).
    const shown = selectShownResult(s);
    const shownChanged = shown !== (prev && selectShownResult(prev));
    if (shownChanged) {
      shown?.schools.forEach((r, i) => map.setFeatureState({ source: 'schools', id: i }, { status: r.planned ? -1 : schoolStatus(r) }));
    }
    // Only zones whose look changed get their feature-state set (see createZoneLooks).
    if (zonesChanged || shownChanged || s.lockedZones !== prev?.lockedZones || s.selectedSchoolId !== prev?.selectedSchoolId) {
      zoneLooks.apply(looksOf(s, shown));
    }
    // The density cells are handed over only when rebuilt; dots are asked for per view, when shown.
    const pupilsChanged = !!s.pupilLayers && s.pupilLayers !== prev?.pupilLayers;
    if (pupilsChanged && detailsFor === s.datasetVersion) densitySource()?.setData(s.pupilLayers!.density);
    if (s.pupilMode !== prev?.pupilMode || pupilsChanged) {
      if (s.pupilMode === 'dots') dots.show();
      else dots.hide();
    }
    if (s.level !== prev?.level) {
      map.setFilter(LAYER.changed, ['==', ['get', 'level'], s.level]);
      map.setFilter(LAYER.changedLine, ['==', ['get', 'level'], s.level]);
    }
    if (s.colorBy !== prev?.colorBy) for (const id of [LAYER.zones, LAYER.zonesHot]) map.setPaintProperty(id, 'fill-color', zoneFillColor(s.colorBy));
    if (s.pupilMode !== prev?.pupilMode) {
      map.setLayoutProperty(LAYER.density, 'visibility', s.pupilMode === 'density' ? 'visible' : 'none');
      map.setLayoutProperty(LAYER.dots, 'visibility', s.pupilMode === 'dots' ? 'visible' : 'none');
    }
    if (s.selectedSchoolId !== prev?.selectedSchoolId) {
      const selected = s.dataset.schools.findIndex((sc) => sc.id === s.selectedSchoolId);
      s.dataset.schools.forEach((_, i) => map.setFeatureState({ source: 'schools', id: i }, { selected: i === selected }));
    }
    syncWarningTiers(map, s, prev);
    syncDistanceBands(map, s, prev);
    syncSentPastLines(map, s, prev);
    syncLabels(map, s, prev, zoneLabels);
    syncServiceRing(map, s, prev);
    syncBalanceMoves(map, s, prev);
    focus.sync(s, prev);
  };

  let stopDrawing = () => {};
  let stopVertexDrag = () => {};
  map.on('load', () => {
    sync(useAppStore.getState());
    stopDrawing = createDrawController(map);
    stopVertexDrag = createVertexDrag(map);
  });
  // A change that arrived while the style was busy is applied at the next styledata event, or at the
  // latest when the map is idle (a busy source may end its loading without another styledata event).
  const catchUp = () => {
    if (applied !== useAppStore.getState()) sync(useAppStore.getState());
  };
  map.on('styledata', catchUp);
  map.on('idle', catchUp);
  // A new dataset's layers are built in a task of their own, after React has drawn its panels:
  // both in the store's update made one main-thread task of up to 280 ms at a million pupils.
  let switchQueued = false;
  const unsubscribe = useAppStore.subscribe((s) => {
    if (s.dataset && s.datasetVersion !== shownVersion) {
      if (!switchQueued) {
        switchQueued = true;
        setTimeout(() => {
          switchQueued = false;
          catchUp();
        });
      }
      return;
    }
    const start = performance.now();
    sync(s);
    // Read by the browser benchmark: how long the map's own update held the store's update.
    timingMeasure('map:sync', start);
  });

  /** The schools of the school or zone under the pointer: one, or those sharing a zone (多校划片). */
  const schoolsAt = (e: MapMouseEvent): string[] => {
    const s = useAppStore.getState();
    // A zone the hot source draws is still in the zones source, with its old shape, left undrawn.
    const hit = map.queryRenderedFeatures(e.point, { layers: [LAYER.schools, LAYER.zonesHot, LAYER.zones].filter((l) => map.getLayer(l)) }).find((f) => !f.state.stale);
    if (!hit || !s.dataset) return [];
    if (hit.layer.id === LAYER.schools) return [String(hit.properties.id)];
    const id = String(hit.properties.school_id);
    return hit.properties.school_ids === undefined ? [id] : id.split(SHARED_SEPARATOR);
  };
  map.on('click', (e) => {
    const s = useAppStore.getState();
    // A drawn area waits for its school in the panel: a click on the map must not change the choice.
    if (s.drawing || s.vertexMode || s.pendingArea || isFinishingClick()) return;
    const unit = s.unitPicking && map.getLayer(LAYER.units) ? map.queryRenderedFeatures(e.point, { layers: [LAYER.units] })[0] : undefined;
    if (unit) {
      const edit = assignUnitToSelected(String(unit.properties.id));
      unitFigures.clicked(edit);
      editFrame.awaiting(edit);
    } else if (!s.unitPicking) uiActions.selectSchool(schoolsAt(e)[0]);
  });
  map.on('mousemove', (e) => {
    const s = useAppStore.getState();
    // While live figures follow the pointer (a drag or an area being drawn), they say what matters there.
    if (s.livePreview && !s.unitPicking) return tooltip.hide();
    const hit = map.getLayer(LAYER.units) ? map.queryRenderedFeatures(e.point, { layers: [LAYER.units] })[0] : undefined;
    const unit = hit && { id: String(hit.properties.id), name: String(hit.properties.name ?? hit.properties.id) };
    if (unitFigures.pointedAt(s, unit, e.point)) return tooltip.hide();
    if (unit) tooltip.text(s, e.lngLat, unit.name);
    else tooltip.show(s, schoolsAt(e), e.lngLat);
  });
  map.on('mouseout', () => {
    unitFigures.left();
    tooltip.hide();
  });

  return {
    map,
    destroy() {
      stopWaiting();
      unsubscribe();
      shownState.holdWhen(undefined);
      shownState.release();
      for (const type of ['keydown', 'pointerdown'] as const) window.removeEventListener(type, showPanels, true);
      stopDrawing();
      stopVertexDrag();
      hotZones.destroy();
      unitFigures.destroy();
      editFrame.destroy();
      dots.destroy();
      tooltip.destroy();
      map.remove();
    },
  };
}
