import type { Dataset } from '../dataset';
import type { OverlapRule, ZoneLevel } from '../rules';
import type { MultiPolygonCoords, ZoneState } from '../zoneState';
import { computeCollinearOverlaps, MIN_LENGTH } from './collinearOverlaps';
import { traceZoneBorders } from './zoneBorders';
import { locatePoints } from './locatePoints';
import { computeLevelDiagrams, type LevelDiagrams } from './zoneDiagrams';

/**
 * The areas of the units (compounds, villages) at one level, as built on the loaded zones. Unit
 * u's cell has one piece in each zone it has homes in (`pieceZone[pieceStart[u] ..
 * pieceStart[u+1])`): the Voronoi region of the unit's homes (its pupils' homes, of every level,
 * and its own point) among the homes of that zone, clipped to where the zone wins under the overlap
 * rule and to the county. So the pieces of a zone partition the zone's winning ground (where it has
 * homes), every home lies in its own unit's piece, and no piece holds another unit's home. The
 * pieces' polygons are made when needed (unitCellArea); what is kept is where they border.
 */
export interface UnitCells {
  level: ZoneLevel;
  /** The overlap rule the zones' winning ground was taken under. */
  rule: OverlapRule;
  pieceStart: Int32Array;
  /** The zone of each piece: a school index, or `schools.length + k` for the level's k-th shared zone. */
  pieceZone: Int32Array;
  /**
   * Stretches of border of positive length between the cells of units u ≠ v (u < v): the
   * stretch's midpoint (degrees) and the home of each unit whose Voronoi cell the stretch bounds.
   */
  borders: { u: Int32Array; v: Int32Array; mx: Float64Array; my: Float64Array; ux: Float64Array; uy: Float64Array; vx: Float64Array; vy: Float64Array };
  /**
   * Pupils who live at the very place where more homes of another unit are (ties: the lower unit
   * index): the place is that unit's, so such a pupil lies in the other unit's cell and moves with it.
   */
  strayPupils: number;
}

/**
 * Builds the unit cells of `level` on the zones of `state` (see UnitCells), clipped to `county`
 * when given; also returns the zones' diagrams, from which unitCellArea makes the pieces. Cost:
 * one Delaunay triangulation per zone's homes and a walk along every zone edge. The county drops
 * the border stretches whose midpoint lies outside it; the pieces are clipped to it when made.
 */
export function computeUnitCells(dataset: Pick<Dataset, 'pupils' | 'unitX' | 'unitY' | 'schools'>, state: ZoneState, level: ZoneLevel, rule: OverlapRule, county?: MultiPolygonCoords): { cells: UnitCells; diagrams: LevelDiagrams } {
  const diagrams = computeLevelDiagrams(dataset, state, level, rule);
  const b = { u: [] as number[], v: [] as number[], mx: [] as number[], my: [] as number[], ux: [] as number[], uy: [] as number[], vx: [] as number[], vy: [] as number[] };
  const push = (u: number, v: number, mx: number, my: number, ux: number, uy: number, vx: number, vy: number) => {
    if (u > v) [u, v, ux, uy, vx, vy] = [v, u, vx, vy, ux, uy];
    b.u.push(u);
    b.v.push(v);
    b.mx.push(mx);
    b.my.push(my);
    b.ux.push(ux);
    b.uy.push(uy);
    b.vx.push(vx);
    b.vy.push(vy);
  };
  // Zone edges by unit, matched across zones below.
  const edges: number[] = [];
  const edgeUnit: number[] = [];
  const homes: number[] = [];
  const U = dataset.unitX.length;
  const zonesOf: Set<number>[] = Array.from({ length: U }, () => new Set());
  for (const zone of diagrams.zones) {
    for (const u of zone.generators.unit) zonesOf[u].add(zone.id);
    traceZoneBorders(zone, {
      between(u, v, x1, y1, x2, y2, ux, uy, vx, vy) {
        if (Math.hypot(x2 - x1, y2 - y1) >= MIN_LENGTH) push(u, v, (x1 + x2) / 2, (y1 + y2) / 2, ux, uy, vx, vy);
      },
      edge(u, x1, y1, x2, y2, hx, hy) {
        edges.push(x1, y1, x2, y2);
        edgeUnit.push(u);
        homes.push(hx, hy);
      },
    });
  }
  const across = computeCollinearOverlaps(edges, edgeUnit);
  across.e.forEach((e, k) => {
    const f = across.f[k];
    push(edgeUnit[e], edgeUnit[f], across.mx[k], across.my[k], homes[2 * e], homes[2 * e + 1], homes[2 * f], homes[2 * f + 1]);
  });
  if (county) dropOutside(b, county);
  const pieceStart = new Int32Array(U + 1);
  for (let u = 0; u < U; u++) pieceStart[u + 1] = pieceStart[u] + zonesOf[u].size;
  const pieceZone = Int32Array.from(zonesOf.flatMap((s) => [...s].sort((x, y) => x - y)));
  const borders = { u: Int32Array.from(b.u), v: Int32Array.from(b.v), mx: Float64Array.from(b.mx), my: Float64Array.from(b.my), ux: Float64Array.from(b.ux), uy: Float64Array.from(b.uy), vx: Float64Array.from(b.vx), vy: Float64Array.from(b.vy) };
  return { cells: { level, rule, pieceStart, pieceZone, borders, strayPupils: diagrams.strayPupils }, diagrams };
}

/** Leaves out the border stretches whose midpoint lies outside the county. */
function dropOutside(b: Record<'u' | 'v' | 'mx' | 'my' | 'ux' | 'uy' | 'vx' | 'vy', number[]>, county: MultiPolygonCoords): void {
  const at = new Int32Array(b.u.length);
  locatePoints([county], Float64Array.from(b.mx), Float64Array.from(b.my), at);
  for (const key of Object.keys(b) as (keyof typeof b)[]) b[key] = b[key].filter((_, k) => at[k] >= 0);
}
