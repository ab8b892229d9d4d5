import type { Dataset } from './dataset';
import { teachesLevel, ZONE_LEVELS, type Rules } from './rules';
import type { ScenarioRules } from './scenarioRules';

/**
 * A lookup (k, year, observedOnly) → the private schools an entering cohort of level k goes to in
 * `year`, with their shares: a rule's share where one applies, else the share of the base year's
 * entry grade the school had (skipped when `observedOnly` — the cohort already carries the
 * observed choices). Shares sum to at most 1.
 */
export function createPrivateShares(dataset: Dataset, scenario: ScenarioRules, rules: Rules, openYear: Float64Array, index: Map<string, number>) {
  const p = dataset.pupils;
  const entryGrade = [1, rules.primaryLastGrade + 1];
  const observed = entryGrade.map((g) => {
    let total = 0;
    const bySchool = new Map<number, number>();
    for (let i = 0; i < p.count; i++) {
      if (p.grade[i] !== g) continue;
      total++;
      if (p.fixedSchool[i] >= 0) bySchool.set(p.fixedSchool[i], (bySchool.get(p.fixedSchool[i]) ?? 0) + 1);
    }
    return new Map([...bySchool].map(([s, c]) => [s, total === 0 ? 0 : c / total]));
  });
  const privates = dataset.schools.flatMap((s, i) => (s.ownership === 'private' ? [i] : []));
  const cache = new Map<string, [number, number][]>();
  return (k: number, year: number, observedOnly: boolean): [number, number][] => {
    const key = `${k}|${year}|${observedOnly}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const list: [number, number][] = [];
    for (const r of privates) {
      if (!teachesLevel(dataset.schools[r].level, ZONE_LEVELS[k]) || openYear[r] > year) continue;
      let rule: { share: number; from: number } | undefined;
      for (const x of scenario.privateShares) {
        const from = x.fromYear ?? dataset.baseYear + 1;
        if (index.get(x.schoolId) === r && x.level === ZONE_LEVELS[k] && from <= year && (!rule || from >= rule.from)) rule = { share: x.share, from };
      }
      const share = rule ? rule.share : observedOnly ? 0 : (observed[k].get(r) ?? 0);
      if (share > 0) list.push([r, share]);
    }
    const sum = list.reduce((a, [, s]) => a + s, 0);
    const out = sum > 1 ? list.map(([r, s]): [number, number] => [r, s / sum]) : list;
    cache.set(key, out);
    return out;
  };
}
