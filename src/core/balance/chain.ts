import { relief, type Option, type SearchContext } from './search';

/** Tries ejection chains at the schools `over` (at most `tries` of them), the worst first, until one applies. */
export function chainFrom(c: SearchContext, over: number[], noise: number, tries = Infinity): boolean {
  const st = c.st;
  const excess = (s: number) => {
    let e = 0;
    for (let y = 0; y < st.Y; y++) e += st.mustLeave[y * st.S + s];
    return e;
  };
  const worstFirst = over.map((s) => ({ s, e: excess(s) })).sort((a, b) => b.e - a.e || a.s - b.s);
  for (const { s } of worstFirst.slice(0, tries)) if (chain(c, s, noise)) return true;
  return false;
}

/**
 * A 2-step ejection chain at school a: u a→b, then v b→c (or v, a neighbour of u, out of a school
 * over its limits: u's move may have opened its way); u may also be a unit next to a's zone (a bridge).
 * Together they lower the pupils over the limits when no single move does. Tries the 8 cheapest
 * first steps; applies the best chain.
 */
function chain(c: SearchContext, a: number, noise: number): boolean {
  const st = c.st;
  const first: Option[] = [];
  for (const i of firstSteps(c, a)) {
    if (c.cand.frozen[i] === 1) continue;
    for (const t of c.targetsOf(i)) {
      const d = st.delta(i, t);
      first.push({ i, t, score: (d.moved + 1e-3 * d.addedKm) * (1 + noise * c.rand()) });
    }
  }
  first.sort((x, y) => x.score - y.score || x.i - y.i || x.t - y.t);
  let best: { u: Option; v: Option; score: number } | undefined;
  let tried = 0;
  for (const u of first) {
    if (tried >= 8) break;
    if (!c.legal(u.i, u.t)) continue;
    tried++;
    const d1 = st.delta(u.i, u.t);
    const before = st.target[u.i];
    c.move(u.i, u.t);
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
      if (v === u.i || c.cand.frozen[v] === 1) continue;
      for (const t of c.targetsOf(v)) {
        const d2 = st.delta(v, t);
        const gain = -(d1.violation + d2.violation);
        if (gain <= 0) continue;
        const score = relief({ violation: 0, utilizationGap: 0, moved: d1.moved + d2.moved, addedKm: d1.addedKm + d2.addedKm }, gain, c.ranking) * (1 + noise * c.rand());
        if (best && score >= best.score) continue;
        if (!c.legal(v, t)) continue;
        best = { u, v: { i: v, t, score }, score };
      }
    }
    c.move(u.i, before);
  }
  if (!best) return false;
  c.move(best.u.i, best.u.t);
  if (!c.legal(best.v.i, best.v.t)) return true;
  c.move(best.v.i, best.v.t);
  return true;
}

/**
 * The units a chain out of school a may start with: its own, and the units of other zones next to
 * them (moving such a unit can open the way for one of a's units).
 */
function firstSteps(c: SearchContext, a: number): number[] {
  const st = c.st;
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
