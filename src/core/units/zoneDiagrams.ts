import type { Dataset } from '../dataset';
import { boxOf } from '../editGeometry';
import { computeGridFrame } from '../gridFrame';
import type { OverlapRule, ZoneLevel } from '../rules';
import { createSharedZoneIds, zonesById } from '../sharedZones';
import { buildZoneGrid } from '../zoneGrid';
import { locateInGrid } from '../zoneLocate';
import { type MultiPolygonCoords, type ZoneState } from '../zoneState';
import { computeZoneSet } from '../zoneSet';
import { createEffectiveZones } from './effectiveZones';
import { triangulate, type Generators, type Triangulation } from './unitRegions';
import { runSteps } from '../runSteps';

/** One zone's homes and their Voronoi diagram. */
export interface ZoneDiagram {
  /** The zone's id: a school index, or `schools.length + k` for the level's k-th shared zone. */
  id: number;
  /** Where the zone wins under the overlap rule (not clipped to the county). */
  winning: MultiPolygonCoords;
  generators: Generators;
  /** The triangulation of the generators (plus four frame points). */
  regions: Triangulation;
  /** The units' Voronoi regions, made when first needed (computeUnitRegions). */
  unitRegions?: Map<number, MultiPolygonCoords>;
}

/** Homes located, or hashed, between two yields of levelGroundSteps (each 2–36 ms at a million pupils). */
const HOMES_PER_STEP = 1 << 17;

/**
 * The generators of every zone: homes located in the zones of the level, one point per place.
 * Yields once the homes are copied, then every `perStep` homes located, hashed and grouped by zone.
 */
function* zoneGenerators(dataset: Pick<Dataset, 'pupils' | 'unitX' | 'unitY'>, zones: ReturnType<typeof computeZoneSet>, perStep: number): Generator<void, { byZone: Generators[]; stray: number }> {
  const p = dataset.pupils;
  const U = dataset.unitX.length;
  let n = 0;
  for (let i = 0; i < p.count; i++) if (p.unit[i] >= 0 && Number.isFinite(p.x[i]) && Number.isFinite(p.y[i])) n++;
  for (let u = 0; u < U; u++) if (Number.isFinite(dataset.unitX[u]) && Number.isFinite(dataset.unitY[u])) n++;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const unit = new Int32Array(n);
  const pupil = new Uint8Array(n);
  let k = 0;
  for (let i = 0; i < p.count; i++) {
    if (p.unit[i] < 0 || !Number.isFinite(p.x[i]) || !Number.isFinite(p.y[i])) continue;
    [x[k], y[k], unit[k], pupil[k]] = [p.x[i], p.y[i], p.unit[i], 1];
    k++;
  }
  for (let u = 0; u < U; u++) {
    if (!Number.isFinite(dataset.unitX[u]) || !Number.isFinite(dataset.unitY[u])) continue;
    [x[k], y[k], unit[k]] = [dataset.unitX[u], dataset.unitY[u], u];
    k++;
  }
  // Copying a million homes, then framing and gridding them, took 80 ms as one step.
  yield;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i]);
  }
  const zoneOf = new Int32Array(n);
  const grid = buildZoneGrid(zones, computeGridFrame(minX, minY, maxX, maxY));
  yield;
  for (let a = 0; a < n; a += perStep) {
    const b = Math.min(n, a + perStep);
    locateInGrid(grid, x.subarray(a, b), y.subarray(a, b), zoneOf.subarray(a, b));
    yield;
  }
  // One generator per place and zone: homes hashed by their coordinates' bits, homes at one place
  // chained (same[i]: the next home there), so no per-home objects are made.
  const bits = new Uint32Array(new Float64Array([0]).buffer);
  const f64 = new Float64Array(bits.buffer);
  const hashOf = (i: number): number => {
    f64[0] = x[i];
    let h = Math.imul(bits[0] ^ bits[1], 0x9e3779b1);
    f64[0] = y[i];
    h = Math.imul(h ^ bits[0] ^ Math.imul(bits[1], 0x85ebca6b), 0xc2b2ae35);
    return (h ^ (h >>> 15) ^ Math.imul(zoneOf[i], 0x27d4eb2f)) >>> 0;
  };
  const size = 1 << Math.ceil(Math.log2(2 * n + 2));
  const table = new Int32Array(size).fill(-1);
  const same = new Int32Array(n).fill(-1);
  const firsts: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % perStep === perStep - 1) yield;
    if (zoneOf[i] < 0) continue;
    let slot = hashOf(i) & (size - 1);
    for (;;) {
      const k = table[slot];
      if (k < 0) {
        table[slot] = i;
        firsts.push(i);
        break;
      }
      if (x[k] === x[i] && y[k] === y[i] && zoneOf[k] === zoneOf[i]) {
        same[i] = same[k];
        same[k] = i;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  yield;
  const perZone = new Int32Array(zones.zoneSchool.length);
  for (const i of firsts) perZone[zoneOf[i]]++;
  const byZone: Generators[] = Array.from(perZone, (m) => ({ x: new Float64Array(m), y: new Float64Array(m), unit: new Int32Array(m) }));
  const filled = new Int32Array(perZone.length);
  let stray = 0;
  for (let f = 0; f < firsts.length; f++) {
    if (f % perStep === perStep - 1) yield;
    const first = firsts[f];
    let owner = unit[first];
    if (same[first] >= 0) {
      // The place goes to the unit with most homes there (ties: the lower index).
      const count = new Map<number, number>();
      for (let i = first; i >= 0; i = same[i]) count.set(unit[i], (count.get(unit[i]) ?? 0) + 1);
      let best = 0;
      for (const [u, c] of count) if (c > best || (c === best && u < owner)) [owner, best] = [u, c];
      for (let i = first; i >= 0; i = same[i]) if (unit[i] !== owner && pupil[i]) stray++;
    }
    const z = zoneOf[first];
    const g = byZone[z];
    const k = filled[z]++;
    g.x[k] = x[first];
    g.y[k] = y[first];
    g.unit[k] = owner;
  }
  return { byZone, stray };
}

/**
 * What the diagrams of a level's zones are made from, level-wide (a pass over every home and every
 * zone edge): each zone's homes and where it wins. Made once per zoning and kept (datasetCells), so
 * that a zone's diagram asked for later costs only its own triangulation.
 */
export interface LevelGround {
  /** The zone id of each zone of the level's set: a school index, or `schools.length + k` for the level's k-th shared zone. */
  zoneIds: Int32Array;
  byZone: Generators[];
  winningOf: (z: number) => MultiPolygonCoords;
  strayPupils: number;
}

/** The ground of `level`'s zones under `state` and the overlap rule `rule` (see LevelGround). */
export function computeLevelGround(dataset: Pick<Dataset, 'pupils' | 'unitX' | 'unitY' | 'schools'>, state: ZoneState, level: ZoneLevel, rule: OverlapRule): LevelGround {
  return runSteps(levelGroundSteps(dataset, state, level, rule));
}

/**
 * computeLevelGround in steps, for a caller that lets other work run in between: yields after the
 * level's zone set, after the homes' copy and their grid, every `homesPerStep` homes located, hashed
 * and grouped, after the zones' generators and after their overlaps (as one step it took 0.45 s at a
 * million pupils), and returns what computeLevelGround returns.
 */
export function* levelGroundSteps(dataset: Pick<Dataset, 'pupils' | 'unitX' | 'unitY' | 'schools'>, state: ZoneState, level: ZoneLevel, rule: OverlapRule, homesPerStep = HOMES_PER_STEP): Generator<void, LevelGround> {
  const byId = zonesById(state, level, createSharedZoneIds(dataset.schools.length));
  const zoneSet = computeZoneSet(level, byId, rule);
  yield;
  const { byZone, stray } = yield* zoneGenerators(dataset, zoneSet, homesPerStep);
  yield;
  const winningOf = createEffectiveZones(zoneSet, [...byId.values()]);
  yield;
  return { zoneIds: zoneSet.zoneSchool, byZone, winningOf, strayPupils: stray };
}

/** The diagram of the `z`-th zone of a ground (index in its set), or undefined when it has no homes or wins no ground. */
export function zoneDiagramOf(ground: LevelGround, z: number): ZoneDiagram | undefined {
  const g = ground.byZone[z];
  if (g.x.length === 0) return undefined;
  const winning = ground.winningOf(z);
  return winning.length > 0 ? { id: ground.zoneIds[z], winning, generators: g, regions: triangulate(g, boxOf(winning)) } : undefined;
}

/** The diagrams of the zones of a ground that have homes, those whose ids are in `only` when given. */
export function zoneDiagramsOf(ground: LevelGround, only?: ReadonlySet<number>): ZoneDiagram[] {
  const zones: ZoneDiagram[] = [];
  ground.zoneIds.forEach((id, z) => {
    if (only && !only.has(id)) return;
    const zone = zoneDiagramOf(ground, z);
    if (zone) zones.push(zone);
  });
  return zones;
}
