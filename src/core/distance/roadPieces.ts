import type { School } from '../dataset';
import type { Polylines } from './lines';
import { buildRoadGraph, computeComponents } from './roadGraph';
import { buildSegmentGrid, nearestSegment, type Snap } from './segmentGrid';

/** A piece of the road network not joined to the largest one, with the pupils and schools whose nearest road is on it. */
export interface RoadPiece {
  /** Road segments in the piece. */
  segments: number;
  /** Pupils whose nearest road lies on this piece: by road they reach only the schools on it. */
  pupils: number;
  /** The first few of those pupils' file lines. */
  lines: number[];
  /** Indexes of the schools whose nearest road lies on it. */
  schools: number[];
  /** The piece's segments as [[lon, lat], [lon, lat]] pairs (at most 200), to show on the map. */
  geometry: [number, number][][];
}

/**
 * The pieces of a road network other than the largest (roads join where lines share a vertex; see
 * buildRoadGraph), each with the pupils and schools snapped to it, most pupils first. Empty when
 * the network is one piece.
 */
export function findRoadPieces(roads: Polylines, pupils: { x: ArrayLike<number>; y: ArrayLike<number>; line?: ArrayLike<number>; count?: number }, schools: readonly School[], maxLines = 5): RoadPiece[] {
  const g = buildRoadGraph(roads);
  if (g.segA.length === 0) return [];
  const { piece, count } = computeComponents(g);
  if (count <= 1) return [];
  const segPiece = Int32Array.from(g.segA, (a) => piece[a]);
  const grid = buildSegmentGrid(
    Float64Array.from(g.segA, (a) => g.nodeX[a]),
    Float64Array.from(g.segA, (a) => g.nodeY[a]),
    Float64Array.from(g.segB, (b) => g.nodeX[b]),
    Float64Array.from(g.segB, (b) => g.nodeY[b]),
  );
  const out = new Map<number, RoadPiece>();
  const of = (k: number): RoadPiece => {
    let p = out.get(k);
    if (!p) out.set(k, (p = { segments: 0, pupils: 0, lines: [], schools: [], geometry: [] }));
    return p;
  };
  for (let k = 0; k < g.segA.length; k++) {
    if (segPiece[k] === 0) continue;
    const p = of(segPiece[k]);
    p.segments++;
    if (p.geometry.length < 200) p.geometry.push([[g.nodeX[g.segA[k]], g.nodeY[g.segA[k]]], [g.nodeX[g.segB[k]], g.nodeY[g.segB[k]]]]);
  }
  const snap: Snap = { seg: -1, t: 0, d2: 0 };
  const n = pupils.count ?? pupils.x.length;
  for (let i = 0; i < n; i++) {
    const k = segPiece[nearestSegment(grid, pupils.x[i], pupils.y[i], snap).seg];
    if (k === 0) continue;
    const p = of(k);
    p.pupils++;
    if (p.lines.length < maxLines) p.lines.push(pupils.line ? pupils.line[i] : i + 2);
  }
  schools.forEach((s, i) => {
    const k = segPiece[nearestSegment(grid, s.lon, s.lat, snap).seg];
    if (k !== 0) of(k).schools.push(i);
  });
  return [...out.values()].sort((a, b) => b.pupils - a.pupils || b.segments - a.segments);
}
