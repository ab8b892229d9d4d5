import type { Dataset } from './dataset';
import { ZONE_LEVELS, type Rules } from './rules';
import { computeScenarioRun, type ScenarioRun } from './scenarioRun';
import type { ZoneState } from './zoneState';

/** A shared zone as the projection splits it: its schools and their lottery weights (whole numbers, not all 0). */
export interface SharedSplit {
  schools: number[];
  weights: number[];
}

/**
 * Prepares the projection's zoning of places (computePointSchools of each level under the scenario
 * `state` as `next`, the dataset's own zoning as `old`; the same array when the state is the
 * dataset's) for shared zones, in place: a base-year pupil in a shared zone of their own level gets
 * the school the base-year draw gave them (computeScenarioRun of that state), so year 0 equals the
 * simulation and enrolled pupils keep their school; any other place in a shared zone (a unit's
 * births, a housing estate, a pupil entering the next level) keeps a shared value, renumbered so
 * that `schoolCount + j` is the j-th entry of the level's returned list, which the projection
 * splits by the base year's weights each year.
 */
export function prepareSharedZoning(dataset: Dataset, state: ZoneState, rules: Rules, zoning: { old: Int32Array; next: Int32Array }[]): SharedSplit[][] {
  const S = dataset.schools.length;
  const p = dataset.pupils;
  const runs = new Map<ZoneState, ScenarioRun>();
  const runOf = (st: ZoneState) => {
    let run = runs.get(st);
    if (!run) runs.set(st, (run = computeScenarioRun(dataset, st, rules)));
    return run;
  };
  return ZONE_LEVELS.map((level, k) => {
    const table: SharedSplit[] = [];
    const sides: [ZoneState, Int32Array][] = zoning[k].next === zoning[k].old ? [[state, zoning[k].next]] : [[state, zoning[k].next], [dataset.zoneState, zoning[k].old]];
    for (const [st, values] of sides) {
      if (st.shared[level].size === 0) continue;
      const run = runOf(st);
      const offset = table.length;
      [...st.shared[level].values()].forEach((zone, j) => table.push({ schools: zone.schools, weights: run.shared[level][j].weights }));
      for (let i = 0; i < values.length; i++) {
        if (values[i] < S) continue;
        const ownLevel = i >= p.segmentStart[k] && i < p.segmentStart[k + 1];
        values[i] = ownLevel ? run.zoneSchoolOf[i] : values[i] + offset;
      }
    }
    return table;
  });
}
