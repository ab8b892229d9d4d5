import type { BalanceInput } from './types';

/**
 * The schools that may change when the planner lets only "those next to a school over its limits"
 * change: the schools over their limits (`overIds`) and every school, at any level of the input,
 * owning a unit that borders (unit adjacency) a unit of one of them. Ids in the input's school order;
 * a level without adjacency adds no neighbours.
 */
export function computeSchoolsNearOver(input: BalanceInput, overIds: ReadonlySet<string>): string[] {
  const over = new Set<number>();
  input.schools.forEach((s, k) => {
    if (overIds.has(s.id)) over.add(k);
  });
  const near = new Set(over);
  for (const level of input.levels) {
    const adj = level.adjacency;
    if (!adj) continue;
    for (let u = 0; u < level.home.length; u++) {
      if (!over.has(level.home[u])) continue;
      for (let e = adj.offsets[u]; e < adj.offsets[u + 1]; e++) {
        const h = level.home[adj.neighbours[e]];
        if (h >= 0) near.add(h);
      }
    }
  }
  return input.schools.filter((_, k) => near.has(k)).map((s) => s.id);
}
