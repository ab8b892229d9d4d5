import type { Candidates } from './candidates';
import type { ZoneGraph } from './contiguity';
import { isBetter, type BalanceState, type FullObjective, type MoveDelta } from './state';
import type { BalanceProgress } from './types';

/** A move option: item i to target t (−1: back to its school today), its score (lower is better). */
interface Option {
  i: number;
  t: number;
  score: number;
}

const plus = (o: FullObjective, d: MoveDelta): FullObjective => ({
  violation: o.violation + d.violation,
  shortfall: o.shortfall + d.shortfall,
  moved: o.moved + d.moved,
  addedKm: o.addedKm + d.addedKm,
});

/**
 * How a repair ranks moves, lower is better: by cost per pupil relieved (weighted pupils moved,
 * then a little distance), or, when the limits cannot all be met, by pupils relieved first.
 */
type Ranking = 'costPerPupil' | 'mostRelief';

function relief(d: MoveDelta, gain: number, ranking: Ranking): number {
  const cost = d.moved + 1e-3 * d.addedKm;
  return ranking === 'costPerPupil' ? cost / gain : -gain + 1e-6 * cost;
}

/**
 * The search: greedy repair of the schools over their limits (single moves, else 2-step ejection
 * chains), polishing (moved units go home or nearer when that is no worse), then a seeded
 * large-neighbourhood search (send 20–60 % of the moved units home, repair with noise, polish, keep
 * if better). A generator: it yields after every move or iteration so a caller can run it in time
 * slices; decisions depend only on the state and the seeded random numbers.
 */
export class Solver {
  best: Int32Array;
  bestObjective: FullObjective;
  iteration = 0;
  phase: BalanceProgress['phase'] = 'repair';
  /** Iteration count at which the first plan meeting every limit appeared (−1: not yet). */
  feasibleAt = -1;
  private ranking: Ranking = 'costPerPupil';
  private chainFirst = false;
  /** Per school over its limits, its relieving moves as ranked when last computed (see relieve). */
  private readonly ranked = new Map<number, Option[]>();

  constructor(
    private readonly st: BalanceState,
    private readonly graph: ZoneGraph,
    private readonly cand: Candidates,
    private readonly rand: () => number,
  ) {
    this.best = st.target.slice();
    this.bestObjective = { ...st.objective };
  }

  /** The whole search, `iterations` LNS rounds after the first repair and polish. */
  *run(iterations: number): Generator<void, void, void> {
    yield* this.repair(0);
    this.phase = 'polish';
    yield* this.polish(true);
    this.keepIfBetter(true);
    this.phase = 'search';
    for (let k = 0; k < iterations; k++) {
      this.iteration = k + 1;
      const moved: number[] = [];
      for (let i = 0; i < this.st.target.length; i++) if (this.st.target[i] >= 0) moved.push(i);
      if (moved.length === 0 && this.st.objective.violation === 0 && this.st.objective.shortfall === 0) break;
      this.destroy(moved);
      // While limits still fail, one round in three ranks moves by the pupils they relieve.
      this.ranking = this.bestObjective.violation > 0 && this.rand() < 1 / 3 ? 'mostRelief' : 'costPerPupil';
      // One round in ten tries ejection chains before single moves (a swap can beat the cheapest move).
      this.chainFirst = this.rand() < 0.1;
      yield* this.repair(0.5);
      yield* this.polish(false);
      // Exchanges are dear: only a round that beats the best plan gets them.
      if (isBetter(this.st.objective, this.bestObjective)) yield* this.polish(true);
      if (!this.keepIfBetter(false)) this.restore();
      yield;
    }
    this.restore();
    this.phase = 'done';
  }

  /** Takes the current state as the best when it is better (or when `always`); returns whether it did. */
  private keepIfBetter(always: boolean): boolean {
    if (!always && !isBetter(this.st.objective, this.bestObjective)) return false;
    this.best = this.st.target.slice();
    this.bestObjective = { ...this.st.objective };
    if (this.feasibleAt < 0 && this.bestObjective.violation === 0) this.feasibleAt = this.iteration;
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
    for (const z of zones) this.graph.refresh(Math.floor(z / st.S), z % st.S);
    st.objective = { ...this.bestObjective };
  }

  /** Moves item i to t, keeping the zones' connectivity up to date. */
  private move(i: number, t: number): void {
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
  private legal(i: number, t: number): boolean {
    const dest = t >= 0 ? t : this.st.home[i];
    if (dest === this.st.schoolOf(i) || this.cand.frozen[i] === 1) return false;
    return this.graph.canEnter(i, dest) && this.graph.canLeave(i);
  }

  /** Targets item i may take other than its own now: its candidates, and home when moved. */
  private targetsOf(i: number): number[] {
    const out: number[] = [];
    const here = this.st.schoolOf(i);
    for (let c = this.cand.offsets[i]; c < this.cand.offsets[i + 1]; c++) if (this.cand.schools[c] !== here) out.push(this.cand.schools[c]);
    if (this.st.target[i] >= 0) out.push(-1);
    return out;
  }

  /**
   * Greedy repair until no school over its limits can be helped: the move of best cost per pupil
   * relieved out of any school over its limits (`noise` randomizes the choice); where none helps, a
   * school below its minimum is filled, else an ejection chain is tried from the worst school.
   */
  private *repair(noise: number): Generator<void, void, void> {
    const st = this.st;
    this.ranked.clear();
    const stuck = new Uint8Array(st.S);
    for (;;) {
      const over: number[] = [];
      const short: number[] = [];
      for (let s = 0; s < st.S; s++) {
        if (stuck[s] === 1) continue;
        if (st.isOver(s)) over.push(s);
        else if (st.shortfallOf(s) > 0) short.push(s);
      }
      if (over.length === 0 && short.length === 0) return;
      let done = this.chainFirst && over.length > 0 && this.chainFrom(over, noise, 1);
      done ||= over.length > 0 && this.relieve(over, noise);
      if (!done) {
        for (const s of short) if ((done = this.fill(s, noise))) break;
      }
      // Once a plan meets every limit, search rounds leave chains to their chain-first rounds.
      if (!done && (this.bestObjective.violation > 0 || this.phase === 'repair' || this.chainFirst)) done = this.chainFrom(over, noise, 3);
      if (!done) {
        for (const s of over) stuck[s] = 1;
        for (const s of short) stuck[s] = 1;
      }
      if (done) stuck.fill(0);
      yield;
    }
  }

  /** Tries ejection chains at the schools `over` (at most `tries` of them), the worst first, until one applies. */
  private chainFrom(over: number[], noise: number, tries = Infinity): boolean {
    const st = this.st;
    const excess = (s: number) => {
      let e = 0;
      for (let y = 0; y < st.Y; y++) e += st.mustLeave[y * st.S + s];
      return e;
    };
    const worstFirst = over.map((s) => ({ s, e: excess(s) })).sort((a, b) => b.e - a.e || a.s - b.s);
    for (const { s } of worstFirst.slice(0, tries)) if (this.chain(s, noise)) return true;
    return false;
  }

  /**
   * The best single move out of the schools `from` that lowers the pupils over the limits; applies
   * it. Each school's moves are ranked once and kept (see `ranked`) until a move touches the school
   * or the target of its best move; the best is checked afresh before it is applied.
   */
  private relieve(from: number[], noise: number): boolean {
    const st = this.st;
    for (;;) {
      let bestSchool = -1;
      let best: Option | undefined;
      for (const a of from) {
        let list = this.ranked.get(a);
        if (!list) this.ranked.set(a, (list = this.movesOut(a, noise)));
        if (list.length > 0 && (!best || list[0].score < best.score)) (best = list[0]), (bestSchool = a);
      }
      if (!best) return false;
      this.ranked.get(bestSchool)!.shift();
      if (st.schoolOf(best.i) !== bestSchool || st.delta(best.i, best.t).violation >= 0 || !this.legal(best.i, best.t)) continue;
      this.move(best.i, best.t);
      return true;
    }
  }

  /** School a's moves that lower the pupils over the limits, best first. */
  private movesOut(a: number, noise: number): Option[] {
    const st = this.st;
    const options: Option[] = [];
    for (const i of st.members[a]) {
      if (this.cand.frozen[i] === 1) continue;
      for (const t of this.targetsOf(i)) {
        const d = st.delta(i, t);
        if (d.violation >= 0) continue;
        options.push({ i, t, score: relief(d, -d.violation, this.ranking) * (1 + noise * this.rand()) });
      }
    }
    return options.sort((x, y) => x.score - y.score || x.i - y.i || x.t - y.t);
  }

  /** The best single move into opening school a (below its minimum) that keeps the limits; applies it. */
  private fill(a: number, noise: number): boolean {
    const st = this.st;
    const options: Option[] = [];
    for (let i = 0; i < st.target.length; i++) {
      if (this.cand.frozen[i] === 1 || st.schoolOf(i) === a) continue;
      let ok = false;
      for (let c = this.cand.offsets[i]; c < this.cand.offsets[i + 1]; c++) if (this.cand.schools[c] === a) ok = true;
      if (!ok) continue;
      const d = st.delta(i, a);
      if (d.violation > 0 || d.shortfall >= 0) continue;
      options.push({ i, t: a, score: relief(d, -d.shortfall, this.ranking) * (1 + noise * this.rand()) });
    }
    return this.applyFirstLegal(options);
  }

  private applyFirstLegal(options: Option[]): boolean {
    options.sort((x, y) => x.score - y.score || x.i - y.i || x.t - y.t);
    for (const o of options) {
      if (!this.legal(o.i, o.t)) continue;
      this.move(o.i, o.t);
      return true;
    }
    return false;
  }

  /**
   * A 2-step ejection chain at school a: u a→b, then v b→c (or v, a neighbour of u, out of a school
   * over its limits: u's move may have opened its way); u may also be a unit next to a's zone (a bridge).
   * Together they lower the pupils over the limits when no single move does. Tries the 8 cheapest
   * first steps; applies the best chain.
   */
  private chain(a: number, noise: number): boolean {
    const st = this.st;
    const first: Option[] = [];
    for (const i of this.firstSteps(a)) {
      if (this.cand.frozen[i] === 1) continue;
      for (const t of this.targetsOf(i)) {
        const d = st.delta(i, t);
        first.push({ i, t, score: (d.moved + 1e-3 * d.addedKm) * (1 + noise * this.rand()) });
      }
    }
    first.sort((x, y) => x.score - y.score || x.i - y.i || x.t - y.t);
    let best: { u: Option; v: Option; score: number } | undefined;
    let tried = 0;
    for (const u of first) {
      if (tried >= 8) break;
      if (!this.legal(u.i, u.t)) continue;
      tried++;
      const d1 = st.delta(u.i, u.t);
      const before = st.target[u.i];
      this.move(u.i, u.t);
      const b = st.schoolOf(u.i);
      // Second steps: out of b (room made there), or a neighbour of u out of a school over its
      // limits (u's move may have opened the way for it).
      const second = new Set(st.members[b]);
      const k = st.itemLevel[u.i];
      const adj = st.input.levels[k].adjacency;
      if (adj) {
        for (let e = adj.offsets[st.itemUnit[u.i]]; e < adj.offsets[st.itemUnit[u.i] + 1]; e++) {
          const v = st.itemOf[k][adj.neighbours[e]];
          if (v >= 0 && st.isOver(st.schoolOf(v))) second.add(v);
        }
      }
      for (const v of second) {
        if (v === u.i || this.cand.frozen[v] === 1) continue;
        for (const t of this.targetsOf(v)) {
          const d2 = st.delta(v, t);
          const gain = -(d1.violation + d2.violation);
          if (gain <= 0) continue;
          const score = relief({ violation: 0, shortfall: 0, moved: d1.moved + d2.moved, addedKm: d1.addedKm + d2.addedKm }, gain, this.ranking) * (1 + noise * this.rand());
          if (best && score >= best.score) continue;
          if (!this.legal(v, t)) continue;
          best = { u, v: { i: v, t, score }, score };
        }
      }
      this.move(u.i, before);
    }
    if (!best) return false;
    this.move(best.u.i, best.u.t);
    if (!this.legal(best.v.i, best.v.t)) return true;
    this.move(best.v.i, best.v.t);
    return true;
  }

  /**
   * The units a chain out of school a may start with: its own, and the units of other zones next to
   * them (moving such a unit can open the way for one of a's units).
   */
  private firstSteps(a: number): number[] {
    const st = this.st;
    const out = new Set(st.members[a]);
    for (const i of st.members[a]) {
      const k = st.itemLevel[i];
      const adj = st.input.levels[k].adjacency;
      if (!adj) continue;
      const u = st.itemUnit[i];
      for (let e = adj.offsets[u]; e < adj.offsets[u + 1]; e++) {
        const j = st.itemOf[k][adj.neighbours[e]];
        if (j >= 0 && st.schoolOf(j) !== a) out.add(j);
      }
    }
    return [...out];
  }

  /** Sends moved units home or to a nearer school while that is better, then tries exchanges; a few passes. */
  private *polish(exchanges: boolean): Generator<void, void, void> {
    const st = this.st;
    for (let pass = 0; pass < 3; pass++) {
      let improved = false;
      for (let i = 0; i < st.target.length; i++) {
        if (st.target[i] < 0) continue;
        let bestT = st.target[i];
        let bestObj = st.objective;
        for (const t of this.targetsOf(i)) {
          const next = plus(st.objective, st.delta(i, t));
          if (isBetter(next, bestObj) && this.legal(i, t)) {
            bestObj = next;
            bestT = t;
          }
        }
        if (bestT !== st.target[i]) {
          this.move(i, bestT);
          improved = true;
        }
      }
      if (exchanges) for (let i = 0; i < st.target.length; i++) if (st.target[i] >= 0 && this.exchange(i)) improved = true;
      yield;
      if (!improved) return;
    }
  }

  /**
   * Sends moved unit i home and moves another unit of its home school instead when that is better
   * (a smaller unit that still makes room: the cheapest move first overshoots); undone otherwise.
   */
  private exchange(i: number): boolean {
    const st = this.st;
    const before = st.objective;
    const oldTarget = st.target[i];
    const h = st.home[i];
    if (!this.legal(i, -1)) return false;
    this.move(i, -1);
    let best: { j: number; t: number } | undefined;
    let bestObj = before;
    for (const j of st.members[h]) {
      if (j === i || this.cand.frozen[j] === 1) continue;
      for (const t of this.targetsOf(j)) {
        const next = plus(st.objective, st.delta(j, t));
        if (isBetter(next, bestObj) && this.legal(j, t)) {
          bestObj = next;
          best = { j, t };
        }
      }
    }
    if (best) {
      this.move(best.j, best.t);
      return true;
    }
    this.move(i, oldTarget);
    st.objective = before;
    return false;
  }

  /**
   * Sends 20–60 % of the moved units home where contiguity allows, whatever that breaks: those
   * nearest a random one of them (a neighbourhood on the map), at most 40; one round in ten (for
   * plans of up to 40 units) all of them, a noisy restart so small plans are not stuck.
   */
  private destroy(moved: number[]): void {
    const st = this.st;
    const share = 0.2 + 0.4 * this.rand();
    const restart = this.rand() < 0.1 && moved.length <= 40;
    const centre = st.itemUnit[moved[Math.floor(this.rand() * moved.length)]];
    const x = st.input.unitX[centre];
    const y = st.input.unitY[centre];
    const far = (i: number) => Math.hypot(st.input.unitX[st.itemUnit[i]] - x, st.input.unitY[st.itemUnit[i]] - y);
    const nearest = moved.map((i) => ({ i, d: far(i) })).sort((a, b) => a.d - b.d || a.i - b.i);
    const count = restart ? moved.length : Math.min(40, Math.max(1, Math.round(share * moved.length)));
    const chosen = nearest.slice(0, count).map((c) => c.i);
    // Two passes: a unit may be free to go home only once a neighbour has.
    for (let pass = 0; pass < 2; pass++) for (const i of chosen) if (st.target[i] >= 0 && this.legal(i, -1)) this.move(i, -1);
  }

}
