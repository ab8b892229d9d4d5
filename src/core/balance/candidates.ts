import { teachesLevel } from '../rules';
import type { BalanceState } from './state';
import type { BalanceInput, BalanceSettings } from './types';

/** Per item, the schools it may go to (CSR): offsets[i] .. offsets[i+1] of `schools`, nearest first. */
export interface Candidates {
  offsets: Int32Array;
  schools: Int32Array;
  /** Items that never move: a locked unit or zone, or a school outside the schools that may change. */
  frozen: Uint8Array;
}

/**
 * The schools each item may go to: open public schools teaching its level whose zone is not locked
 * (and among `settings.schoolIds` when given), its nearest `nearestSchools` of them, each within
 * `maxDistanceKm` of the unit and at most `maxAddedKm` farther than its school today.
 */
export function computeCandidates(st: BalanceState, settings: BalanceSettings): Candidates {
  const { input } = st;
  const n = st.target.length;
  const allowed = new Uint8Array(st.S).fill(1);
  if (settings.schoolIds) {
    allowed.fill(0);
    const want = new Set(settings.schoolIds);
    input.schools.forEach((s, k) => (allowed[k] = want.has(s.id) ? 1 : 0));
  }
  const frozen = new Uint8Array(n);
  const offsets = new Int32Array(n + 1);
  const out: number[] = [];
  const near = schoolGrid(input.schools.map((s, k) => (s.open && s.public && allowed[k] === 1 ? k : -1)).filter((k) => k >= 0), input, Math.max(settings.maxDistanceKm, 1));
  for (let i = 0; i < n; i++) {
    const level = input.levels[st.itemLevel[i]];
    const u = st.itemUnit[i];
    const h = st.home[i];
    offsets[i] = out.length;
    if (level.lockedUnits[u] === 1 || input.schools[h].locked[level.level] || allowed[h] === 0) {
      frozen[i] = 1;
      continue;
    }
    const dHome = st.distance(u, h);
    const found: { s: number; d: number }[] = [];
    for (const s of near(input.unitX[u], input.unitY[u])) {
      const school = input.schools[s];
      if (s === h || school.locked[level.level] || !teachesLevel(school.level, level.level)) continue;
      const d = st.distance(u, s);
      if (d > settings.maxDistanceKm || d - dHome > settings.maxAddedKm) continue;
      found.push({ s, d });
    }
    found.sort((a, b) => a.d - b.d || a.s - b.s);
    for (const c of found.slice(0, settings.nearestSchools)) out.push(c.s);
  }
  offsets[n] = out.length;
  return { offsets, schools: Int32Array.from(out), frozen };
}

/** The schools (of `ids`) in the 3 × 3 cells of side `cellKm` around a point: a superset of those within cellKm. */
function schoolGrid(ids: number[], input: BalanceInput, cellKm: number): (x: number, y: number) => number[] {
  const cells = new Map<string, number[]>();
  const key = (cx: number, cy: number) => `${cx},${cy}`;
  for (const s of ids) {
    const k = key(Math.floor(input.schools[s].x / cellKm), Math.floor(input.schools[s].y / cellKm));
    const list = cells.get(k);
    if (list) list.push(s);
    else cells.set(k, [s]);
  }
  return (x, y) => {
    const cx = Math.floor(x / cellKm);
    const cy = Math.floor(y / cellKm);
    const out: number[] = [];
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) out.push(...(cells.get(key(cx + dx, cy + dy)) ?? []));
    return out;
  };
}
