import type { School } from '../../src/core/dataset';
import type { EditContext } from '../../src/core/editTypes';
import { createZoneState, type MultiPolygonCoords, type ZoneState } from '../../src/core/zoneState';

// Plain references for the edit geometry tests: zones on a lattice of 1/256° near (118, 36),
// membership by ray casting (even–odd over every ring), nothing from polyclip or turf.

type Pt = [number, number];
/** The lattice step (degrees) of the hand-made zones. */
export const U = 1 / 256;
/** Lattice point (i, j) in degrees. */
export const at = (i: number, j: number): Pt => [118 + i * U, 36 + j * U];
/** A closed counter-clockwise box ring from lattice (i0, j0) to (i1, j1). */
export const box = (i0: number, j0: number, i1: number, j1: number): Pt[] => [at(i0, j0), at(i1, j0), at(i1, j1), at(i0, j1), at(i0, j0)];
/** A closed ring through lattice points. */
export const ring = (...points: Pt[]): Pt[] => [...points.map(([i, j]) => at(i, j)), at(points[0][0], points[0][1])];

/** Whether a point is inside a MultiPolygon: a ray to the east crosses its rings an odd number of times. */
export function inside(m: MultiPolygonCoords, [x, y]: Pt): boolean {
  let odd = false;
  for (const polygon of m) {
    for (const r of polygon) {
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
        const [xi, yi] = r[i];
        const [xj, yj] = r[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
      }
    }
  }
  return odd;
}

/**
 * Sample points over lattice [−2, 14]² at a quarter step, shifted by an odd fraction so that none
 * lies on a lattice line, an edge or a vertex of the hand-made zones (boundaries are where the
 * reference and the clipping may rightly differ).
 */
export const SAMPLES: Pt[] = Array.from({ length: 64 * 64 }, (_, k) => at(-2 + ((k % 64) + 0.3183) / 4, -2 + (Math.floor(k / 64) + 0.2718) / 4));

/** The first sample point where a zone's membership differs from `expected` (a predicate on points), or undefined. */
export function firstMismatch(zone: MultiPolygonCoords | undefined, expected: (p: Pt) => boolean): Pt | undefined {
  return SAMPLES.find((p) => (zone ? inside(zone, p) : false) !== expected(p));
}

/** Shoelace area of a MultiPolygon in square lattice steps (holes, wound the other way, count negative). */
export function latticeArea(m: MultiPolygonCoords): number {
  let twice = 0;
  for (const polygon of m) {
    for (const r of polygon) {
      for (let i = 0; i + 1 < r.length; i++) twice += ((r[i][0] - 118) / U) * ((r[i + 1][1] - 36) / U) - ((r[i + 1][0] - 118) / U) * ((r[i][1] - 36) / U);
    }
  }
  return Math.abs(twice / 2);
}

const school = (id: string, k: number): School => ({ id, name: `${id}小学`, level: 'primary', ownership: 'public', lon: at(k, 0)[0], lat: at(k, 0)[1], facilities: {} });

/** Three primary schools P1, P2, P3 (indexes 0, 1, 2) and an edit context for them. */
export const SCHOOLS: School[] = [school('P1', 1), school('P2', 5), school('P3', 9)];
export const CTX: EditContext = { schools: SCHOOLS, schoolIndex: new Map(SCHOOLS.map((s, i) => [s.id, i])), unitIndex: new Map() };

/** A state whose primary zones are `zones` (school index → MultiPolygon) and no junior ones. */
export function primaryState(zones: [number, MultiPolygonCoords][]): ZoneState {
  return createZoneState({ primary: new Map(zones), junior: new Map() });
}
