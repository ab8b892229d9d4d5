import type { Feature, FeatureCollection, Point } from 'geojson';
import type { PupilPoints } from '../../workers/engineApi';
import type { PupilLayers } from '../store/store';

/** Side of a density cell in degrees (~300 m at Shouguang's latitude). */
const DENSITY_CELL_DEG = 0.003;

/**
 * Builds the map's pupil layers: density cells weighted by pupil count (for the heatmap) and one
 * dot per pupil with its grade and school index.
 */
export function buildPupilLayers(p: PupilPoints): PupilLayers {
  const n = p.grade.length;
  const cells = new Map<string, { x: number; y: number; count: number }>();
  const dots: Feature<Point>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = p.lonLat[2 * i];
    const y = p.lonLat[2 * i + 1];
    const cx = Math.floor(x / DENSITY_CELL_DEG);
    const cy = Math.floor(y / DENSITY_CELL_DEG);
    const key = `${cx}:${cy}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { x: (cx + 0.5) * DENSITY_CELL_DEG, y: (cy + 0.5) * DENSITY_CELL_DEG, count: 1 });
    dots[i] = { type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties: { grade: p.grade[i], school: p.school[i] } };
  }
  const density: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: [...cells.values()].map((c) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [c.x, c.y] }, properties: { count: c.count } })),
  };
  return { density, dots: { type: 'FeatureCollection', features: dots } };
}
