import { intersection } from 'polyclip-ts';
import type { Delaunay } from 'd3-delaunay';
import type { Dataset } from '../dataset';
import { computeGridFrame } from '../gridFrame';
import type { OverlapRule, ZoneLevel } from '../rules';
import { createSharedZoneIds, zonesById } from '../sharedZones';
import { buildZoneGrid } from '../zoneGrid';
import { locateInGrid } from '../zoneLocate';
import { computeZoneSet, type MultiPolygonCoords, type ZoneState } from '../zoneState';
import { boxOf } from '../editGeometry';
import { computeEffectiveZones } from './effectiveZones';
import { computeSharedBorders } from './sharedBorders';
import { computeUnitRegions, type Generators } from './unitRegions';

/**
 * The areas of the units (compounds, villages) at one level: unit u's cell is the union of its
 * pieces `pieces[pieceStart[u] .. pieceStart[u+1])`, one per zone it has homes in. A piece is the
 * Voronoi region of the unit's homes (its pupils' homes, of every level, and its own point) among
 * the homes in the same zone, clipped to where that zone wins under the overlap rule and to the
 * county: so the pieces of a zone partition the zone's winning ground (where it has homes), every
 * home lies inside its own unit's piece (a boundary home on the edge), and no piece holds another
 * unit's home. A unit with no home in any zone of the level has no pieces.
 */
export interface UnitCells {
  level: ZoneLevel;
  /** The overlap rule the zones' winning ground was taken under. */
  rule: OverlapRule;
  pieceStart: Int32Array;
  /** The zone each piece lies in: a school index, or `schools.length + k` for the level's k-th shared zone. */
  pieceZone: Int32Array;
  pieces: MultiPolygonCoords[];
  /**
   * Pairs of pieces of different units sharing a border of positive length (borderA < borderB,
   * piece indexes); the midpoint of their longest shared stretch (degrees), and the homes of either
   * unit nearest to it (the home whose Voronoi cell holds the midpoint).
   */
  borders: { a: Int32Array; b: Int32Array; mx: Float64Array; my: Float64Array; ax: Float64Array; ay: Float64Array; bx: Float64Array; by: Float64Array };
  /**
   * Pupils who live at the very place where homes of another unit are, more of them (ties: the
   * lower unit index): the place is that unit's, so such a pupil lies in another unit's cell and
   * moves with it.
   */
  strayPupils: number;
}

/** The generators of every zone: homes located in the zones of the level, one point per place. */
function zoneGenerators(dataset: Pick<Dataset, 'pupils' | 'unitX' | 'unitY'>, zones: ReturnType<typeof computeZoneSet>): { byZone: Generators[]; stray: number } {
  const p = dataset.pupils;
  const U = dataset.unitX.length;
  const gx: number[] = [];
  const gy: number[] = [];
  const gu: number[] = [];
  const isPupil: boolean[] = [];
  for (let i = 0; i < p.count; i++) {
    if (p.unit[i] < 0 || !Number.isFinite(p.x[i]) || !Number.isFinite(p.y[i])) continue;
    gx.push(p.x[i]);
    gy.push(p.y[i]);
    gu.push(p.unit[i]);
    isPupil.push(true);
  }
  for (let u = 0; u < U; u++) {
    if (!Number.isFinite(dataset.unitX[u]) || !Number.isFinite(dataset.unitY[u])) continue;
    gx.push(dataset.unitX[u]);
    gy.push(dataset.unitY[u]);
    gu.push(u);
    isPupil.push(false);
  }
  const n = gx.length;
  const x = Float64Array.from(gx);
  const y = Float64Array.from(gy);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i]);
  }
  const zoneOf = new Int32Array(n);
  locateInGrid(buildZoneGrid(zones, computeGridFrame(minX, minY, maxX, maxY)), x, y, zoneOf);
  // Same places in a row: by zone, then x, then y, then unit.
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => zoneOf[i] >= 0);
  order.sort((i, j) => zoneOf[i] - zoneOf[j] || x[i] - x[j] || y[i] - y[j] || gu[i] - gu[j]);
  const byZone: Generators[] = Array.from({ length: zones.zoneSchool.length }, () => ({ x: [], y: [], unit: [] }));
  let stray = 0;
  for (let k = 0; k < order.length; ) {
    const i = order[k];
    let end = k + 1;
    while (end < order.length && zoneOf[order[end]] === zoneOf[i] && x[order[end]] === x[i] && y[order[end]] === y[i]) end++;
    // The place goes to the unit with most homes there (ties: the lower index, first in the run).
    let [owner, best] = [gu[i], 0];
    for (let a = k; a < end; ) {
      let b = a;
      while (b < end && gu[order[b]] === gu[order[a]]) b++;
      if (b - a > best) [owner, best] = [gu[order[a]], b - a];
      a = b;
    }
    for (let a = k; a < end; a++) if (gu[order[a]] !== owner && isPupil[order[a]]) stray++;
    const g = byZone[zoneOf[i]];
    g.x.push(x[i]);
    g.y.push(y[i]);
    g.unit.push(owner);
    k = end;
  }
  return { byZone, stray };
}

/**
 * Builds the unit cells of `level` on the zones of `state` (see UnitCells). `county`, when given,
 * clips them. Cost: one Delaunay triangulation of each zone's homes and one polygon intersection
 * per unit and zone it lives in.
 */
export function computeUnitCells(dataset: Pick<Dataset, 'pupils' | 'unitX' | 'unitY' | 'schools'>, state: ZoneState, level: ZoneLevel, rule: OverlapRule, county?: MultiPolygonCoords): UnitCells {
  const byId = zonesById(state, level, createSharedZoneIds(dataset.schools.length));
  const zones = computeZoneSet(level, byId, rule);
  const polygons = [...byId.values()];
  const { byZone, stray } = zoneGenerators(dataset, zones);
  const winning = computeEffectiveZones(zones, polygons, county);
  const pieceUnit: number[] = [];
  const pieceZoneIndex: number[] = [];
  const pieces: MultiPolygonCoords[] = [];
  const triangulations: { delaunay: Delaunay<number>; owner: Int32Array; g: Generators }[] = [];
  byZone.forEach((g, z) => {
    if (g.x.length === 0 || winning[z].length === 0) return;
    const { regions, delaunay, owner } = computeUnitRegions(g, boxOf(winning[z]));
    triangulations[z] = { delaunay, owner, g };
    for (const [u, region] of regions) {
      const piece = intersection(winning[z], region) as MultiPolygonCoords;
      if (piece.length === 0) continue;
      pieceUnit.push(u);
      pieceZoneIndex.push(z);
      pieces.push(piece);
    }
  });
  const U = dataset.unitX.length;
  const order = pieces.map((_, k) => k).sort((a, b) => pieceUnit[a] - pieceUnit[b] || pieceZoneIndex[a] - pieceZoneIndex[b]);
  const pieceStart = new Int32Array(U + 1);
  for (const k of order) pieceStart[pieceUnit[k] + 1]++;
  for (let u = 0; u < U; u++) pieceStart[u + 1] += pieceStart[u];
  const sorted = order.map((k) => pieces[k]);
  const sortedUnit = order.map((k) => pieceUnit[k]);
  const sortedZone = order.map((k) => pieceZoneIndex[k]);
  const shared = computeSharedBorders(sorted, sortedUnit);
  const nearest = (piece: number, mx: number, my: number): [number, number] => {
    const t = triangulations[sortedZone[piece]];
    const u = sortedUnit[piece];
    const i = t.delaunay.find(mx, my);
    if (t.owner[i] === u) return [t.g.x[i], t.g.y[i]];
    let [bx, by, best] = [NaN, NaN, Infinity];
    t.g.unit.forEach((v, j) => {
      const d = v === u ? (t.g.x[j] - mx) ** 2 + (t.g.y[j] - my) ** 2 : Infinity;
      if (d < best) [bx, by, best] = [t.g.x[j], t.g.y[j], d];
    });
    return [bx, by];
  };
  const B = shared.a.length;
  const borders = { a: Int32Array.from(shared.a), b: Int32Array.from(shared.b), mx: Float64Array.from(shared.mx), my: Float64Array.from(shared.my), ax: new Float64Array(B), ay: new Float64Array(B), bx: new Float64Array(B), by: new Float64Array(B) };
  for (let k = 0; k < B; k++) {
    [borders.ax[k], borders.ay[k]] = nearest(shared.a[k], shared.mx[k], shared.my[k]);
    [borders.bx[k], borders.by[k]] = nearest(shared.b[k], shared.mx[k], shared.my[k]);
  }
  return { level, rule, pieceStart, pieceZone: Int32Array.from(sortedZone, (z) => zones.zoneSchool[z]), pieces: sorted, borders, strayPupils: stray };
}

/** Unit u's cell at the cells' level: its pieces as one MultiPolygon (empty when it has none). */
export function unitCellArea(cells: UnitCells, u: number): MultiPolygonCoords {
  const out: MultiPolygonCoords = [];
  for (let k = cells.pieceStart[u]; k < cells.pieceStart[u + 1]; k++) out.push(...cells.pieces[k]);
  return out;
}
