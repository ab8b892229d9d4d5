import type { Remote } from 'comlink';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { DensityCells, Dots } from '../core/pupilView';
import type { EngineApi } from '../../workers/engineApi';
import type { PupilLayers } from '../store/store';

/**
 * Most pupil dots handed to the map at once: a GeoJSON feature each, built and cloned to the map's
 * worker on the page's thread (100,000 take about 100 ms here); views with more are drawn by cell.
 */
export const DOTS_CAP = 100_000;

/** Density cells as point features weighted by `count` (for the heatmap). */
export function densityFeatures(d: DensityCells): FeatureCollection<Point> {
  const features: Feature<Point>[] = new Array(d.count.length);
  for (let i = 0; i < d.count.length; i++) {
    features[i] = { type: 'Feature', geometry: { type: 'Point', coordinates: [d.lonLat[2 * i], d.lonLat[2 * i + 1]] }, properties: { count: d.count[i] } };
  }
  return { type: 'FeatureCollection', features };
}

/** Dots as point features; `out` is 1 for a pupil (or cell) outside every zone, else 0. */
export function dotFeatures(d: Dots): FeatureCollection<Point> {
  const features: Feature<Point>[] = new Array(d.outside.length);
  for (let i = 0; i < d.outside.length; i++) {
    features[i] = { type: 'Feature', geometry: { type: 'Point', coordinates: [d.lonLat[2 * i], d.lonLat[2 * i + 1]] }, properties: { out: d.outside[i] } };
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The pupil layers of the worker's current scenario: the density cells, counted in the worker.
 * Dots are asked for by the map per view (src/map/pupilDots.ts); every pupil stays in the worker.
 */
export async function fetchPupilLayers(remote: Remote<EngineApi>): Promise<PupilLayers> {
  return { density: densityFeatures(await remote.pupilDensity()) };
}
