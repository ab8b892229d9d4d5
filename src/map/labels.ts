import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { LoadSummary } from '../../workers/loadContract';
import type { SchoolResult, SimulationResult } from '../core/simulation';
import { formatNumber, formatPercent, translate } from '../i18n/format';
import type { Locale } from '../i18n/messages';
import { selectShownResult } from '../store/selectors';
import type { AppState, ColorBy } from '../store/store';
import { labelPoint, townPoints } from './labelPoints';
import { warningRowsShown } from './warningTiers';
import { distanceFigure, schoolMeanM } from './distanceBands';
import type { WarningRow } from '../core/warning/warning';
import { LABEL_KEY, type LabelProperties, type LabelSource } from './labelSource';
import { zoneKey } from './zoneSource';

/** Ids of the label layers, bottom to top (added over the data layers, under nothing). */
export const LABEL_LAYER = {
  context: 'labels-context',
  zones: 'labels-zones',
  schools: 'labels-schools',
  towns: 'labels-towns',
} as const;

/** The source of the zones' figures (keyed by zone, see createLabelSource). */
export const ZONE_LABEL_SOURCE = 'labels-zones';

/** Sources the label layers draw from (the school names draw from the `schools` source). */
export const LABEL_SOURCES = ['labels-context', 'labels-towns', ZONE_LABEL_SOURCE] as const;

// No `glyphs` URL in the style: MapLibre draws text with the browser's own fonts (TinySDF), CJK
// through the map's localIdeographFontFamily. Nothing is fetched.
const FONT = ['Noto Sans CJK SC', 'Microsoft YaHei', 'sans-serif'];
const HALO = { 'text-halo-color': 'rgba(255,255,255,0.92)', 'text-halo-width': 1.6 } as const;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The schools named on the map at a level: those teaching it (nine-year schools teach both). */
const levelFilter = (level: string): ExpressionSpecification => ['match', ['get', 'level'], [level, 'nine_year'], true, false];

/**
 * The key figure of the zone colouring for a school's zone: its utilization ("98%"), or by
 * compliance, oversized, the classes over the cap, or within limits.
 */
export function zoneFigure(r: SchoolResult, colorBy: ColorBy, locale: Locale): string {
  if (colorBy === 'utilization') return r.utilization === undefined ? '' : formatPercent(locale, r.utilization);
  if (r.oversize) return translate(locale, 'oversize');
  return r.classesOverCap > 0 ? translate(locale, 'overCapN', { n: formatNumber(locale, r.classesOverCap) }) : translate(locale, 'statusOkShort');
}

/** The warning figure of a zone: its tier and ratio ("红 112%"), or nothing. */
export function warningFigure(row: WarningRow | undefined, locale: Locale): string {
  if (!row?.tier || row.ratio === undefined) return '';
  return `${translate(locale, `tierShort_${row.tier}`)} ${Number.isFinite(row.ratio) ? formatPercent(locale, row.ratio) : '—'}`;
}

/**
 * Adds the label sources and layers of a dataset (after its data layers: labels draw on top),
 * hidden: showLabels shows them once the zones are on screen, as MapLibre draws every glyph on the
 * page's thread (about 0.2 s for a county's names), which would hold back the zones' first frame;
 * the zones' figures are made only then too (see syncLabels).
 */
export function addLabelLayers(map: MapLibreMap, d: LoadSummary): void {
  const context: Feature<Point>[] = (d.context?.features ?? []).flatMap((f) => {
    const at = f.geometry && labelPoint(f.geometry);
    return at && f.properties?.name ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { name: String(f.properties.name) } }] : [];
  });
  map.addSource('labels-context', { type: 'geojson', data: { type: 'FeatureCollection', features: context } });
  map.addSource('labels-towns', { type: 'geojson', data: townPoints(d.units) });
  // No tile buffer: a label point belongs to its own tile only, so an edit's two or three changed
  // figures re-tile one or two tiles, not every tile within a quarter tile of them (symbols are not
  // clipped to their tile, so the map looks the same).
  map.addSource(ZONE_LABEL_SOURCE, { type: 'geojson', data: EMPTY, promoteId: LABEL_KEY, buffer: 0 });
  map.addLayer({
    id: LABEL_LAYER.context,
    type: 'symbol',
    source: 'labels-context',
    layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 13, visibility: 'none' },
    paint: { 'text-color': '#78909c', ...HALO },
  });
  map.addLayer({
    id: LABEL_LAYER.zones,
    type: 'symbol',
    source: ZONE_LABEL_SOURCE,
    minzoom: 9.5,
    layout: { 'text-field': ['get', 'figure'], 'text-font': FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], 9.5, 10, 13, 13], 'text-padding': 1, visibility: 'none' },
    paint: { 'text-color': '#263238', ...HALO },
  });
  // School names beside their markers, the largest schools placed first; MapLibre leaves out a
  // name that would overlap one already placed, so more appear as the planner zooms in.
  map.addLayer({
    id: LABEL_LAYER.schools,
    type: 'symbol',
    source: 'schools',
    filter: levelFilter('primary'),
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT,
      'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 13, 13.5],
      'text-anchor': 'top',
      'text-offset': [0, 0.6],
      'text-max-width': 8,
      'symbol-sort-key': ['-', 0, ['get', 'rooms']],
      visibility: 'none',
    },
    paint: { 'text-color': '#102a43', ...HALO },
  });
  // Towns and 街道 (from the units' `town`): named at county scale, placed first (on top), so the
  // schools' names and the zones' figures fill in around them.
  map.addLayer({
    id: LABEL_LAYER.towns,
    type: 'symbol',
    source: 'labels-towns',
    maxzoom: 12,
    layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], 9, 13, 12, 16], 'text-letter-spacing': 0.2, visibility: 'none' },
    paint: { 'text-color': '#6d4c41', 'text-opacity': 0.8, ...HALO },
  });
}

/** Shows the label layers (added hidden by addLabelLayers) with the zones' figures of `s`, sent to `zoneLabels`. */
export function showLabels(map: MapLibreMap, s: AppState, zoneLabels: LabelSource): void {
  for (const id of Object.values(LABEL_LAYER)) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'visible');
  syncLabels(map, s, undefined, zoneLabels);
}

/** The zones' label points, keyed by zone, with the key figure of the colouring, for the schools of a result. */
function zoneLabelPoints(s: AppState, result: SimulationResult | undefined): Feature<Point, LabelProperties>[] {
  const byId = new Map(result?.schools.map((r) => [r.id, r]));
  const warned = s.colorBy === 'warning' ? warningRowsShown(s) : undefined;
  const means = s.colorBy === 'distance' ? schoolMeanM(s.distance, s.level) : undefined;
  const schoolIndex = new Map(s.dataset?.schools.map((x, i) => [x.id, i]));
  const features: Feature<Point, LabelProperties>[] = [];
  for (const f of s.dataset?.zones.features ?? []) {
    const r = byId.get(f.properties.school_id);
    const at = labelPoint(f.geometry);
    if (!r || !at || f.properties.school_ids !== undefined) continue;
    const figure = warned ? warningFigure(warned.get(schoolIndex.get(r.id) ?? -1), s.locale) : means ? distanceFigure(means.get(r.id), s.locale) : zoneFigure(r, s.colorBy, s.locale);
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { [LABEL_KEY]: zoneKey(f), level: f.properties.level, figure } });
  }
  return features;
}

/**
 * Keeps the labels in step with the store: the zones' figures after every result, colouring,
 * year or locale change (not while the labels are hidden: showLabels makes them), the names in
 * the locale, and the level's schools named.
 */
export function syncLabels(map: MapLibreMap, s: AppState, prev: AppState | undefined, zoneLabels: LabelSource): void {
  if (!map.getLayer(LABEL_LAYER.schools)) return;
  const shown = selectShownResult(s);
  const hidden = map.getLayoutProperty(LABEL_LAYER.zones, 'visibility') === 'none';
  if (!hidden && (!prev || shown !== selectShownResult(prev) || s.colorBy !== prev.colorBy || s.locale !== prev.locale || s.dataset?.zones !== prev.dataset?.zones || s.warning !== prev.warning || s.viewYear !== prev.viewYear || s.distance !== prev.distance || s.level !== prev.level)) {
    zoneLabels.show(zoneLabelPoints(s, shown));
  }
  if (!prev || s.level !== prev.level) {
    map.setFilter(LABEL_LAYER.schools, levelFilter(s.level));
    map.setFilter(LABEL_LAYER.zones, ['==', ['get', 'level'], s.level]);
  }
  if (!prev || s.locale !== prev.locale) {
    map.setLayoutProperty(LABEL_LAYER.schools, 'text-field', s.locale === 'en' ? ['coalesce', ['get', 'nameEn'], ['get', 'name']] : ['get', 'name']);
  }
}
