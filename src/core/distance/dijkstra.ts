import type { RoadGraph } from './roadGraph';

/** Reusable heap storage for shortestFrom (sized to the graph once). */
export interface DijkstraWorkspace {
  heapNode: Int32Array;
  heapKey: Float64Array;
  settled: Float64Array;
  done: Uint8Array;
}

/** A workspace for a graph: the lazy-deletion heap holds at most one entry per adjacency plus the sources. */
export function createDijkstraWorkspace(g: RoadGraph): DijkstraWorkspace {
  const cap = g.adjNode.length + 4;
  const n = g.nodeX.length;
  return { heapNode: new Int32Array(cap), heapKey: new Float64Array(cap), settled: new Float64Array(n), done: new Uint8Array(n) };
}

/**
 * Shortest road distances in metres from a point on segment `seg` at parameter t (0 at segA, 1 at
 * segB) to every node (Infinity when unreachable), by Dijkstra with a binary heap over typed arrays.
 * Writes into `dist` (length = nodes).
 */
export function shortestFrom(g: RoadGraph, seg: number, t: number, dist: Float32Array | Float64Array, ws: DijkstraWorkspace): void {
  const { heapNode, heapKey, settled, done } = ws;
  const { adjStart, adjNode, adjSeg, segLengthM } = g;
  settled.fill(Infinity);
  done.fill(0);
  const a = g.segA[seg];
  const b = g.segB[seg];
  const len = segLengthM[seg];
  settled[a] = t * len;
  settled[b] = Math.min(settled[b], (1 - t) * len);
  let size = 0;
  // The heap is written out inline (no closures): this loop runs once per school over the whole network.
  for (const [v0, key0] of [[a, settled[a]], [b, settled[b]]]) {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKey[parent] <= key0) break;
      heapNode[i] = heapNode[parent];
      heapKey[i] = heapKey[parent];
      i = parent;
    }
    heapNode[i] = v0;
    heapKey[i] = key0;
  }
  while (size > 0) {
    const v = heapNode[0];
    const key = heapKey[0];
    size--;
    if (size > 0) {
      const lastNode = heapNode[size];
      const lastKey = heapKey[size];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && heapKey[c + 1] < heapKey[c]) c++;
        if (heapKey[c] >= lastKey) break;
        heapNode[i] = heapNode[c];
        heapKey[i] = heapKey[c];
        i = c;
      }
      heapNode[i] = lastNode;
      heapKey[i] = lastKey;
    }
    if (done[v]) continue;
    done[v] = 1;
    for (let k = adjStart[v]; k < adjStart[v + 1]; k++) {
      const w = adjNode[k];
      const d = key + segLengthM[adjSeg[k]];
      if (d < settled[w]) {
        settled[w] = d;
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (heapKey[parent] <= d) break;
          heapNode[i] = heapNode[parent];
          heapKey[i] = heapKey[parent];
          i = parent;
        }
        heapNode[i] = w;
        heapKey[i] = d;
      }
    }
  }
  dist.set(settled);
}
