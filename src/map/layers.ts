import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { LoadSummary } from '../../workers/loadContract';
import type { ZoneLevel } from '../core/rules';
import { HOT_ZONES, keyedZones, ZONE_KEY } from './zoneSource';
import { addLabelLayers, LABEL_LAYER, LABEL_SOURCES } from './labels';
import { tierColor } from './warningTiers';
import { distanceColor } from './distanceBands';
import { addRoadLayers } from './roadLayers';
import { CHANGED_COLOR, NO_DATA_COLOR, PRIVATE_COLOR, STATUS_COLORS, UTILIZATION_CLASSES } from './style';

/** Ids of the layers this app adds, bottom to top. */
export const LAYER = {
  context: 'context-fill',
  contextLine: 'context-line',
  county: 'county-line',
  zones: 'zones-fill',
  sharedZones: 'zones-shared',
  zoneLines: 'zones-line',
  zoneSelected: 'zones-selected',
  zonesHot: 'zones-fill-hot',
  sharedZonesHot: 'zones-shared-hot',
  zoneLinesHot: 'zones-line-hot',
  zoneSelectedHot: 'zones-selected-hot',
  units: 'units',
  density: 'pupils-density',
  dots: 'pupils-dots',
  changed: 'changed-fill',
  changedLine: 'changed-line',
  flashFill: 'flash-fill',
  flashLine: 'flash-line',
  pending: 'pending-fill',
  pendingLine: 'pending-line',
  schools: 'schools',
  reviewZones: 'review-zones',
  highlightFill: 'highlight-fill',
  highlightLine: 'highlight-line',
  highlightPoints: 'highlight-points',
} as const;

/** An opacity, or 0 for a feature whose state says it is hidden (the drawn area once given, see pendingLayers). */
const unlessHidden = (opacity: number): ExpressionSpecification => ['case', ['boolean', ['feature-state', 'hidden'], false], 0, opacity];

/** The zoom the hot zones are tiled to (see addDatasetLayers). */
const HOT_ZONES_MAXZOOM = 12;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const HATCH = 'changed-hatch';
const SHARED_HATCH = 'shared-hatch';
const SHARED_COLOR = '#37474f';
const HIGHLIGHT_COLOR = '#e53935';
/** Outline of the area the last edit changed. */
export const FLASH_COLOR = '#c41d7f';

/**
 * Diagonal stripes in a colour (#rrggbb) on a transparent ground, drawn here (no sprite to fetch);
 * `rising` stripes go up to the right, the others down.
 */
function hatchImage(color: string, rising: boolean): { width: number; height: number; data: Uint8Array } {
  const size = 12;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    if (((rising ? x + y : x - y + size) % size) > 2) continue;
    data.set([r, g, b, 200], (y * size + x) * 4);
  }
  return { width: size, height: size, data };
}


const utilColor: ExpressionSpecification = [
  'case',
  ['<', ['coalesce', ['feature-state', 'util'], -1], 0],
  NO_DATA_COLOR,
  ['step', ['feature-state', 'util'], UTILIZATION_CLASSES[0].color, ...UTILIZATION_CLASSES.slice(1).flatMap((c) => [c.from, c.color])],
];

const statusColor: ExpressionSpecification = [
  'match',
  ['coalesce', ['feature-state', 'status'], -1],
  0, STATUS_COLORS[0],
  1, STATUS_COLORS[1],
  2, STATUS_COLORS[2],
  NO_DATA_COLOR,
];

/**
 * Gives the detail layers their data (see addDatasetLayers). MapLibre tiles its sources one after
 * another in one worker: sent with the zones, the roads, compounds and context (about 1 MB of
 * GeoJSON on Shouguang) held the first map with zones back by most of a second.
 */
export function fillDetailLayers(map: MapLibreMap, d: LoadSummary): void {
  (map.getSource('context') as GeoJSONSource | undefined)?.setData(d.context ?? EMPTY);
  (map.getSource('units') as GeoJSONSource | undefined)?.setData(d.units ?? EMPTY);
  (map.getSource('roads') as GeoJSONSource | undefined)?.setData(d.roads ?? EMPTY);
  (map.getSource('barriers') as GeoJSONSource | undefined)?.setData(d.barriers ?? EMPTY);
}

/** The zone fill colour expression for a colouring mode. */
export function zoneFillColor(mode: 'utilization' | 'compliance' | 'warning' | 'distance'): ExpressionSpecification {
  return mode === 'utilization' ? utilColor : mode === 'warning' ? tierColor : mode === 'distance' ? distanceColor : statusColor;
}

/**
 * The zones' layers over one source: fill, shared-zone hatching, outline, selected outline. With
 * `stale`, a zone whose feature-state is `stale` is left out (it is drawn from the hot source).
 */
function zoneLayers(ids: readonly [string, string, string, string], source: string, stale: boolean): LayerSpecification[] {
  const shown = (value: ExpressionSpecification | number): ExpressionSpecification | number =>
    stale ? ['case', ['boolean', ['feature-state', 'stale'], false], 0, value] : value;
  const [fill, shared, line, selected] = ids;
  return [
    { id: fill, type: 'fill', source, paint: { 'fill-color': utilColor, 'fill-opacity': shown(0.55) } },
    // Zones several schools share (多校划片) are hatched over their fill.
    { id: shared, type: 'fill', source, filter: ['has', 'school_ids'], paint: { 'fill-pattern': SHARED_HATCH, 'fill-opacity': shown(1) } },
    // Locked zones get a heavy outline.
    { id: line, type: 'line', source, paint: { 'line-color': '#37474f', 'line-width': ['case', ['boolean', ['feature-state', 'locked'], false], 3, 0.8], 'line-opacity': shown(1) } },
    { id: selected, type: 'line', source, paint: { 'line-color': '#0050b3', 'line-width': 3, 'line-opacity': shown(['case', ['boolean', ['feature-state', 'selected'], false], 1, 0]) } },
  ];
}

/**
 * The zones' layers over the zones source, then their twins over the hot source (see hotZones).
 * Not interleaved: MapLibre draws a source's tile clipping masks again at each change of source
 * between layers, a full-tile stencil pass each, which the software GPU here pays for by the pixel.
 */
function addZoneLayers(map: MapLibreMap): void {
  const cold = zoneLayers([LAYER.zones, LAYER.sharedZones, LAYER.zoneLines, LAYER.zoneSelected], 'zones', true);
  const hot = zoneLayers([LAYER.zonesHot, LAYER.sharedZonesHot, LAYER.zoneLinesHot, LAYER.zoneSelectedHot], HOT_ZONES, false);
  for (const layer of [...cold, ...hot]) map.addLayer(layer);
}

/**
 * Adds (or replaces) the sources and layers of a dataset. Zones are keyed by level and school
 * (zoneSource). The detail layers (context, compounds and villages, roads, barriers) start empty:
 * fillDetailLayers gives them their data once the zones are on screen.
 */
export function addDatasetLayers(map: MapLibreMap, d: LoadSummary, level: ZoneLevel): void {
  for (const id of [...Object.values(LABEL_LAYER), ...Object.values(LAYER)].reverse()) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of ['context', 'county', 'zones', HOT_ZONES, 'units', 'density', 'dots', 'changed', 'pending', 'schools', 'review', 'highlight', 'flash', ...LABEL_SOURCES]) if (map.getSource(id)) map.removeSource(id);

  map.addSource('context', { type: 'geojson', data: EMPTY });
  map.addSource('county', { type: 'geojson', data: d.county ?? EMPTY });
  map.addSource('zones', { type: 'geojson', data: keyedZones(d.zones, level), promoteId: ZONE_KEY });
  // The edited zones are tiled to zoom 12 and drawn enlarged beyond it, unsimplified: at zoom 15 the
  // worker cut them into 4–9 tiles through each zoom on every edit (20–30 ms before the map could
  // draw it); drawn from zoom-12 tiles, a boundary may sit 2–3 px off at zoom 19, until the fold.
  map.addSource(HOT_ZONES, { type: 'geojson', data: EMPTY, promoteId: ZONE_KEY, maxzoom: HOT_ZONES_MAXZOOM, tolerance: 0 });
  map.addSource('changed', { type: 'geojson', data: EMPTY });
  map.addSource('pending', { type: 'geojson', data: EMPTY });
  map.addSource('review', { type: 'geojson', data: EMPTY });
  map.addSource('highlight', { type: 'geojson', data: EMPTY });
  map.addSource('flash', { type: 'geojson', data: EMPTY });
  map.addSource('units', { type: 'geojson', data: EMPTY });
  map.addSource('density', { type: 'geojson', data: EMPTY });
  map.addSource('dots', { type: 'geojson', data: EMPTY });
  map.addSource('schools', {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: d.schools.map((s, i) => ({
        type: 'Feature',
        id: i,
        geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
        properties: { id: s.id, name: s.name, nameEn: s.nameEn, rooms: s.classrooms ?? 0, level: s.level, private: s.ownership === 'private', planned: s.opens !== undefined && s.opens > d.baseYear },
      })),
    },
  });

  map.addLayer({ id: LAYER.context, type: 'fill', source: 'context', paint: { 'fill-color': '#dde3e8' } });
  map.addLayer({ id: LAYER.contextLine, type: 'line', source: 'context', paint: { 'line-color': '#aab4bd', 'line-width': 1 } });
  if (!map.hasImage(SHARED_HATCH)) map.addImage(SHARED_HATCH, hatchImage(SHARED_COLOR, false));
  addZoneLayers(map);
  map.addLayer({ id: LAYER.county, type: 'line', source: 'county', paint: { 'line-color': '#263238', 'line-width': 2 } });
  addRoadLayers(map, LAYER.zones);
  // Compounds (小区) and villages (村), the units zones are drawn from: shown once zoomed in.
  map.addLayer({
    id: LAYER.units,
    type: 'circle',
    source: 'units',
    minzoom: 11,
    paint: {
      'circle-radius': 3,
      'circle-color': ['match', ['get', 'kind'], 'compound', '#5e35b1', '#8d6e63'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  });
  map.addLayer({
    id: LAYER.density,
    type: 'heatmap',
    source: 'density',
    paint: {
      'heatmap-weight': ['interpolate', ['linear'], ['get', 'count'], 0, 0, 200, 1],
      'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 8, 6, 13, 30],
      // A blue ramp, so pupil density does not read as the green-to-red of utilization.
      'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(33,102,172,0)', 0.2, 'rgba(103,169,207,0.5)', 0.5, 'rgba(33,102,172,0.55)', 1, 'rgba(8,69,148,0.7)'],
      'heatmap-opacity': 0.5,
    },
  });
  map.addLayer({
    id: LAYER.dots,
    type: 'circle',
    source: 'dots',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 0.5, 13, 1.2, 16, 3],
      // Red: pupils outside every zone (see dotFeatures).
      'circle-color': ['case', ['==', ['get', 'out'], 1], '#d7191c', '#263238'],
      'circle-opacity': 0.5,
    },
  });
  if (!map.hasImage(HATCH)) map.addImage(HATCH, hatchImage(CHANGED_COLOR, true));
  // Areas whose school a compared scenario changes: hatched, with a dashed outline (shown on demand).
  map.addLayer({ id: LAYER.changed, type: 'fill', source: 'changed', layout: { visibility: 'none' }, paint: { 'fill-pattern': HATCH } });
  map.addLayer({
    id: LAYER.changedLine,
    type: 'line',
    source: 'changed',
    layout: { visibility: 'none' },
    paint: { 'line-color': CHANGED_COLOR, 'line-width': 2.5, 'line-dasharray': [3, 1.5] },
  });
  // The area the last edit changed, outlined for a few seconds (see changeFlash). A light tint only:
  // at 0.18 the area read as greyish, not in the colour of the school it was given to.
  map.addLayer({ id: LAYER.flashFill, type: 'fill', source: 'flash', paint: { 'fill-color': FLASH_COLOR, 'fill-opacity': 0.06 } });
  map.addLayer({ id: LAYER.flashLine, type: 'line', source: 'flash', paint: { 'line-color': FLASH_COLOR, 'line-width': 3.5 } });
  map.addLayer({ id: LAYER.pending, type: 'fill', source: 'pending', paint: { 'fill-color': '#1677ff', 'fill-opacity': unlessHidden(0.25) } });
  map.addLayer({ id: LAYER.pendingLine, type: 'line', source: 'pending', paint: { 'line-color': '#1677ff', 'line-width': 2, 'line-dasharray': [2, 1], 'line-opacity': unlessHidden(1) } });
  // A dataset under review (not loaded yet): its zones dashed, and the finding shown on the map in red.
  map.addLayer({ id: LAYER.reviewZones, type: 'line', source: 'review', paint: { 'line-color': '#6a1b9a', 'line-width': 1.5, 'line-dasharray': [2, 2] } });
  map.addLayer({ id: LAYER.highlightFill, type: 'fill', source: 'highlight', filter: ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false], paint: { 'fill-color': HIGHLIGHT_COLOR, 'fill-opacity': 0.45 } });
  map.addLayer({ id: LAYER.highlightLine, type: 'line', source: 'highlight', filter: ['match', ['geometry-type'], ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'], true, false], paint: { 'line-color': HIGHLIGHT_COLOR, 'line-width': 3 } });
  map.addLayer({
    id: LAYER.highlightPoints,
    type: 'circle',
    source: 'highlight',
    filter: ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false],
    paint: { 'circle-radius': 5, 'circle-color': HIGHLIGHT_COLOR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
  });
  map.addLayer({
    id: LAYER.schools,
    type: 'circle',
    source: 'schools',
    paint: {
      // Small at county scale, so the city's many schools do not merge into one dark blot.
      'circle-radius': ['interpolate', ['linear'], ['zoom'],
        9, ['case', ['boolean', ['feature-state', 'selected'], false], 7, 3.5],
        12, ['case', ['boolean', ['feature-state', 'selected'], false], 9, ['get', 'planned'], 5, 6]],
      'circle-color': ['case', ['get', 'private'], PRIVATE_COLOR, ['get', 'planned'], '#ffffff', [
        'match', ['coalesce', ['feature-state', 'status'], -1], 0, STATUS_COLORS[0], 1, STATUS_COLORS[1], 2, STATUS_COLORS[2], NO_DATA_COLOR,
      ]],
      'circle-stroke-color': ['case', ['get', 'planned'], '#0050b3', '#ffffff'],
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 9, 1, 12, ['case', ['get', 'planned'], 2, 1.5]],
    },
  });
  addLabelLayers(map, d);
}
