import type { Dataset } from '../dataset';
import { computePointSchools } from '../pointSchools';
import type { ZoneLevel } from '../rules';
import type { ZoneState } from '../zoneState';
import { crossesBarrier } from './barriers';
import { datasetUnitCells } from './datasetCells';

/** Unit adjacency in compressed sparse rows: the neighbours of unit u are `neighbours[offsets[u] .. offsets[u+1])`, ascending. */
export interface UnitAdjacency {
  offsets: Int32Array;
  neighbours: Int32Array;
}

/**
 * Which units (compounds, villages; indexes into `dataset.unitIds`) are neighbours at `level`
 * under zone state `state`. Units u ≠ v are neighbours when their cells (see UnitCells: built once
 * on the loaded zones, under the cells' overlap rule) share a border of positive length — cells
 * touching at a point only are not — and m, the midpoint of their longest shared stretch, is such
 * that
 * - the straight lines from m to the nearest home of u and to the nearest home of v cross no
 *   barrier line (`dataset.barrierLines`, the barriers file distances use too: rivers,
 *   railways, motorways), and
 * - m does not lie inside a zone of a third school under `state` (overlap rule applied): m's
 *   school is u's, v's, or none, where a unit's school is the one whose zone holds its home
 *   nearest to m. Because cells are clipped to the zones' winning ground, two units with a third
 *   school's zone between them never share a border in the loaded state; this check keeps the
 *   rule after zones are re-drawn by hand.
 * The relation is symmetric and irreflexive; a unit without a cell has no neighbours.
 */
export function unitAdjacency(dataset: Dataset, state: ZoneState, level: ZoneLevel): UnitAdjacency {
  const cells = datasetUnitCells(dataset, level);
  const U = dataset.unitIds.length;
  const { u: bu, v: bv, mx, my, ux: ax, uy: ay, vx: bx, vy: by } = cells.borders;
  const B = bu.length;
  // Schools at the midpoints and at the homes on either side, under the state's zones.
  const px = new Float64Array(3 * B);
  const py = new Float64Array(3 * B);
  for (let k = 0; k < B; k++) {
    [px[3 * k], py[3 * k], px[3 * k + 1], py[3 * k + 1], px[3 * k + 2], py[3 * k + 2]] = [mx[k], my[k], ax[k], ay[k], bx[k], by[k]];
  }
  const school = computePointSchools(state, level, px, py, new Int32Array(3 * B).fill(-1), cells.rule, dataset.schools.length);
  const pairs = new Set<number>();
  const barriers = dataset.barrierLines;
  for (let k = 0; k < B; k++) {
    const [u, v] = [bu[k], bv[k]];
    const s = school[3 * k];
    if (s >= 0 && s !== school[3 * k + 1] && s !== school[3 * k + 2]) continue;
    if (barriers && barriers.kind.length > 0 && (crossesBarrier(barriers, mx[k], my[k], ax[k], ay[k]) || crossesBarrier(barriers, mx[k], my[k], bx[k], by[k]))) continue;
    pairs.add(u * U + v);
    pairs.add(v * U + u);
  }
  const sorted = [...pairs].sort((p, q) => p - q);
  const offsets = new Int32Array(U + 1);
  const neighbours = new Int32Array(sorted.length);
  sorted.forEach((p, i) => {
    offsets[Math.floor(p / U) + 1]++;
    neighbours[i] = p % U;
  });
  for (let u = 0; u < U; u++) offsets[u + 1] += offsets[u];
  return { offsets, neighbours };
}
