import { classesAtLeast } from './classFormation';
import { classCapOfGrade, levelOfGrade, ZONE_LEVELS, type Rules, type ZoneLevel } from './rules';
import type { CountySummary, SchoolResult } from './simulation';

/**
 * Size limits of one level across the county: `schools` with pupils of the level, those of them
 * oversized, and their classes (nine-year schools count in both levels).
 */
export type LevelSizes = Pick<CountySummary, 'schools' | 'oversizeSchools' | 'totalClasses' | 'classesOverCap' | 'largeClasses' | 'extraLargeClasses'>;

/**
 * Per level, the county's school-size and class-size counts from simulation results: a grade's
 * classes count at the grade's level (a nine-year school's at both), classes of even size as
 * formed (floor/ceil of pupils ÷ classes); an oversize school counts at every level it has pupils.
 */
export function computeLevelSizes(results: SchoolResult[], rules: Rules): Record<ZoneLevel, LevelSizes> {
  const out = Object.fromEntries(ZONE_LEVELS.map((l) => [l, { schools: 0, oversizeSchools: 0, totalClasses: 0, classesOverCap: 0, largeClasses: 0, extraLargeClasses: 0 }])) as Record<ZoneLevel, LevelSizes>;
  for (const r of results) {
    const present = new Set<ZoneLevel>();
    for (const [key, n] of Object.entries(r.grades)) {
      const g = Number(key);
      const k = r.classes[g];
      if (n === 0 || k === 0) continue;
      const level = levelOfGrade(g, rules);
      present.add(level);
      const sizes = out[level];
      sizes.totalClasses += k;
      sizes.classesOverCap += classesAtLeast(n, k, classCapOfGrade(g, rules) + 1);
      sizes.largeClasses += classesAtLeast(n, k, rules.largeClassMin) - classesAtLeast(n, k, rules.extraLargeClassMin);
      sizes.extraLargeClasses += classesAtLeast(n, k, rules.extraLargeClassMin);
    }
    for (const level of present) {
      out[level].schools++;
      if (r.oversize) out[level].oversizeSchools++;
    }
  }
  return out;
}
