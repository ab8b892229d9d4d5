import { Marker, type GeoJSONSource, type Map as MapLibreMap, type MapMouseEvent } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { commitEdit } from '../app/editActions';
import { endLivePreview, previewLive } from '../app/livePreview';
import { timingMeasure } from '../app/timing';
import type { ZoneLevel } from '../core/rules';
import { useAppStore, type AppState } from '../store/store';
import { dragEdgesPath, edgeNeighbours } from './dragEdges';
import { createSvgLayer, mapPixels, svgElement } from './svgLayer';

const VERTICES = 'zone-vertices';

/** Every distinct vertex of the level's zones, with the schools whose zone (alone or shared) has it. */
function vertexFeatures(zones: FeatureCollection, level: ZoneLevel): FeatureCollection<Point> {
  const byPoint = new Map<string, { at: [number, number]; schools: string[]; zones: Set<number> }>();
  for (const [z, f] of zones.features.entries()) {
    if (f.properties?.level !== level || f.geometry.type !== 'MultiPolygon') continue;
    for (const ring of f.geometry.coordinates.flat()) {
      for (const [x, y] of ring.slice(0, -1)) {
        const key = `${x},${y}`;
        const v = byPoint.get(key) ?? { at: [x, y] as [number, number], schools: [], zones: new Set<number>() };
        v.zones.add(z);
        // A shared zone's vertex is moved through one of its schools.
        for (const id of f.properties.school_ids ?? [f.properties.school_id]) if (!v.schools.includes(id)) v.schools.push(id);
        byPoint.set(key, v);
      }
    }
  }
  // The id indexes the exact coordinates: rendered features come back rounded to the tile grid.
  const features: Feature<Point>[] = [...byPoint.values()].map((v, i) => ({
    type: 'Feature',
    id: i,
    geometry: { type: 'Point', coordinates: v.at },
    properties: { school: v.schools[0], shared: v.zones.size > 1 },
  }));
  return { type: 'FeatureCollection', features };
}

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
  let vertices: FeatureCollection<Point> = { type: 'FeatureCollection', features: [] };

  const onDown = (e: MapMouseEvent) => {
    if (!useAppStore.getState().vertexMode) return;
    const { x, y } = e.point;
    const hit = map.queryRenderedFeatures([[x - 6, y - 6], [x + 6, y + 6]], { layers: [VERTICES] })[0];
    const vertex = hit && typeof hit.id === 'number' ? vertices.features[hit.id] : undefined;
    if (!vertex) return;
    e.preventDefault();
    map.dragPan.disable();
    const from = vertex.geometry.coordinates as [number, number];
    const s = useAppStore.getState();
    drag = { from, school: String(vertex.properties?.school), neighbours: s.dataset ? edgeNeighbours(s.dataset.zones, s.level, from) : [] };
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
    endLivePreview();
    const to: [number, number] = [e.lngLat.lng, e.lngLat.lat];
    if (to[0] === from[0] && to[1] === from[1]) return hideDragged();
    // The point and its edges stay where they were dropped until the map has drawn the edit: taken
    // away at once, the old boundary showed again until the new one was drawn.
    const drop = ++drops;
    const hideIfLast = () => {
      if (drop === drops && !drag) hideDragged();
    };
    void commitEdit({ op: 'moveVertex', level: useAppStore.getState().level, schoolId: school, from, to }).then((applied) => {
      if (applied) map.once('idle', hideIfLast);
      else hideIfLast();
    }, hideIfLast);
  };
  map.on('mousedown', onDown);
  map.on('mousemove', onMove);
  map.on('mouseup', onUp);

  let shown: Pick<AppState, 'vertexMode' | 'level'> & { zones?: FeatureCollection } = { vertexMode: false, level: 'primary' };
  let rebuild = false;
  let rebuildTimer: ReturnType<typeof setTimeout> | undefined;
  const rebuildOnIdle = () => {
    rebuildTimer = setTimeout(showVertices);
  };
  const showVertices = () => {
    rebuild = false;
    const s = useAppStore.getState();
    if (!s.vertexMode || !s.dataset) return;
    vertices = vertexFeatures(s.dataset.zones, s.level);
    (map.getSource(VERTICES) as GeoJSONSource).setData(vertices);
  };
  const sync = (s: AppState) => {
    if (s.vertexMode === shown.vertexMode && s.level === shown.level && s.dataset?.zones === shown.zones) return;
    map.setLayoutProperty(VERTICES, 'visibility', s.vertexMode ? 'visible' : 'none');
    // After an edit the points are gathered again once the map has drawn the edit (a pass over every
    // zone, then a source of its own to tile, which would otherwise hold the edit's frame back).
    const edited = s.vertexMode && shown.vertexMode && s.level === shown.level;
    if (edited) {
      if (!rebuild) map.once('idle', rebuildOnIdle);
      rebuild = true;
    } else if (s.vertexMode) showVertices();
    shown = { vertexMode: s.vertexMode, level: s.level, zones: s.dataset?.zones };
  };
  const unsubscribe = useAppStore.subscribe((s) => {
    const start = performance.now();
    sync(s);
    timingMeasure('map:sync', start);
  });
  return () => {
    marker.remove();
    edges.remove();
    map.off('idle', rebuildOnIdle);
    clearTimeout(rebuildTimer);
    unsubscribe();
    map.off('mousedown', onDown);
    map.off('mousemove', onMove);
    map.off('mouseup', onUp);
  };
}
