import { chainFrom } from './chain';
import { relief, type Option, type SearchContext } from './search';

/**
 * Greedy repair until no school over its limits can be helped: the move of best cost per pupil
 * relieved out of any school over its limits (`noise` randomizes the choice); where none helps, a
 * school's utilization gap is narrowed (see ease), else an ejection chain is tried from the worst school.
 * Yields after every move.
 */
export function* repair(c: SearchContext, noise: number): Generator<void, void, void> {
  const st = c.st;
  c.ranked.clear();
  const stuck = new Uint8Array(st.S);
  for (;;) {
    const over: number[] = [];
    const short: number[] = [];
    for (let s = 0; s < st.S; s++) {
      if (stuck[s] === 1) continue;
      if (st.isOver(s)) over.push(s);
      else if (st.utilizationGapOf(s) > 0) short.push(s);
    }
    if (over.length === 0 && short.length === 0) return;
    let done = c.chainFirst && over.length > 0 && chainFrom(c, over, noise, 1);
    done ||= over.length > 0 && relieve(c, over, noise);
    if (!done) {
      for (const s of short) if ((done = ease(c, s, noise))) break;
    }
    // Once a plan meets every limit, search rounds leave chains to their chain-first rounds.
    if (!done && (c.bestObjective.violation > 0 || c.phase === 'repair' || c.chainFirst)) done = chainFrom(c, over, noise, 3);
    if (!done) {
      for (const s of over) stuck[s] = 1;
      for (const s of short) stuck[s] = 1;
    }
    if (done) stuck.fill(0);
    yield;
  }
}

/**
 * The best single move out of the schools `from` that lowers the pupils over the limits; applies
 * it. Each school's moves are ranked once and kept (see SearchContext.ranked) until a move touches
 * the school or the target of its best move; the best is checked afresh before it is applied.
 */
function relieve(c: SearchContext, from: number[], noise: number): boolean {
  const st = c.st;
  for (;;) {
    let bestSchool = -1;
    let best: Option | undefined;
    for (const a of from) {
      let list = c.ranked.get(a);
      if (!list) c.ranked.set(a, (list = movesOut(c, a, noise)));
      if (list.length > 0 && (!best || list[0].score < best.score)) (best = list[0]), (bestSchool = a);
    }
    if (!best) return false;
    c.ranked.get(bestSchool)!.shift();
    if (st.schoolOf(best.i) !== bestSchool || st.delta(best.i, best.t).violation >= 0 || !c.legal(best.i, best.t)) continue;
    c.move(best.i, best.t);
    return true;
  }
}

/** School a's moves that lower the pupils over the limits, best first. */
function movesOut(c: SearchContext, a: number, noise: number): Option[] {
  const st = c.st;
  const options: Option[] = [];
  for (const i of st.members[a]) {
    if (c.cand.frozen[i] === 1) continue;
    for (const t of c.targetsOf(i)) {
      const d = st.delta(i, t);
      if (d.violation >= 0) continue;
      options.push({ i, t, score: relief(d, -d.violation, c.ranking) * (1 + noise * c.rand()) });
    }
  }
  return options.sort((x, y) => x.score - y.score || x.i - y.i || x.t - y.t);
}

/**
 * The best single move that narrows school a's utilization gap and keeps the limits; applies it:
 * a unit into a (an opening school below its minimum) or out of a (a school above its target).
 */
function ease(c: SearchContext, a: number, noise: number): boolean {
  const st = c.st;
  const options: Option[] = [];
  const consider = (i: number, t: number) => {
    const d = st.delta(i, t);
    if (d.violation > 0 || d.utilizationGap >= 0) return;
    options.push({ i, t, score: relief(d, -d.utilizationGap, c.ranking) * (1 + noise * c.rand()) });
  };
  if (st.minPupils[a] > 0) {
    for (let i = 0; i < st.target.length; i++) {
      if (c.cand.frozen[i] === 1 || st.schoolOf(i) === a) continue;
      for (let k = c.cand.offsets[i]; k < c.cand.offsets[i + 1]; k++) if (c.cand.schools[k] === a) consider(i, a);
    }
  }
  for (const i of st.members[a]) if (c.cand.frozen[i] === 0) for (const t of c.targetsOf(i)) consider(i, t);
  return c.applyFirstLegal(options);
}
