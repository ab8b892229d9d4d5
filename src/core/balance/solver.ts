import type { Candidates } from './candidates';
import type { ZoneGraph } from './contiguity';
import { destroy } from './destroy';
import { polish } from './polish';
import { repair } from './repair';
import { SearchContext } from './search';
import { isBetter, type BalanceState, type FullObjective } from './state';
import type { BalanceProgress } from './types';

/**
 * The search: greedy repair of the schools over their limits (single moves, else 2-step ejection
 * chains), polishing (moved units go home or nearer when that is no worse), then a seeded
 * large-neighbourhood search (send 20–60 % of the moved units home, repair with noise, polish, keep
 * if better). A generator: it yields after every move or iteration so a caller can run it in time
 * slices; decisions depend only on the state and the seeded random numbers.
 */
export class Solver {
  best: Int32Array;
  iteration = 0;
  /** Iteration count at which the first plan meeting every limit appeared (−1: not yet). */
  feasibleAt = -1;
  private readonly c: SearchContext;

  constructor(
    private readonly st: BalanceState,
    graph: ZoneGraph,
    cand: Candidates,
    rand: () => number,
  ) {
    this.c = new SearchContext(st, graph, cand, rand);
    this.best = st.target.slice();
  }

  get bestObjective(): FullObjective {
    return this.c.bestObjective;
  }

  get phase(): BalanceProgress['phase'] {
    return this.c.phase;
  }

  /** The whole search, `iterations` LNS rounds after the first repair and polish. */
  *run(iterations: number): Generator<void, void, void> {
    const c = this.c;
    yield* repair(c, 0);
    c.phase = 'polish';
    yield* polish(c, true);
    this.keepIfBetter(true);
    c.phase = 'search';
    for (let k = 0; k < iterations; k++) {
      this.iteration = k + 1;
      const moved: number[] = [];
      for (let i = 0; i < this.st.target.length; i++) if (this.st.target[i] >= 0) moved.push(i);
      if (moved.length === 0 && this.st.objective.violation === 0 && this.st.objective.utilizationGap === 0) break;
      destroy(c, moved);
      // While limits still fail, one round in three ranks moves by the pupils they relieve.
      c.ranking = c.bestObjective.violation > 0 && c.rand() < 1 / 3 ? 'mostRelief' : 'costPerPupil';
      // One round in ten tries ejection chains before single moves (a swap can beat the cheapest move).
      c.chainFirst = c.rand() < 0.1;
      yield* repair(c, 0.5);
      yield* polish(c, false);
      // Exchanges are dear: only a round that beats the best plan gets them.
      if (isBetter(this.st.objective, c.bestObjective)) yield* polish(c, true);
      if (!this.keepIfBetter(false)) this.restore();
      yield;
    }
    this.restore();
    c.phase = 'done';
  }

  /** Takes the current state as the best when it is better (or when `always`); returns whether it did. */
  private keepIfBetter(always: boolean): boolean {
    const c = this.c;
    if (!always && !isBetter(this.st.objective, c.bestObjective)) return false;
    this.best = this.st.target.slice();
    c.bestObjective = { ...this.st.objective };
    if (this.feasibleAt < 0 && c.bestObjective.violation === 0) this.feasibleAt = this.iteration;
    return true;
  }

  /** Puts the state back to the best plan. */
  private restore(): void {
    const st = this.st;
    const zones = new Set<number>();
    for (let i = 0; i < st.target.length; i++) {
      if (st.target[i] === this.best[i]) continue;
      const k = st.itemLevel[i];
      zones.add(k * st.S + st.schoolOf(i));
      st.apply(i, this.best[i]);
      zones.add(k * st.S + st.schoolOf(i));
    }
    for (const z of zones) this.c.graph.refresh(Math.floor(z / st.S), z % st.S);
    st.objective = { ...this.c.bestObjective };
  }
}
