import { Marker, type GeoJSONSource, type Map as MapLibreMap, type MapMouseEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { commitEdit } from '../app/editActions';
import { endLivePreview, endLivePreviewWith, previewLive } from '../app/livePreview';
import { timingMeasure } from '../app/timing';
import { useAppStore, type AppState } from '../store/store';
import { dragEdgesPath, edgeNeighbours } from './dragEdges';
import { createSvgLayer, mapPixels, svgElement } from './svgLayer';
import { createZoneVertices } from './zoneVertices';

const VERTICES = 'zone-vertices';

/**
 * "Move a boundary point": with the store's vertexMode on, the level's zone vertices are shown;
 * while one is dragged, what the edit would do is previewed at the pointer (livePreview); the
 * release commits one moveVertex edit, so every zone sharing the point follows.
 */
export function createVertexDrag(map: MapLibreMap): () => void {
  map.addSource(VERTICES, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: VERTICES,
    type: 'circle',
    source: VERTICES,
    minzoom: 11,
    layout: { visibility: 'none' },
    paint: { 'circle-radius': 4, 'circle-color': ['case', ['get', 'shared'], '#ffffff', '#ffe58f'], 'circle-stroke-color': '#0b3d62', 'circle-stroke-width': 1.5 },
  });
  // The point being dragged is a marker on the page, not a map source: following the pointer then
  // redraws no map frame, so the pointer's moves and the live figures are not held to the map's
  // frame rate (a few frames a second where WebGL is drawn in software).
  const handle = document.createElement('div');
  handle.className = 'vertex-drag-handle';
  const marker = new Marker({ element: handle });
  // The edges that meet at the point follow it too, drawn on the page over the map.
  const edges = createSvgLayer('vertex-drag-edges');
  const edgePath = svgElement('path');
  edges.appendChild(edgePath);
  const project = mapPixels(map);

  let drag: { from: [number, number]; school: string; neighbours: [number, number][] } | undefined;
  const vertices = createZoneVertices();

  const onDown = (e: MapMouseEvent) => {
    if (!useAppStore.getState().vertexMode) return;
    const { x, y } = e.point;
    const hit = map.queryRenderedFeatures([[x - 6, y - 6], [x + 6, y + 6]], { layers: [VERTICES] })[0];
    const from = hit && typeof hit.id === 'number' ? vertices.at(hit.id) : undefined;
    const school = from && vertices.props(hit.id as number)?.school;
    if (!from || !school) return;
    e.preventDefault();
    map.dragPan.disable();
    const s = useAppStore.getState();
    drag = { from, school, neighbours: s.dataset ? edgeNeighbours(s.dataset.zones, s.level, from) : [] };
    marker.setLngLat(from).addTo(map);
    edgePath.setAttribute('d', dragEdgesPath(drag.neighbours, from, project));
    // Under the dragged point's marker.
    handle.before(edges);
  };
  const onMove = (e: MapMouseEvent) => {
    if (!drag) return;
    const to: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    marker.setLngLat(to);
    edgePath.setAttribute('d', dragEdgesPath(drag.neighbours, to, project));
    // The figures follow the pointer: what the edit would do if dropped here (nothing applied).
    previewLive({ op: 'moveVertex', level: useAppStore.getState().level, schoolId: drag.school, from: drag.from, to }, [e.point.x, e.point.y], [map.getContainer().clientWidth, map.getContainer().clientHeight]);
  };
  // Drops so far: a drop's point and edges are taken away only if no drop or drag came after it.
  let drops = 0;
  const hideDragged = () => {
    marker.remove();
    edges.remove();
  };
  const onUp = (e: MapMouseEvent) => {
    if (!drag) return;
    const { from, school } = drag;
    drag = undefined;
    map.dragPan.enable();
    const to: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    if (to[0] === from[0] && to[1] === from[1]) {
      endLivePreview();
      return hideDragged();
    }
    // The point and its edges stay where they were dropped until the map has drawn the edit: taken
    // away at once, the old boundary showed again until the new one was drawn.
    const drop = ++drops;
    const hideIfLast = () => {
      if (drop === drops && !drag) hideDragged();
    };
    const edit = commitEdit({ op: 'moveVertex', level: useAppStore.getState().level, schoolId: school, from, to });
    endLivePreviewWith(edit);
    void edit.then((applied) => {
      if (applied) map.once('idle', hideIfLast);
      else hideIfLast();
    }, hideIfLast);
  };
  map.on('mousedown', onDown);
  map.on('mousemove', onMove);
  map.on('mouseup', onUp);

  // What the points' source holds: the zones and level they were gathered from, and whether they
  // follow the zones (they are not kept up to date while the points are hidden).
  let shown: Pick<AppState, 'vertexMode' | 'level' | 'datasetVersion'> & { zones?: FeatureCollection } = { vertexMode: false, level: 'primary', datasetVersion: -1 };
  let gathered: FeatureCollection | undefined;
  let updateTimer: ReturnType<typeof setTimeout> | undefined;
  const source = () => map.getSource(VERTICES) as GeoJSONSource;
  const updateOnIdle = () => {
    updateTimer = setTimeout(updateVertices);
  };
  const updateVertices = () => {
    const s = useAppStore.getState();
    if (!s.vertexMode || !s.dataset || !gathered || s.dataset.zones === gathered) return;
    const diff = vertices.update(s.dataset.zones);
    gathered = s.dataset.zones;
    if (diff) void source().updateData(diff);
  };
  const sync = (s: AppState) => {
    if (s.vertexMode === shown.vertexMode && s.level === shown.level && s.dataset?.zones === shown.zones && s.datasetVersion === shown.datasetVersion) return;
    map.setLayoutProperty(VERTICES, 'visibility', s.vertexMode ? 'visible' : 'none');
    const edited = s.vertexMode && shown.vertexMode && s.level === shown.level && s.datasetVersion === shown.datasetVersion && gathered !== undefined;
    // After an edit only the changed zones' points are sent, once the map has drawn the edit: the
    // points' source re-tiled in MapLibre's one worker would otherwise hold the edit's frame back.
    if (edited) {
      map.off('idle', updateOnIdle);
      map.once('idle', updateOnIdle);
    } else if (s.vertexMode && s.dataset) {
      gathered = s.dataset.zones;
      source().setData(vertices.reset(s.dataset.zones, s.level));
    } else gathered = undefined;
    shown = { vertexMode: s.vertexMode, level: s.level, datasetVersion: s.datasetVersion, zones: s.dataset?.zones };
  };
  const unsubscribe = useAppStore.subscribe((s) => {
    const start = performance.now();
    sync(s);
    timingMeasure('map:sync', start);
  });
  return () => {
    marker.remove();
    edges.remove();
    map.off('idle', updateOnIdle);
    clearTimeout(updateTimer);
    unsubscribe();
    map.off('mousedown', onDown);
    map.off('mousemove', onMove);
    map.off('mouseup', onUp);
  };
}
