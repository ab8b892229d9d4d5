import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { AppState } from '../store/store';
import type { School } from '../core/school';

/** Ids of the road, barrier and service-radius layers. */
export const ROAD_LAYER = { roads: 'roads-line', barriers: 'barriers-line', ring: 'service-ring', sentPast: 'sent-past-line' } as const;

/** Colour of the lines from compounds sent past a nearer school to that school. */
export const SENT_PAST_COLOR = '#d4380d';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Adds (or replaces) the roads and barriers under the zones (`beforeId`, the zone fill) and the
 * service-radius ring of the selected school and the lines of the pupils sent past a nearer school on top. Main roads wider than local ones and paths;
 * rivers blue, railways dashed.
 */
export function addRoadLayers(map: MapLibreMap, beforeId: string): void {
  for (const id of Object.values(ROAD_LAYER)) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of ['roads', 'barriers', 'service-ring', 'sent-past']) if (map.getSource(id)) map.removeSource(id);
  // Their data comes once the zones are on screen (fillDetailLayers).
  map.addSource('roads', { type: 'geojson', data: EMPTY });
  map.addSource('barriers', { type: 'geojson', data: EMPTY });
  map.addSource('service-ring', { type: 'geojson', data: EMPTY });
  map.addSource('sent-past', { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: ROAD_LAYER.roads,
    type: 'line',
    source: 'roads',
    paint: {
      'line-color': ['match', ['get', 'class'], 'motorway', '#e0a458', 'arterial', '#b0a48a', '#c9c3b6'],
      'line-width': ['interpolate', ['linear'], ['zoom'], 9, ['match', ['get', 'class'], 'motorway', 2, 'arterial', 1.2, 0.4], 14, ['match', ['get', 'class'], 'motorway', 5, 'arterial', 3.5, 'local', 1.5, 1]],
    },
  }, beforeId);
  map.addLayer({
    id: ROAD_LAYER.barriers,
    type: 'line',
    source: 'barriers',
    paint: {
      'line-color': ['match', ['get', 'kind'], 'river', '#4a90d9', 'railway', '#444444', '#e0a458'],
      'line-width': ['match', ['get', 'kind'], 'river', 3, 2],
      'line-dasharray': ['match', ['get', 'kind'], 'railway', ['literal', [3, 2]], ['literal', [1, 0]]],
    },
  }, beforeId);
  map.addLayer({ id: ROAD_LAYER.ring, type: 'line', source: 'service-ring', paint: { 'line-color': '#0050b3', 'line-width': 2, 'line-dasharray': [2, 1.5] } });
  // Wider for more pupils: 1 px for one, about 5 px for 100.
  map.addLayer({
    id: ROAD_LAYER.sentPast,
    type: 'line',
    source: 'sent-past',
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': SENT_PAST_COLOR, 'line-opacity': 0.75, 'line-width': ['min', 6, ['+', 1, ['*', 2, ['log10', ['max', 1, ['get', 'pupils']]]]]] },
  });
}

/** Draws the lines from the compounds sent past a nearer school (while the distance colouring shows and they are asked for), or none. */
export function syncSentPastLines(map: MapLibreMap, s: AppState, prev: AppState | undefined): void {
  if (prev && s.sentPastLines === prev.sentPastLines && s.colorBy === prev.colorBy && s.showSentPast === prev.showSentPast) return;
  const source = map.getSource('sent-past') as GeoJSONSource | undefined;
  if (!source) return;
  source.setData(s.colorBy === 'distance' && s.showSentPast && s.sentPastLines ? s.sentPastLines : EMPTY);
}

/** A circle of `radiusM` metres around a point, as a 64-sided polygon (local equirectangular scale). */
export function circlePolygon(lon: number, lat: number, radiusM: number): Feature<Polygon> {
  const my = 111_194.93;
  const mx = my * Math.cos((lat * Math.PI) / 180);
  const ring: [number, number][] = [];
  for (let k = 0; k <= 64; k++) {
    const a = (2 * Math.PI * k) / 64;
    ring.push([lon + (radiusM * Math.cos(a)) / mx, lat + (radiusM * Math.sin(a)) / my]);
  }
  return { type: 'Feature', properties: { radiusM }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/** Shows the service radius of the selected school for the level on the map (its section's radius), or nothing. */
export function syncServiceRing(map: MapLibreMap, s: AppState, prev: AppState | undefined): void {
  if (s.selectedSchoolId === prev?.selectedSchoolId && s.level === prev?.level && s.distance === prev?.distance) return;
  const source = map.getSource('service-ring') as GeoJSONSource | undefined;
  if (!source) return;
  const ring = ringOf(s);
  const was = prev && ringOf(prev);
  // Every edit brings new distances, mostly with the same ring: the source is sent (and re-tiled) only when the ring changes.
  if (prev && ring?.school === was?.school && ring?.radiusM === was?.radiusM) return;
  source.setData(ring ? { type: 'FeatureCollection', features: [circlePolygon(ring.school.lon, ring.school.lat, ring.radiusM)] } : EMPTY);
}

/** The service ring a state shows: the selected school and its section's radius at the level, if any. */
function ringOf(s: AppState): { school: School; radiusM: number } | undefined {
  const school = s.dataset?.schools.find((x) => x.id === s.selectedSchoolId);
  const section = s.distance?.schools.find((x) => x.id === s.selectedSchoolId && x.level === s.level);
  return school && section?.radiusM ? { school, radiusM: section.radiusM } : undefined;
}
