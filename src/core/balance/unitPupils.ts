import type { UnitPupils } from './types';

/** Pupils of one level as parallel lists, sorted by unit: entry k is `count[k]` pupils of `grade[k]` in year slot `slot[k]` at `school[k]` (−1: none). */
export interface PupilEntries {
  unit: number[];
  slot: number[];
  school: number[];
  grade: number[];
  count: number[];
}

/**
 * The entries (sorted by unit) in the balancer's CSR form over `U` units, and per unit the school
 * most of its pupils of the first year slot go to (ties: the lower school; then of any slot; −1:
 * none).
 */
export function toUnitPupils(U: number, e: PupilEntries): { pupils: UnitPupils; majority: Int32Array } {
  const offsets = new Int32Array(U + 1);
  for (const u of e.unit) offsets[u + 1]++;
  for (let u = 0; u < U; u++) offsets[u + 1] += offsets[u];
  const majority = new Int32Array(U).fill(-1);
  for (let u = 0; u < U; u++) {
    const first = new Map<number, number>();
    const any = new Map<number, number>();
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const s = e.school[k];
      if (s < 0) continue;
      any.set(s, (any.get(s) ?? 0) + e.count[k]);
      if (e.slot[k] === 0) first.set(s, (first.get(s) ?? 0) + e.count[k]);
    }
    const by = first.size > 0 ? first : any;
    for (const [s, c] of by) if (majority[u] < 0 || c > by.get(majority[u])! || (c === by.get(majority[u])! && s < majority[u])) majority[u] = s;
  }
  return {
    pupils: { offsets, school: Int32Array.from(e.school), year: Uint8Array.from(e.slot), grade: Uint8Array.from(e.grade), count: Float64Array.from(e.count) },
    majority,
  };
}
