import { GRADE_STRIDE } from './aggregate';
import { MAX_GRADE } from './rules';
import type { ScenarioRules } from './scenarioRules';

/**
 * Moves diverted pupils in one year's counts: in a diversion's year, its count spread over its
 * grades in proportion to the first school's pupils (largest remainder, at most what it has); in
 * later years the same pupils, a grade higher each year, while they stay in the level and both
 * schools teach the grade. `diverted` keeps each diversion's pupils by grade between years.
 */
export function applyDiversions(
  counts: Int32Array,
  scenario: ScenarioRules,
  year: number,
  index: Map<string, number>,
  taught: Set<number>[],
  levelOf: (g: number) => number,
  diverted: Map<number, Map<number, number>>,
): void {
  scenario.diversions.forEach((d, k) => {
    const a = index.get(d.fromSchoolId);
    const b = index.get(d.toSchoolId);
    if (a === undefined || b === undefined || year < d.year) return;
    if (year === d.year) diverted.set(k, spread(d.count, d.grades.filter((g) => taught[a].has(g) && taught[b].has(g)).map((g) => [g, counts[a * GRADE_STRIDE + g]])));
    for (const [g, m] of diverted.get(k) ?? []) {
      const now = g + year - d.year;
      if (now > MAX_GRADE || levelOf(now) !== levelOf(g) || !taught[a].has(now) || !taught[b].has(now)) continue;
      const moved = Math.min(m, counts[a * GRADE_STRIDE + now]);
      counts[a * GRADE_STRIDE + now] -= moved;
      counts[b * GRADE_STRIDE + now] += moved;
    }
  });
}

/** `total` spread over grades in proportion to their pupils (largest remainder), capped by them. */
function spread(total: number, byGrade: [number, number][]): Map<number, number> {
  const available = byGrade.reduce((a, [, c]) => a + c, 0);
  const take = Math.min(total, available);
  if (take === 0) return new Map();
  const exact = byGrade.map(([g, c]) => ({ g, whole: Math.floor((take * c) / available), rest: (take * c) / available - Math.floor((take * c) / available) }));
  let left = take - exact.reduce((a, e) => a + e.whole, 0);
  for (const e of [...exact].sort((x, y) => y.rest - x.rest || x.g - y.g)) {
    if (left === 0) break;
    e.whole++;
    left--;
  }
  return new Map(exact.map((e) => [e.g, e.whole]));
}
