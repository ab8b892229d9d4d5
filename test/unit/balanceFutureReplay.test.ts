import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRADE_STRIDE } from '../../src/core/aggregate';
import { buildBalanceInput } from '../../src/core/balance/buildInput';
import { runBalance } from '../../src/core/balance/run';
import { DEFAULT_BALANCE_SETTINGS } from '../../src/core/balance/settings';
import { BalanceState } from '../../src/core/balance/state';
import type { BalanceInput, BalancePlan } from '../../src/core/balance/types';
import { computeProjection } from '../../src/core/projection';
import { DEFAULT_RULES, type ZoneLevel } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { unitCellArea } from '../../src/core/units/datasetCells';
import type { ZoneState } from '../../src/core/zoneState';
import { applyZoneEdit } from '../../src/core/zoneEdits';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { delaunayAdjacency } from '../bench/balanceAdjacency';

const dir = join(import.meta.dirname, '../../data/shouguang');
const { dataset } = readDataset(Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, 2020);
const base = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
const ctx = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])), unitArea: (level: ZoneLevel, u: number) => unitCellArea(dataset, level, u) };
const levels: ZoneLevel[] = ['primary', 'junior'];
const YEAR = 2024;
const settings = { ...DEFAULT_BALANCE_SETTINGS, iterations: 10, timeLimitMs: undefined };
const plain = buildBalanceInput(dataset, base, DEFAULT_RULES, { levels });
const adjacency = delaunayAdjacency(plain.unitX, plain.unitY);
const input = buildBalanceInput(dataset, base, DEFAULT_RULES, { levels, adjacency: { primary: adjacency, junior: adjacency }, future: { year: YEAR, everyYear: false, scenario: NO_RULES, projection: DEFAULT_PROJECTION } });

/** The projection's year YEAR under `state`. */
const projected = (state: ZoneState) => computeProjection({ dataset, state, scenario: NO_RULES, settings: { ...DEFAULT_PROJECTION, years: YEAR - dataset.baseYear }, rules: DEFAULT_RULES }).years.at(-1)!;

/** The balancer's state with the plan's moves made, one by one as the search makes them. */
function stateAfter(plan: BalancePlan, inp: BalanceInput): BalanceState {
  const st = new BalanceState(inp, settings);
  for (const m of plan.moves) st.apply(st.itemOf[levels.indexOf(m.level)][inp.unitIds.indexOf(m.unitId)], inp.schools.findIndex((s) => s.id === m.to));
  return st;
}

/** The (school id, grade) cells where the balancer's whole pupils differ from the projection's. */
function differences(st: BalanceState, counts: Int32Array): string[] {
  const wrong: string[] = [];
  for (let s = 0; s < st.S; s++) {
    for (let g = 1; g < GRADE_STRIDE; g++) {
      const mine = Math.round(st.load[s * GRADE_STRIDE + g]);
      if (mine !== counts[s * GRADE_STRIDE + g]) wrong.push(`${input.schools[s].id} grade ${g}: ${mine} vs ${counts[s * GRADE_STRIDE + g]}`);
    }
  }
  return wrong;
}

describe(`balancing Shouguang's projected ${YEAR}, replayed through the projection`, () => {
  it('sees every school and grade with the pupils the projection gives it, before any move', () => {
    expect(input.years).toEqual([YEAR]);
    expect(differences(new BalanceState(input, settings), projected(dataset.zoneState).counts)).toEqual([]);
  });

  it('the plan’s moves give, to the pupil, the projection of the replayed zones, and it names exactly the schools the replay finds failing', () => {
    const { plan } = runBalance(input, settings);
    expect(plan.moves.length).toBeGreaterThan(0);
    const state = plan.moves.reduce((s, m) => applyZoneEdit(s, m.edit, ctx), dataset.zoneState);
    const year = projected(state);
    expect(differences(stateAfter(plan, input), year.counts)).toEqual([]);
    const failing = year.result.schools.filter((r) => r.ownership === 'public' && (r.oversize || r.classesOverCap > 0)).map((r) => r.id);
    expect(plan.failures.map((f) => f.schoolId).sort()).toEqual(failing.sort());
    expect(plan.limitsMet).toBe(failing.length === 0);
  });
});
