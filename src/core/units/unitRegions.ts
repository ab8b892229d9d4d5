import { Delaunay } from 'd3-delaunay';
import type { MultiPolygonCoords } from '../zoneState';
import { ringContains } from '../ringContains';

/** Generator points of one zone: coordinates (degrees) and the unit each belongs to. */
export interface Generators {
  x: Float64Array;
  y: Float64Array;
  unit: Int32Array;
}

/** The triangulation of a zone's generators, framed, with its circumcentres (the Voronoi diagram's vertices). */
export interface Triangulation {
  delaunay: Delaunay<number>;
  /** Owner unit of each triangulation point (−1 for the four frame points). */
  owner: Int32Array;
  /** Circumcentre of each triangle: the diagram's vertices. */
  ccx: Float64Array;
  ccy: Float64Array;
}

/**
 * Triangulates `g`'s points with four far frame points of no unit around `box`, so that every real
 * point is interior and every unit's Voronoi region is bounded (see computeUnitRegions). Points at
 * the same place must be given once (the caller decides whose they are).
 */
export function triangulate(g: Generators, box: [number, number, number, number]): Triangulation {
  const n = g.x.length;
  const span = Math.max(box[2] - box[0], box[3] - box[1], 1e-6);
  const [cx, cy, far] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2, 4 * span];
  const coords = new Float64Array(2 * (n + 4));
  for (let i = 0; i < n; i++) {
    coords[2 * i] = g.x[i];
    coords[2 * i + 1] = g.y[i];
  }
  [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].forEach(([sx, sy], k) => {
    coords[2 * (n + k)] = cx + sx * far;
    coords[2 * (n + k) + 1] = cy + sy * far;
  });
  const owner = new Int32Array(n + 4).fill(-1);
  for (let i = 0; i < n; i++) owner[i] = g.unit[i];
  const delaunay = new Delaunay(coords);
  const { triangles } = delaunay;
  const T = triangles.length / 3;
  const ccx = new Float64Array(T);
  const ccy = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    const [a, b, c] = [triangles[3 * t], triangles[3 * t + 1], triangles[3 * t + 2]];
    const [ax, ay] = [coords[2 * a], coords[2 * a + 1]];
    const [bx, by] = [coords[2 * b] - ax, coords[2 * b + 1] - ay];
    const [qx, qy] = [coords[2 * c] - ax, coords[2 * c + 1] - ay];
    const d = 2 * (bx * qy - by * qx);
    const [b2, q2] = [bx * bx + by * by, qx * qx + qy * qy];
    ccx[t] = ax + (qy * b2 - by * q2) / d;
    ccy[t] = ay + (bx * q2 - qx * b2) / d;
  }
  return { delaunay, owner, ccx, ccy };
}

/**
 * Merges the Voronoi cells of a triangulation's points by unit: the region of unit u is the set of
 * places nearer to a point of u than to any other unit's point, up to the frame; its rings are
 * chains of triangle circumcentres, closed by index, not by comparing coordinates. Regions reach
 * well beyond the zone: the caller clips them.
 */
export function computeUnitRegions(tri: Triangulation): Map<number, MultiPolygonCoords> {
  const { delaunay, owner, ccx, ccy } = tri;
  const { triangles, halfedges } = delaunay;
  // Delaunator's triangles are clockwise (y up): the edge dual to half-edge e, walked from its own
  // triangle's circumcentre to its twin's, has e's start point on its left. So each unit's
  // boundary, walked that way, keeps the unit on its left: outer rings anticlockwise, holes clockwise.
  const next = new Map<number, Map<number, number>>();
  for (let e = 0; e < triangles.length; e++) {
    const u = owner[triangles[e]];
    if (u < 0) continue;
    const f = e % 3 === 2 ? e - 2 : e + 1;
    if (owner[triangles[f]] === u) continue;
    let m = next.get(u);
    if (!m) next.set(u, (m = new Map()));
    m.set(Math.floor(e / 3), Math.floor(halfedges[e] / 3));
  }
  const regions = new Map<number, MultiPolygonCoords>();
  for (const [u, m] of next) regions.set(u, ringsToPolygons(chainRings(m, ccx, ccy)));
  return regions;
}

/** Closed rings from a map of each boundary vertex (triangle) to the next one. */
function chainRings(next: Map<number, number>, x: Float64Array, y: Float64Array): [number, number][][] {
  const rings: [number, number][][] = [];
  const seen = new Set<number>();
  for (const start of next.keys()) {
    if (seen.has(start)) continue;
    const ring: [number, number][] = [];
    let t = start;
    do {
      seen.add(t);
      const p: [number, number] = [x[t], y[t]];
      const last = ring[ring.length - 1];
      // Cocircular points give several triangles with one circumcentre: one vertex is enough.
      if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
      t = next.get(t)!;
    } while (t !== start && t !== undefined);
    if (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) ring.pop();
    if (ring.length >= 3) rings.push([...ring, [ring[0][0], ring[0][1]]]);
  }
  return rings;
}

/** Twice the signed area of a closed ring (positive: anticlockwise). */
export function ringArea2(ring: [number, number][]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a;
}

/** Groups rings into polygons: each clockwise ring (a hole) goes to the smallest outer ring around it. */
function ringsToPolygons(rings: [number, number][][]): MultiPolygonCoords {
  const outers = rings.filter((r) => ringArea2(r) > 0).sort((a, b) => ringArea2(a) - ringArea2(b));
  const polygons: MultiPolygonCoords = outers.map((r) => [r]);
  for (const hole of rings) {
    if (ringArea2(hole) >= 0) continue;
    // A hole's vertices lie on its outer ring's inside; test a midpoint of an edge, off any vertex.
    const [mx, my] = [(hole[0][0] + hole[1][0]) / 2, (hole[0][1] + hole[1][1]) / 2];
    const k = outers.findIndex((r) => ringContains(r, mx, my));
    if (k >= 0) polygons[k].push(hole);
  }
  return polygons;
}
