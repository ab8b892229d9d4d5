import type { Dataset } from '../dataset';
import type { OverlapRule, ZoneLevel } from '../rules';
import type { MultiPolygonCoords, ZoneState } from '../zoneState';
import { computeCollinearOverlaps, MIN_LENGTH } from './collinearOverlaps';
import { traceZoneBorders } from './zoneBorders';
import { locatePoints } from './locatePoints';
import { levelGroundSteps, zoneDiagramOf, type LevelGround, type ZoneDiagram } from './zoneDiagrams';
import { runSteps } from '../runSteps';

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
   * The pairs of units u < v whose cells share a border of positive length, each once, with the
   * midpoint (degrees) of their longest shared stretch (its total length, degrees) and the home
   * of each unit whose Voronoi cell that stretch bounds.
   */
  borders: { u: Int32Array; v: Int32Array; length: Float64Array; mx: Float64Array; my: Float64Array; ux: Float64Array; uy: Float64Array; vx: Float64Array; vy: Float64Array };
  /**
   * Pupils who live at the very place where more homes of another unit are (ties: the lower unit
   * index): the place is that unit's, so such a pupil lies in the other unit's cell and moves with it.
   */
  strayPupils: number;
}

/** Unit cells as built, with the level's ground and the zones' diagrams they were built on (unitCellArea cuts the pieces from them). */
export interface BuiltUnitCells {
  cells: UnitCells;
  ground: LevelGround;
  zones: ZoneDiagram[];
}

/**
 * Builds the unit cells of `level` on the zones of `state` (see UnitCells), clipped to `county`
 * when given. Cost: one Delaunay triangulation per zone's homes and a walk along every zone edge.
 * Border stretches whose midpoint lies outside the county are left out; the pieces are clipped to
 * it when made.
 */
export function computeUnitCells(dataset: Pick<Dataset, 'pupils' | 'unitX' | 'unitY' | 'schools'>, state: ZoneState, level: ZoneLevel, rule: OverlapRule, county?: MultiPolygonCoords): BuiltUnitCells {
  return runSteps(unitCellSteps(dataset, state, level, rule, county));
}

/**
 * computeUnitCells in steps, for a caller that lets other work run in between: yields within the
 * level's ground (see levelGroundSteps), after each zone's diagram and after its borders (a few ms
 * each on Shouguang), after the collinear overlaps, and returns what computeUnitCells returns.
 */
export function* unitCellSteps(dataset: Pick<Dataset, 'pupils' | 'unitX' | 'unitY' | 'schools'>, state: ZoneState, level: ZoneLevel, rule: OverlapRule, county?: MultiPolygonCoords): Generator<void, BuiltUnitCells> {
  const ground = yield* levelGroundSteps(dataset, state, level, rule);
  // Every stretch: units, length, midpoint, homes; reduced per pair of units below.
  const raw: number[] = [];
  const push = (u: number, v: number, length: number, mx: number, my: number, ux: number, uy: number, vx: number, vy: number) => {
    if (u < v) raw.push(u, v, length, mx, my, ux, uy, vx, vy);
    else raw.push(v, u, length, mx, my, vx, vy, ux, uy);
  };
  const U = dataset.unitX.length;
  // Zone edges by unit, matched across zones below.
  const edges: number[] = [];
  const edgeUnit: number[] = [];
  const homes: number[] = [];
  const zonesOf: Set<number>[] = Array.from({ length: U }, () => new Set());
  const zones: ZoneDiagram[] = [];
  for (let z = 0; z < ground.zoneIds.length; z++) {
    const zone = zoneDiagramOf(ground, z);
    if (!zone) continue;
    // As one step, a zone's triangulation and the tracing of its borders took up to 0.12 s at a million pupils.
    yield;
    zones.push(zone);
    for (const u of zone.generators.unit) zonesOf[u].add(zone.id);
    traceZoneBorders(zone, {
      between(u, v, x1, y1, x2, y2, ux, uy, vx, vy) {
        const length = Math.hypot(x2 - x1, y2 - y1);
        if (length >= MIN_LENGTH) push(u, v, length, (x1 + x2) / 2, (y1 + y2) / 2, ux, uy, vx, vy);
      },
      edge(u, x1, y1, x2, y2, hx, hy) {
        edges.push(x1, y1, x2, y2);
        edgeUnit.push(u);
        homes.push(hx, hy);
      },
    });
    yield;
  }
  const across = computeCollinearOverlaps(edges, edgeUnit);
  yield;
  across.e.forEach((e, k) => {
    const f = across.f[k];
    push(edgeUnit[e], edgeUnit[f], across.length[k], across.mx[k], across.my[k], homes[2 * e], homes[2 * e + 1], homes[2 * f], homes[2 * f + 1]);
  });
  const pieceStart = new Int32Array(U + 1);
  for (let u = 0; u < U; u++) pieceStart[u + 1] = pieceStart[u] + zonesOf[u].size;
  const pieceZone = Int32Array.from(zonesOf.flatMap((s) => [...s].sort((x, y) => x - y)));
  const borders = longestPerPair(raw, U, county);
  return { cells: { level, rule, pieceStart, pieceZone, borders, strayPupils: ground.strayPupils }, ground, zones };
}

const STRIDE = 9;

/** Per pair of units, their longest stretch (midpoints outside the county left out) and their total length. */
function longestPerPair(raw: number[], U: number, county?: MultiPolygonCoords): UnitCells['borders'] {
  const n = raw.length / STRIDE;
  const keep = new Int32Array(n);
  if (county) {
    const mx = Float64Array.from({ length: n }, (_, k) => raw[k * STRIDE + 3]);
    const my = Float64Array.from({ length: n }, (_, k) => raw[k * STRIDE + 4]);
    locatePoints([county], mx, my, keep);
  }
  const pairs = new Map<number, { best: number; total: number }>();
  for (let k = 0; k < n; k++) {
    if (keep[k] < 0) continue;
    const [u, v, length] = [raw[k * STRIDE], raw[k * STRIDE + 1], raw[k * STRIDE + 2]];
    const kept = pairs.get(u * U + v);
    if (!kept) pairs.set(u * U + v, { best: k, total: length });
    else {
      kept.total += length;
      if (length > raw[kept.best * STRIDE + 2]) kept.best = k;
    }
  }
  const keys = [...pairs.keys()].sort((a, b) => a - b);
  const column = (c: number) => Float64Array.from(keys, (key) => raw[pairs.get(key)!.best * STRIDE + c]);
  return {
    u: Int32Array.from(keys, (key) => Math.floor(key / U)),
    v: Int32Array.from(keys, (key) => key % U),
    length: Float64Array.from(keys, (key) => pairs.get(key)!.total),
    mx: column(3),
    my: column(4),
    ux: column(5),
    uy: column(6),
    vx: column(7),
    vy: column(8),
  };
}
