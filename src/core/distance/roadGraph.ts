import { haversineM } from './haversine';
import type { Polylines } from './lines';

/**
 * A road network as a compact graph: nodes are the lines' vertices, merged where two lines share a
 * position (to 1e-7 degrees, about 1 cm) — roads join only there, so a line crossing another
 * without a shared vertex is a bridge or an underpass. Segment k joins segA[k] and segB[k], is
 * segLengthM[k] metres long (haversine) and belongs to line segLine[k]. Adjacency in CSR form:
 * node v's neighbours are adjNode[adjStart[v] .. adjStart[v+1]] over segments adjSeg[…].
 */
export interface RoadGraph {
  nodeX: Float64Array;
  nodeY: Float64Array;
  segA: Int32Array;
  segB: Int32Array;
  segLengthM: Float64Array;
  segLine: Int32Array;
  adjStart: Int32Array;
  adjNode: Int32Array;
  adjSeg: Int32Array;
}

/** Open-addressing table from a position (quantised to 1e-7°) to a node index. */
function nodeTable(capacity: number) {
  let size = 1;
  while (size < capacity * 2) size <<= 1;
  const keyX = new Int32Array(size);
  const keyY = new Int32Array(size);
  const value = new Int32Array(size).fill(-1);
  const mask = size - 1;
  return (qx: number, qy: number, next: number): number => {
    let h = (Math.imul(qx, 0x9e3779b1) ^ Math.imul(qy, 0x85ebca77)) & mask;
    while (value[h] >= 0) {
      if (keyX[h] === qx && keyY[h] === qy) return value[h];
      h = (h + 1) & mask;
    }
    keyX[h] = qx;
    keyY[h] = qy;
    value[h] = next;
    return next;
  };
}

/** Builds the graph of a set of road lines (see RoadGraph). Zero-length segments are left out. */
export function buildRoadGraph(roads: Polylines): RoadGraph {
  const points = roads.coords.length / 2;
  const lines = roads.kind.length;
  const find = nodeTable(Math.max(points, 1));
  const nodeOf = new Int32Array(points);
  const nx: number[] = [];
  const ny: number[] = [];
  for (let p = 0; p < points; p++) {
    const x = roads.coords[2 * p];
    const y = roads.coords[2 * p + 1];
    const v = find(Math.round(x * 1e7), Math.round(y * 1e7), nx.length);
    if (v === nx.length) {
      nx.push(x);
      ny.push(y);
    }
    nodeOf[p] = v;
  }
  const segA: number[] = [];
  const segB: number[] = [];
  const segLine: number[] = [];
  const segLen: number[] = [];
  for (let l = 0; l < lines; l++) {
    for (let p = roads.start[l]; p < roads.start[l + 1] - 1; p++) {
      const a = nodeOf[p];
      const b = nodeOf[p + 1];
      if (a === b) continue;
      segA.push(a);
      segB.push(b);
      segLine.push(l);
      segLen.push(haversineM(nx[a], ny[a], nx[b], ny[b]));
    }
  }
  const nodes = nx.length;
  const adjStart = new Int32Array(nodes + 1);
  for (let k = 0; k < segA.length; k++) {
    adjStart[segA[k] + 1]++;
    adjStart[segB[k] + 1]++;
  }
  for (let v = 0; v < nodes; v++) adjStart[v + 1] += adjStart[v];
  const fill = adjStart.slice(0, nodes);
  const adjNode = new Int32Array(2 * segA.length);
  const adjSeg = new Int32Array(2 * segA.length);
  for (let k = 0; k < segA.length; k++) {
    adjNode[fill[segA[k]]] = segB[k];
    adjSeg[fill[segA[k]]++] = k;
    adjNode[fill[segB[k]]] = segA[k];
    adjSeg[fill[segB[k]]++] = k;
  }
  return {
    nodeX: Float64Array.from(nx),
    nodeY: Float64Array.from(ny),
    segA: Int32Array.from(segA),
    segB: Int32Array.from(segB),
    segLengthM: Float64Array.from(segLen),
    segLine: Int32Array.from(segLine),
    adjStart,
    adjNode,
    adjSeg,
  };
}

/** Connected pieces of the graph: the piece of each node (0 = the one with most nodes), and the number of pieces. */
export function computeComponents(g: RoadGraph): { piece: Int32Array; count: number; nodes: Int32Array } {
  const n = g.nodeX.length;
  const raw = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (raw[s] >= 0) continue;
    const id = sizes.length;
    let top = 0;
    let size = 0;
    stack[top++] = s;
    raw[s] = id;
    while (top > 0) {
      const v = stack[--top];
      size++;
      for (let k = g.adjStart[v]; k < g.adjStart[v + 1]; k++) {
        const w = g.adjNode[k];
        if (raw[w] < 0) {
          raw[w] = id;
          stack[top++] = w;
        }
      }
    }
    sizes.push(size);
  }
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const rank = new Int32Array(sizes.length);
  order.forEach((id, r) => (rank[id] = r));
  const piece = raw.map((id) => rank[id]);
  return { piece, count: sizes.length, nodes: Int32Array.from(order, (id) => sizes[id]) };
}
