import type { FeatureCollection } from 'geojson';
import type { ZoneLevel } from '../core/rules';
import { px } from './svgLayer';

/**
 * The points joined to `at` by a zone edge: the vertices before and after it in every ring of the
 * level's zones that has it (a ring's closing point counted once), each point once. Longitude,
 * latitude.
 */
export function edgeNeighbours(zones: FeatureCollection, level: ZoneLevel, at: [number, number]): [number, number][] {
  const found = new Map<string, [number, number]>();
  for (const f of zones.features) {
    if (f.properties?.level !== level || f.geometry.type !== 'MultiPolygon') continue;
    for (const ring of f.geometry.coordinates.flat()) {
      // The ring without its closing point, which repeats the first.
      const n = ring.length - 1;
      for (let i = 0; i < n; i++) {
        if (ring[i][0] !== at[0] || ring[i][1] !== at[1]) continue;
        for (const p of [ring[(i + n - 1) % n], ring[(i + 1) % n]]) found.set(`${p[0]},${p[1]}`, [p[0], p[1]]);
      }
    }
  }
  return [...found.values()];
}

/** An SVG path of the edges from each of `neighbours` to `to`, in map pixels (`project`). */
export function dragEdgesPath(neighbours: [number, number][], to: [number, number], project: (p: [number, number]) => [number, number]): string {
  const [tx, ty] = project(to).map(px);
  return neighbours.map((p) => {
    const [x, y] = project(p).map(px);
    return `M${x} ${y}L${tx} ${ty}`;
  }).join('');
}
