import type { SearchContext } from './search';

/**
 * Sends 20–60 % of the moved units (`moved`, item indexes) home where contiguity allows, whatever
 * that breaks: those nearest a random one of them (a neighbourhood on the map), at most 40; one
 * round in ten (for plans of up to 40 units) all of them, a noisy restart so small plans are not stuck.
 */
export function destroy(c: SearchContext, moved: number[]): void {
  const st = c.st;
  const share = 0.2 + 0.4 * c.rand();
  const restart = c.rand() < 0.1 && moved.length <= 40;
  const centre = st.itemUnit[moved[Math.floor(c.rand() * moved.length)]];
  const x = st.input.unitX[centre];
  const y = st.input.unitY[centre];
  const far = (i: number) => Math.hypot(st.input.unitX[st.itemUnit[i]] - x, st.input.unitY[st.itemUnit[i]] - y);
  const nearest = moved.map((i) => ({ i, d: far(i) })).sort((a, b) => a.d - b.d || a.i - b.i);
  const count = restart ? moved.length : Math.min(40, Math.max(1, Math.round(share * moved.length)));
  const chosen = nearest.slice(0, count).map((k) => k.i);
  // Two passes: a unit may be free to go home only once a neighbour has.
  for (let pass = 0; pass < 2; pass++) for (const i of chosen) if (st.target[i] >= 0 && c.legal(i, -1)) c.move(i, -1);
}
