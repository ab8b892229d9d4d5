import { Delaunay } from 'd3-delaunay';
import type { UnitAdjacency } from '../../src/core/balance/types';

/**
 * A stand-in unit adjacency for tests and the benchmark until the units' cells (unitAdjacency) are
 * on main: Delaunay neighbours of the unit points (km plane) no more than `maxKm` apart. Units
 * without a place have no neighbours.
 */
export function delaunayAdjacency(x: Float64Array, y: Float64Array, maxKm = 3): UnitAdjacency {
  const U = x.length;
  const ids: number[] = [];
  for (let u = 0; u < U; u++) if (Number.isFinite(x[u]) && Number.isFinite(y[u])) ids.push(u);
  const d = Delaunay.from(ids, (u) => x[u], (u) => y[u]);
  const lists: number[][] = Array.from({ length: U }, () => []);
  ids.forEach((u, k) => {
    for (const n of d.neighbors(k)) {
      const v = ids[n];
      if (Math.hypot(x[u] - x[v], y[u] - y[v]) <= maxKm) lists[u].push(v);
    }
  });
  const offsets = new Int32Array(U + 1);
  for (let u = 0; u < U; u++) offsets[u + 1] = offsets[u] + lists[u].length;
  return { offsets, neighbours: Int32Array.from(lists.flat()) };
}
