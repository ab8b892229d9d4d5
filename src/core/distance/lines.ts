/** Road classes of `roads.geojson`, fastest first. */
export const ROAD_CLASSES = ['motorway', 'arterial', 'local', 'path'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

/** Barrier kinds of `barriers.geojson` (lines, or polygons read as their rings). */
export const BARRIER_KINDS = ['river', 'railway', 'motorway'] as const;
export type BarrierKind = (typeof BARRIER_KINDS)[number];

/**
 * What a pupil's way to school may cross, as counted in the metrics: a main road (an arterial or
 * motorway road, or a motorway barrier), a railway, a river. Bit k of a crossing mask is CROSSINGS[k].
 */
export const CROSSINGS = ['arterial', 'railway', 'river'] as const;
export type Crossing = (typeof CROSSINGS)[number];

/**
 * Polylines as flat columns: line l has points start[l] .. start[l+1]−1, point p at
 * (coords[2p], coords[2p+1]) in longitude/latitude degrees; kind[l] indexes ROAD_CLASSES (roads)
 * or BARRIER_KINDS (barriers); `name[l]` is the line's name or ''.
 */
export interface Polylines {
  coords: Float64Array;
  start: Int32Array;
  kind: Uint8Array;
  name: string[];
}

/** The crossing mask bit a barrier line of `kind` sets. */
export function barrierBit(kind: BarrierKind): number {
  return kind === 'railway' ? 2 : kind === 'river' ? 4 : 1;
}

/** The crossing mask bit a road of class `cls` sets (main roads only; 0 for local roads and paths). */
export function roadBit(cls: RoadClass): number {
  return cls === 'motorway' || cls === 'arterial' ? 1 : 0;
}

/** An empty set of polylines. */
export function emptyPolylines(): Polylines {
  return { coords: new Float64Array(0), start: new Int32Array([0]), kind: new Uint8Array(0), name: [] };
}
