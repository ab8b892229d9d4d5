import type { BalanceInput, BalanceSchool, BalanceSettings, UnitAdjacency } from '../../src/core/balance/types';

/** A school of a grid county: where it is (cell column, row), its rooms, size limit and flags. */
export interface GridSchool {
  at: [number, number];
  rooms?: number;
  maxSize?: number;
  level?: BalanceSchool['level'];
  public?: boolean;
  open?: boolean;
  locked?: boolean;
  /** Opens in the scenario (held to the minimum utilization). */
  opening?: boolean;
}

/** A county of w × h unit cells, 1 km apart, 4-neighbour adjacency; pupils[u] = primary pupils by grade of unit u (row-major). */
export interface GridCounty {
  w: number;
  h: number;
  schools: GridSchool[];
  /** Primary pupils per unit: grade → count. */
  pupils: Record<number, number>[];
  /** Each unit's school today (row-major); default: the nearest school teaching primary, ties the lower index. */
  home?: number[];
  lockedUnits?: number[];
  /** Class cap of every grade (default 45). */
  cap?: number;
}

/** The 4-neighbour adjacency of a w × h grid in CSR form (the test-only stand-in for unitAdjacency). */
export function gridAdjacency(w: number, h: number): UnitAdjacency {
  const lists: number[][] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const l: number[] = [];
      if (x > 0) l.push(y * w + x - 1);
      if (x < w - 1) l.push(y * w + x + 1);
      if (y > 0) l.push((y - 1) * w + x);
      if (y < h - 1) l.push((y + 1) * w + x);
      lists.push(l);
    }
  }
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((l, u) => (offsets[u + 1] = offsets[u] + l.length));
  return { offsets, neighbours: Int32Array.from(lists.flat()) };
}

/** The balancing input of a grid county (primary level only, pupils all at their unit's school today). */
export function gridInput(c: GridCounty): BalanceInput {
  const U = c.w * c.h;
  const S = c.schools.length;
  const ux = Float64Array.from({ length: U }, (_, u) => u % c.w);
  const uy = Float64Array.from({ length: U }, (_, u) => Math.floor(u / c.w));
  // Schools sit a little off their cell so that distances never tie.
  const schools: BalanceSchool[] = c.schools.map((s, k) => ({
    id: `S${k}`,
    level: s.level ?? 'primary',
    open: s.open ?? true,
    public: s.public ?? true,
    rooms: s.rooms,
    maxSize: s.maxSize ?? 2000,
    x: s.at[0] + 0.01 * (k + 1),
    y: s.at[1] + 0.013 * (k + 1),
    locked: { primary: s.locked ?? false, junior: false },
    opening: s.opening ?? false,
  }));
  const home = c.home ?? Array.from({ length: U }, (_, u) => {
    let best = -1;
    let bestD = Infinity;
    schools.forEach((s, k) => {
      if (s.level === 'junior' || !s.open) return;
      const d = Math.hypot(ux[u] - s.x, uy[u] - s.y);
      if (d < bestD) (bestD = d), (best = k);
    });
    return best;
  });
  const offsets = new Int32Array(U + 1);
  const school: number[] = [];
  const grade: number[] = [];
  const count: number[] = [];
  for (let u = 0; u < U; u++) {
    for (const [g, n] of Object.entries(c.pupils[u] ?? {})) {
      if (n <= 0) continue;
      school.push(home[u]);
      grade.push(Number(g));
      count.push(n);
    }
    offsets[u + 1] = school.length;
  }
  const cap = c.cap ?? 45;
  return {
    unitIds: Array.from({ length: U }, (_, u) => `u${u}`),
    unitX: ux,
    unitY: uy,
    schools,
    gradeCap: Array.from({ length: 10 }, (_, g) => (g === 0 ? 0 : cap)),
    firstJuniorGrade: 7,
    years: [2024],
    fixed: new Float64Array(S * 10),
    levels: [
      {
        level: 'primary',
        home: Int32Array.from(home),
        pupils: { offsets, school: Int32Array.from(school), year: new Uint8Array(school.length), grade: Uint8Array.from(grade), count: Float64Array.from(count) },
        lockedUnits: Uint8Array.from({ length: U }, (_, u) => (c.lockedUnits?.includes(u) ? 1 : 0)),
        adjacency: gridAdjacency(c.w, c.h),
      },
    ],
  };
}

/** Settings for small counties: every school in reach, enough search to settle. */
export const SMALL_SETTINGS: BalanceSettings = {
  seed: 7,
  iterations: 200,
  nearestSchools: 99,
  maxDistanceKm: 99,
  maxAddedKm: 99,
  entrantWeight: 0.5,
  phaseIn: false,
  minOpeningUtilization: 0,
};
