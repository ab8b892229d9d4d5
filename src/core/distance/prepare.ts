import type { PupilTable, School } from '../dataset';
import { levelOfGrade, teachesLevel, type Rules, type ZoneLevel } from '../rules';
import { createDijkstraWorkspace, shortestFrom } from './dijkstra';
import { haversineM } from './haversine';
import { barrierBit, BARRIER_KINDS, ROAD_CLASSES, roadBit, type Polylines } from './lines';
import { buildRoadGraph, computeComponents, type RoadGraph } from './roadGraph';
import { buildSegmentGrid, nearestSegment, type SegmentGrid, type Snap } from './segmentGrid';

/** How many nearest public schools of its level each pupil keeps. */
export const NEAREST_KEPT = 3;

// Schools whose shortest-path trees are written into the node-major table together.
const SCHOOL_BLOCK = 16;

/** What distances are computed from: schools, pupils, and the optional road and barrier lines. */
export interface DistanceInputs {
  schools: School[];
  baseYear: number;
  pupils: Pick<PupilTable, 'count' | 'x' | 'y' | 'grade'>;
  roads?: Polylines;
  barrierLines?: Polylines;
}

/** Where points sit on the road graph: segment, parameter t along it, and the straight walk to it in metres. */
export interface RoadSnaps {
  seg: Int32Array;
  t: Float64Array;
  offM: Float64Array;
}

/**
 * Distances prepared once at load (the worker keeps them beside the pupils): each pupil's level,
 * its snap to the roads and the road distance from every school to every road node, and each
 * pupil's NEAREST_KEPT nearest open public schools of its level (nearSchool, nearM: −1 and
 * Infinity past the candidates), by road when there are roads, else in a straight line.
 */
export interface PreparedDistances {
  byRoad: boolean;
  /** 0 primary, 1 junior, per pupil row. */
  level: Uint8Array;
  graph?: RoadGraph;
  pupilSnap?: RoadSnaps;
  schoolSnap?: RoadSnaps;
  /** Road metres from school s to node v at [v × schools + s] (node-major, so one pupil's candidates sit together; Float32, Infinity when unreachable). */
  nodeSchoolM?: Float32Array;
  /** The road segments indexed for snapping other points (units, housing estates) later. */
  roadGrid?: SegmentGrid;
  /** The connected piece of each road node (0: the largest). */
  piece?: Int32Array;
  nearSchool: Int32Array;
  nearM: Float64Array;
  /** Barrier segments (and main-road segments) for crossing tests, with each one's crossing bit. */
  barrierGrid?: SegmentGrid;
  barrierMask: Uint8Array;
  schools: School[];
  pupils: DistanceInputs['pupils'];
  prepareMs: number;
}

/** Every segment of some polylines as end arrays, with a bit per segment from its line's kind. */
function segmentsOf(lines: Polylines, bit: (kind: number) => number, into: { ax: number[]; ay: number[]; bx: number[]; by: number[]; mask: number[] }): void {
  for (let l = 0; l < lines.kind.length; l++) {
    const b = bit(lines.kind[l]);
    if (b === 0) continue;
    for (let p = lines.start[l]; p < lines.start[l + 1] - 1; p++) {
      into.ax.push(lines.coords[2 * p]);
      into.ay.push(lines.coords[2 * p + 1]);
      into.bx.push(lines.coords[2 * p + 2]);
      into.by.push(lines.coords[2 * p + 3]);
      into.mask.push(b);
    }
  }
}

/** Snaps points to the nearest road segment of a graph (via its grid). */
function snapAll(g: RoadGraph, grid: SegmentGrid, xs: ArrayLike<number>, ys: ArrayLike<number>, n: number): RoadSnaps {
  const seg = new Int32Array(n);
  const t = new Float64Array(n);
  const offM = new Float64Array(n);
  const snap: Snap = { seg: -1, t: 0, d2: 0 };
  for (let i = 0; i < n; i++) {
    nearestSegment(grid, xs[i], ys[i], snap);
    seg[i] = snap.seg;
    t[i] = snap.t;
    const a = g.segA[snap.seg];
    const b = g.segB[snap.seg];
    const sx = g.nodeX[a] + snap.t * (g.nodeX[b] - g.nodeX[a]);
    const sy = g.nodeY[a] + snap.t * (g.nodeY[b] - g.nodeY[a]);
    offM[i] = haversineM(xs[i], ys[i], sx, sy);
  }
  return { seg, t, offM };
}

/**
 * Road metres from school s to pupil i: the school's walk to its road, along the roads, the pupil's
 * walk from its road (both on one segment: along it directly when shorter). Infinity when the
 * pupil's road piece is not the school's.
 */
export function roadDistanceM(p: PreparedDistances, i: number, s: number): number {
  return snappedRoadDistanceM(p, p.pupilSnap!, i, s);
}

/** Snaps other points than the pupils (units, housing estates) to the prepared roads (by road only). */
export function snapToRoads(p: PreparedDistances, xs: ArrayLike<number>, ys: ArrayLike<number>): RoadSnaps {
  return snapAll(p.graph!, p.roadGrid!, xs, ys, xs.length);
}

/** Road metres from school s to point i of `snaps` (snapToRoads), as roadDistanceM measures a pupil's. */
export function snappedRoadDistanceM(p: PreparedDistances, snaps: RoadSnaps, i: number, s: number): number {
  const g = p.graph!;
  const ps = snaps;
  const ss = p.schoolSnap!;
  const seg = ps.seg[i];
  const len = g.segLengthM[seg];
  const t = ps.t[i];
  const S = p.schools.length;
  const dist = p.nodeSchoolM!;
  let along = Math.min(dist[g.segA[seg] * S + s] + t * len, dist[g.segB[seg] * S + s] + (1 - t) * len);
  if (ss.seg[s] === seg) along = Math.min(along, Math.abs(t - ss.t[s]) * len);
  return ps.offM[i] + along + ss.offM[s];
}

/** Straight-line metres from pupil i to school s (haversineM). */
export function straightDistanceM(p: PreparedDistances, i: number, s: number): number {
  const school = p.schools[s];
  return haversineM(p.pupils.x[i], p.pupils.y[i], school.lon, school.lat);
}

/** The distance the metrics judge by: by road when there are roads, else straight. */
export function basisDistanceM(p: PreparedDistances, i: number, s: number): number {
  return p.byRoad ? roadDistanceM(p, i, s) : straightDistanceM(p, i, s);
}

/** Public schools open in the base year that teach each level (the nearest-school candidates). */
export function nearestCandidates(schools: School[], baseYear: number): Record<ZoneLevel, number[]> {
  const open = (s: School) => s.ownership === 'public' && (s.opens === undefined || s.opens <= baseYear);
  const of = (level: ZoneLevel) => schools.flatMap((s, i) => (open(s) && teachesLevel(s.level, level) ? [i] : []));
  return { primary: of('primary'), junior: of('junior') };
}

/**
 * Prepares distances at load (see PreparedDistances): builds the road graph, snaps pupils and
 * schools to it, runs one Dijkstra per school, finds each pupil's nearest schools, and indexes the
 * barriers (river, railway, motorway lines or polygon rings, and arterial and motorway roads).
 */
export function prepareDistances(input: DistanceInputs, rules: Rules): PreparedDistances {
  const t0 = performance.now();
  const { schools, pupils } = input;
  const n = pupils.count;
  const level = new Uint8Array(n);
  for (let i = 0; i < n; i++) level[i] = levelOfGrade(pupils.grade[i], rules) === 'primary' ? 0 : 1;
  const prepared: PreparedDistances = {
    byRoad: false,
    level,
    nearSchool: new Int32Array(n * NEAREST_KEPT).fill(-1),
    nearM: new Float64Array(n * NEAREST_KEPT).fill(Infinity),
    barrierMask: new Uint8Array(0),
    schools,
    pupils,
    prepareMs: 0,
  };
  const roads = input.roads;
  if (roads && roads.kind.length > 0) {
    const g = buildRoadGraph(roads);
    if (g.segA.length > 0) {
      const ax = new Float64Array(g.segA.length);
      const ay = new Float64Array(g.segA.length);
      const bx = new Float64Array(g.segA.length);
      const by = new Float64Array(g.segA.length);
      for (let k = 0; k < g.segA.length; k++) {
        ax[k] = g.nodeX[g.segA[k]];
        ay[k] = g.nodeY[g.segA[k]];
        bx[k] = g.nodeX[g.segB[k]];
        by[k] = g.nodeY[g.segB[k]];
      }
      const grid = buildSegmentGrid(ax, ay, bx, by);
      prepared.graph = g;
      prepared.roadGrid = grid;
      prepared.byRoad = true;
      prepared.pupilSnap = snapAll(g, grid, pupils.x, pupils.y, n);
      prepared.schoolSnap = snapAll(g, grid, schools.map((s) => s.lon), schools.map((s) => s.lat), schools.length);
      prepared.piece = computeComponents(g).piece;
      const ws = createDijkstraWorkspace(g);
      const S = schools.length;
      const nodes = g.nodeX.length;
      const table = new Float32Array(nodes * S);
      // The table is node-major: schools' trees are written a block at a time, so that each node's
      // row takes a block's figures together instead of one scattered write per school and node.
      const dists = Array.from({ length: Math.min(S, SCHOOL_BLOCK) }, () => new Float64Array(nodes));
      for (let s0 = 0; s0 < S; s0 += SCHOOL_BLOCK) {
        const block = Math.min(SCHOOL_BLOCK, S - s0);
        for (let j = 0; j < block; j++) shortestFrom(g, prepared.schoolSnap.seg[s0 + j], prepared.schoolSnap.t[s0 + j], dists[j], ws);
        for (let v = 0; v < nodes; v++) {
          const row = v * S + s0;
          for (let j = 0; j < block; j++) table[row + j] = dists[j][v];
        }
      }
      prepared.nodeSchoolM = table;
    }
  }
  const barrierSegs = { ax: [] as number[], ay: [] as number[], bx: [] as number[], by: [] as number[], mask: [] as number[] };
  if (input.barrierLines) segmentsOf(input.barrierLines, (k) => barrierBit(BARRIER_KINDS[k]), barrierSegs);
  if (roads) segmentsOf(roads, (k) => roadBit(ROAD_CLASSES[k]), barrierSegs);
  if (barrierSegs.ax.length > 0) {
    prepared.barrierGrid = buildSegmentGrid(Float64Array.from(barrierSegs.ax), Float64Array.from(barrierSegs.ay), Float64Array.from(barrierSegs.bx), Float64Array.from(barrierSegs.by));
    prepared.barrierMask = Uint8Array.from(barrierSegs.mask);
  }
  computeNearest(prepared, nearestCandidates(schools, input.baseYear));
  prepared.prepareMs = performance.now() - t0;
  return prepared;
}

/** Inserts (d, s) into the sorted top-K slots of a pupil (ties: the earlier, lower school stays first). */
function insertNearest(nearM: Float64Array, nearSchool: Int32Array, base: number, d: number, s: number): void {
  let j = NEAREST_KEPT - 1;
  if (!(d < nearM[base + j])) return;
  while (j > 0 && d < nearM[base + j - 1]) {
    nearM[base + j] = nearM[base + j - 1];
    nearSchool[base + j] = nearSchool[base + j - 1];
    j--;
  }
  nearM[base + j] = d;
  nearSchool[base + j] = s;
}

/**
 * Fills each pupil's NEAREST_KEPT nearest candidates of its level (ties: the lower school index).
 * Written out for speed (it visits every pupil × every candidate); gives what basisDistanceM gives.
 */
function computeNearest(p: PreparedDistances, candidates: Record<ZoneLevel, number[]>): void {
  const K = NEAREST_KEPT;
  const lists = [Int32Array.from(candidates.primary), Int32Array.from(candidates.junior)];
  const { nearM, nearSchool, level } = p;
  const n = level.length;
  if (p.byRoad) {
    const g = p.graph!;
    const ps = p.pupilSnap!;
    const ss = p.schoolSnap!;
    const table = p.nodeSchoolM!;
    const S = p.schools.length;
    for (let i = 0; i < n; i++) {
      const list = lists[level[i]];
      const seg = ps.seg[i];
      const len = g.segLengthM[seg];
      const t = ps.t[i];
      const rowA = g.segA[seg] * S;
      const rowB = g.segB[seg] * S;
      const off = ps.offM[i];
      for (let c = 0; c < list.length; c++) {
        const s = list[c];
        let along = Math.min(table[rowA + s] + t * len, table[rowB + s] + (1 - t) * len);
        if (ss.seg[s] === seg) along = Math.min(along, Math.abs(t - ss.t[s]) * len);
        insertNearest(nearM, nearSchool, i * K, off + along + ss.offM[s], s);
      }
    }
    return;
  }
  // Straight lines: rank by the haversine term h (monotonic in the distance), then measure the kept ones exactly.
  const RAD = Math.PI / 180;
  const latR = Float64Array.from(p.schools, (s) => s.lat * RAD);
  const lonR = Float64Array.from(p.schools, (s) => s.lon * RAD);
  const cosLat = latR.map(Math.cos);
  const { x, y } = p.pupils;
  for (let i = 0; i < n; i++) {
    const list = lists[level[i]];
    const pLat = y[i] * RAD;
    const pLon = x[i] * RAD;
    const pCos = Math.cos(pLat);
    for (let c = 0; c < list.length; c++) {
      const s = list[c];
      const a = Math.sin((latR[s] - pLat) / 2);
      const b = Math.sin((lonR[s] - pLon) / 2);
      insertNearest(nearM, nearSchool, i * K, a * a + pCos * cosLat[s] * b * b, s);
    }
    for (let j = 0; j < K; j++) {
      const s = nearSchool[i * K + j];
      if (s >= 0) nearM[i * K + j] = straightDistanceM(p, i, s);
    }
  }
}
