import type { Delaunay } from 'd3-delaunay';
import type { Dataset } from '../dataset';
import { boxOf } from '../editGeometry';
import { computeGridFrame } from '../gridFrame';
import type { OverlapRule, ZoneLevel } from '../rules';
import { createSharedZoneIds, zonesById } from '../sharedZones';
import { buildZoneGrid } from '../zoneGrid';
import { locateInGrid } from '../zoneLocate';
import { computeZoneSet, type MultiPolygonCoords, type ZoneState } from '../zoneState';
import { computeEffectiveZones } from './effectiveZones';
import { triangulate, type Generators, type Triangulation } from './unitRegions';

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

/** The diagrams of every zone of a level that has homes, and the pupils living where another unit's homes are. */
export interface LevelDiagrams {
  zones: ZoneDiagram[];
  strayPupils: number;
}

/** The generators of every zone: homes located in the zones of the level, one point per place. */
function zoneGenerators(dataset: Pick<Dataset, 'pupils' | 'unitX' | 'unitY'>, zones: ReturnType<typeof computeZoneSet>): { byZone: Generators[]; stray: number } {
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
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i]);
  }
  const zoneOf = new Int32Array(n);
  locateInGrid(buildZoneGrid(zones, computeGridFrame(minX, minY, maxX, maxY)), x, y, zoneOf);
  // Homes by zone, then one generator per place: homes at one place are found by their x first.
  const byZone: Generators[] = Array.from({ length: zones.zoneSchool.length }, () => ({ x: [], y: [], unit: [] }));
  const places = new Map<number, number[]>();
  const homesAt: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (zoneOf[i] < 0) continue;
    let sameX = places.get(x[i]);
    if (!sameX) places.set(x[i], (sameX = []));
    const place = sameX.find((k) => y[homesAt[k][0]] === y[i] && zoneOf[homesAt[k][0]] === zoneOf[i]);
    if (place === undefined) {
      sameX.push(homesAt.length);
      homesAt.push([i]);
    } else homesAt[place].push(i);
  }
  let stray = 0;
  for (const homes of homesAt) {
    const first = homes[0];
    let owner = unit[first];
    if (homes.length > 1) {
      // The place goes to the unit with most homes there (ties: the lower index).
      const count = new Map<number, number>();
      for (const i of homes) count.set(unit[i], (count.get(unit[i]) ?? 0) + 1);
      let best = 0;
      for (const [u, c] of count) if (c > best || (c === best && u < owner)) [owner, best] = [u, c];
      for (const i of homes) if (unit[i] !== owner && pupil[i]) stray++;
    }
    const g = byZone[zoneOf[first]];
    g.x.push(x[first]);
    g.y.push(y[first]);
    g.unit.push(owner);
  }
  return { byZone, stray };
}

/**
 * The Voronoi diagrams of the homes of each zone of `level` under `state` (homes: pupils of every
 * level with a unit, and unit points; located in the zones by the overlap rule `rule`), with each
 * zone's winning ground. Zones without homes are left out.
 */
export function computeLevelDiagrams(dataset: Pick<Dataset, 'pupils' | 'unitX' | 'unitY' | 'schools'>, state: ZoneState, level: ZoneLevel, rule: OverlapRule): LevelDiagrams {
  const byId = zonesById(state, level, createSharedZoneIds(dataset.schools.length));
  const zoneSet = computeZoneSet(level, byId, rule);
  const { byZone, stray } = zoneGenerators(dataset, zoneSet);
  const winning = computeEffectiveZones(zoneSet, [...byId.values()]);
  const zones: ZoneDiagram[] = [];
  byZone.forEach((g, z) => {
    if (g.x.length === 0 || winning[z].length === 0) return;
    zones.push({ id: zoneSet.zoneSchool[z], winning: winning[z], generators: g, regions: triangulate(g, boxOf(winning[z])) });
  });
  return { zones, strayPupils: stray };
}

/** The Delaunay neighbours of point i, which must not be on the hull (the frame points are: see computeUnitRegions). */
export function forEachNeighbour(d: Delaunay<number>, i: number, f: (j: number) => void): void {
  const { inedges, halfedges, triangles } = d;
  const e0 = inedges[i];
  if (e0 === -1) return;
  let e = e0;
  do {
    f(triangles[e]);
    e = e % 3 === 2 ? e - 2 : e + 1;
    if (triangles[e] !== i) break;
    e = halfedges[e];
  } while (e !== e0 && e !== -1);
}
