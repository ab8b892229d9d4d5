import type { Candidates } from './candidates';
import type { ZoneGraph } from './contiguity';
import type { BalanceState, FullObjective, MoveDelta } from './state';
import type { BalanceProgress } from './types';

/** A move option: item i to target t (−1: back to its school today), its score (lower is better). */
export interface Option {
  i: number;
  t: number;
  score: number;
}

/** The objective after a move of change `d`. */
export const plus = (o: FullObjective, d: MoveDelta): FullObjective => ({
  violation: o.violation + d.violation,
  utilizationGap: o.utilizationGap + d.utilizationGap,
  moved: o.moved + d.moved,
  addedKm: o.addedKm + d.addedKm,
});

/**
 * How a repair ranks moves, lower is better: by cost per pupil relieved (weighted pupils moved,
 * then a little distance), or, when the limits cannot all be met, by pupils relieved first.
 */
export type Ranking = 'costPerPupil' | 'mostRelief';

/** The rank of a move of change `d` that relieves `gain` pupils (> 0) under `ranking`; lower is better. */
export function relief(d: MoveDelta, gain: number, ranking: Ranking): number {
  const cost = d.moved + 1e-3 * d.addedKm;
  return ranking === 'costPerPupil' ? cost / gain : -gain + 1e-6 * cost;
}

/**
 * What the search's steps share: the state, the zones' connectivity, the candidates, the seeded
 * random numbers, how the current round ranks moves, and the relieving moves ranked per school
 * (kept until a move touches the school or the target of its best move).
 */
export class SearchContext {
  ranking: Ranking = 'costPerPupil';
  chainFirst = false;
  phase: BalanceProgress['phase'] = 'repair';
  /** The best objective found so far (the search's). */
  bestObjective: FullObjective;
  /** Per school over its limits, its relieving moves as ranked when last computed (see relieve). */
  readonly ranked = new Map<number, Option[]>();

  constructor(
    readonly st: BalanceState,
    readonly graph: ZoneGraph,
    readonly cand: Candidates,
    readonly rand: () => number,
  ) {
    this.bestObjective = { ...st.objective };
  }

  /** Moves item i to t, keeping the zones' connectivity and the ranked moves up to date. */
  move(i: number, t: number): void {
    const st = this.st;
    const k = st.itemLevel[i];
    const from = st.schoolOf(i);
    st.apply(i, t);
    const to = st.schoolOf(i);
    this.graph.refresh(k, from);
    this.graph.refresh(k, to);
    this.ranked.delete(from);
    this.ranked.delete(to);
    for (const [s, list] of this.ranked) {
      const first = list[0];
      if (!first) continue;
      const dest = first.t >= 0 ? first.t : st.home[first.i];
      if (dest === from || dest === to) this.ranked.delete(s);
    }
  }

  /** Whether item i may go to t (−1: home) under locks and contiguity. */
  legal(i: number, t: number): boolean {
    const dest = t >= 0 ? t : this.st.home[i];
    if (dest === this.st.schoolOf(i) || this.cand.frozen[i] === 1) return false;
    return this.graph.canEnter(i, dest) && this.graph.canLeave(i);
  }

  /** Targets item i may take other than its own now: its candidates, and home when moved. */
  targetsOf(i: number): number[] {
    const out: number[] = [];
    const here = this.st.schoolOf(i);
    for (let c = this.cand.offsets[i]; c < this.cand.offsets[i + 1]; c++) if (this.cand.schools[c] !== here) out.push(this.cand.schools[c]);
    if (this.st.target[i] >= 0) out.push(-1);
    return out;
  }

  /** Sorts options best first (ties by item, then target) and applies the first legal one. */
  applyFirstLegal(options: Option[]): boolean {
    options.sort((x, y) => x.score - y.score || x.i - y.i || x.t - y.t);
    for (const o of options) {
      if (!this.legal(o.i, o.t)) continue;
      this.move(o.i, o.t);
      return true;
    }
    return false;
  }
}
