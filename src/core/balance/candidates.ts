import { teachesLevel } from '../rules';
import type { BalanceState } from './state';
import type { BalanceSettings } from './types';

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
    const near: { s: number; d: number }[] = [];
    input.schools.forEach((school, s) => {
      if (s === h || !school.open || !school.public || school.locked[level.level] || allowed[s] === 0) return;
      if (!teachesLevel(school.level, level.level)) return;
      const d = st.distance(u, s);
      if (d > settings.maxDistanceKm || d - dHome > settings.maxAddedKm) return;
      near.push({ s, d });
    });
    near.sort((a, b) => a.d - b.d || a.s - b.s);
    for (const c of near.slice(0, settings.nearestSchools)) out.push(c.s);
  }
  offsets[n] = out.length;
  return { offsets, schools: Int32Array.from(out), frozen };
}
