import type { Remote } from 'comlink';
import type { Feature, FeatureCollection, MultiPoint, Point, Position } from 'geojson';
import type { DensityCells, Dots } from '../core/pupilView';
import type { EngineApi } from '../../workers/engineApi';
import type { PupilLayers } from '../store/store';

/**
 * Most pupil dots handed to the map at once: their coordinates are built and copied to the map's
 * worker on the page's thread; views with more are drawn by cell.
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

/**
 * Dots as two MultiPoint features, pupils in a zone (`out` 0) and outside every zone (`out` 1):
 * two objects rather than a feature per dot keep the copy to the map's worker short.
 */
export function dotFeatures(d: Dots): FeatureCollection<MultiPoint> {
  const points: Position[][] = [[], []];
  for (let i = 0; i < d.outside.length; i++) points[d.outside[i]].push([d.lonLat[2 * i], d.lonLat[2 * i + 1]]);
  return {
    type: 'FeatureCollection',
    features: points.map((coordinates, out) => ({ type: 'Feature', geometry: { type: 'MultiPoint', coordinates }, properties: { out } })),
  };
}

/**
 * The pupil layers of the worker's current scenario: the density cells, counted in the worker.
 * Dots are asked for by the map per view (src/map/pupilDots.ts); every pupil stays in the worker.
 */
export async function fetchPupilLayers(remote: Remote<EngineApi>): Promise<PupilLayers> {
  return pupilLayersOf(await remote.pupilDensity());
}

/** The pupil layers of density cells counted in the worker. */
export function pupilLayersOf(density: DensityCells): PupilLayers {
  return { density: densityFeatures(density) };
}
