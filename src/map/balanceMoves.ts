import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { BalanceMove } from '../core/balance/types';
import type { School } from '../core/dataset';
import type { AppState } from '../store/store';

/** Ids of the 自动均衡 layers: a line from each moved unit to its new school, and the unit's point. */
export const BALANCE_LAYER = { lines: 'balance-move-lines', units: 'balance-move-units' } as const;
const SOURCE = 'balance-moves';
const COLOR = '#d46b08';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The moves of a plan for the map: per move not removed, a point at its unit and a line from the
 * unit to its new school, each with the move's `level`, `from`, `to` and `index`. Moves whose unit
 * has no point in `units` (features with `properties.id`) or whose school is unknown are left out.
 */
export function computeMoveFeatures(moves: BalanceMove[], removed: readonly number[], units: FeatureCollection | undefined, schools: School[]): FeatureCollection<Point | LineString> {
  const gone = new Set(removed);
  const place = new Map<string, [number, number]>();
  for (const f of units?.features ?? []) if (f.geometry?.type === 'Point') place.set(String(f.properties?.id), f.geometry.coordinates as [number, number]);
  const schoolAt = new Map(schools.map((s) => [s.id, [s.lon, s.lat] as [number, number]]));
  const features: Feature<Point | LineString>[] = [];
  moves.forEach((m, index) => {
    const from = place.get(m.unitId);
    const to = schoolAt.get(m.to);
    if (gone.has(index) || !from || !to) return;
    const properties = { level: m.level, from: m.from, to: m.to, index };
    features.push({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates: [from, to] } });
    features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: from } });
  });
  return { type: 'FeatureCollection', features };
}

/** Adds the 自动均衡 source and layers on top (again after a dataset's layers were added). */
function addLayers(map: MapLibreMap): void {
  for (const id of [BALANCE_LAYER.units, BALANCE_LAYER.lines]) if (map.getLayer(id)) map.removeLayer(id);
  if (!map.getSource(SOURCE)) map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
  map.addLayer({ id: BALANCE_LAYER.lines, type: 'line', source: SOURCE, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': COLOR, 'line-width': 2, 'line-dasharray': [2, 1] } });
  map.addLayer({ id: BALANCE_LAYER.units, type: 'circle', source: SOURCE, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': COLOR, 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } });
}

/**
 * Shows the moves of the 自动均衡 plan of the shown level while the drawer is open and the run has ended (store-driven):
 * `prev` undefined means the dataset's layers were just (re)added.
 */
export function syncBalanceMoves(map: MapLibreMap, s: AppState, prev: AppState | undefined): void {
  if (!prev) addLayers(map);
  // Drawn once the run has ended: repainting the map for every better plan would hold up the page.
  const shown = (x: AppState) => (x.balanceOpen && x.balance?.status === 'done' ? x.balance : undefined);
  const b = shown(s);
  const pb = prev && shown(prev);
  if (prev && b?.plan === pb?.plan && b?.removed === pb?.removed && s.level === prev.level && (s.dataset === prev.dataset || !b)) return;
  const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
  if (!source) return;
  if (!b?.plan || !s.dataset) {
    source.setData(EMPTY);
    return;
  }
  const all = computeMoveFeatures(b.plan.moves, b.removed, s.dataset.units, s.dataset.schools);
  source.setData({ type: 'FeatureCollection', features: all.features.filter((f) => f.properties?.level === s.level) });
}
