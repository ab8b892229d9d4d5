import { isBetter } from './state';
import { plus, type SearchContext } from './search';

/** Sends moved units home or to a nearer school while that is better, then tries exchanges; a few passes. Yields after each pass. */
export function* polish(c: SearchContext, exchanges: boolean): Generator<void, void, void> {
  const st = c.st;
  for (let pass = 0; pass < 3; pass++) {
    let improved = false;
    for (let i = 0; i < st.target.length; i++) {
      if (st.target[i] < 0) continue;
      let bestT = st.target[i];
      let bestObj = st.objective;
      for (const t of c.targetsOf(i)) {
        const next = plus(st.objective, st.delta(i, t));
        if (isBetter(next, bestObj) && c.legal(i, t)) {
          bestObj = next;
          bestT = t;
        }
      }
      if (bestT !== st.target[i]) {
        c.move(i, bestT);
        improved = true;
      }
    }
    if (exchanges) for (let i = 0; i < st.target.length; i++) if (st.target[i] >= 0 && exchange(c, i)) improved = true;
    yield;
    if (!improved) return;
  }
}

/**
 * Sends moved unit i home and moves another unit of its home school instead when that is better
 * (a smaller unit that still makes room: the cheapest move first overshoots); undone otherwise.
 */
function exchange(c: SearchContext, i: number): boolean {
  const st = c.st;
  const before = st.objective;
  const oldTarget = st.target[i];
  const h = st.home[i];
  if (!c.legal(i, -1)) return false;
  c.move(i, -1);
  let best: { j: number; t: number } | undefined;
  let bestObj = before;
  for (const j of st.members[h]) {
    if (j === i || c.cand.frozen[j] === 1) continue;
    for (const t of c.targetsOf(j)) {
      const next = plus(st.objective, st.delta(j, t));
      if (isBetter(next, bestObj) && c.legal(j, t)) {
        bestObj = next;
        best = { j, t };
      }
    }
  }
  if (best) {
    c.move(best.j, best.t);
    return true;
  }
  c.move(i, oldTarget);
  st.objective = before;
  return false;
}
