import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBalanceInput } from '../../src/core/balance/buildInput';
import { runBalance } from '../../src/core/balance/run';
import { DEFAULT_BALANCE_SETTINGS } from '../../src/core/balance/settings';
import type { BalancePlan } from '../../src/core/balance/types';
import { DEFAULT_RULES, ZONE_LEVELS, type ZoneLevel } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { applyZoneEdit } from '../../src/core/zoneEdits';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { unitCellArea } from '../../src/core/units/datasetCells';
import { delaunayAdjacency } from '../bench/balanceAdjacency';

const dir = join(import.meta.dirname, '../../data/shouguang');
const { dataset } = readDataset(Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, 2020);
const base = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
const ctx = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])), unitArea: (level: ZoneLevel, u: number) => unitCellArea(dataset, level, u) };
const plain = buildBalanceInput(dataset, base, DEFAULT_RULES, { levels: ['primary'] });
const adjacency = delaunayAdjacency(plain.unitX, plain.unitY);

/** Replays a plan's edits through the engine from scratch and checks it against what the plan says. */
function replay(plan: BalancePlan, levels: ZoneLevel[], lockedSchoolIds: string[]) {
  const state = plan.moves.reduce((s, m) => applyZoneEdit(s, m.edit, ctx), dataset.zoneState);
  const after = computeScenarioRun(dataset, state, DEFAULT_RULES);
  const p = dataset.pupils;
  const moved = new Map(plan.moves.map((m) => [`${m.level} ${m.unitId}`, m]));
  let changed = 0;
  const wrong: number[] = [];
  ZONE_LEVELS.forEach((level, k) => {
    for (let i = p.segmentStart[k]; i < p.segmentStart[k + 1]; i++) {
      const move = p.unit[i] >= 0 ? moved.get(`${level} ${dataset.unitIds[p.unit[i]]}`) : undefined;
      // Pupils of a moved unit are at its new school; every other pupil stays where they were.
      if (move ? dataset.schools[after.schoolOf[i]].id !== move.to : after.schoolOf[i] !== base.schoolOf[i]) wrong.push(i);
      if (after.schoolOf[i] !== base.schoolOf[i]) changed++;
    }
  });
  expect(wrong).toEqual([]);
  expect(changed).toBe(plan.pupilsMoved);
  for (const m of plan.moves) {
    expect(levels).toContain(m.level);
    expect(lockedSchoolIds).not.toContain(m.from);
    expect(lockedSchoolIds).not.toContain(m.to);
  }
  const failing = after.result.schools.filter((r) => r.ownership === 'public' && (r.oversize || r.classesOverCap > 0) && plan.failures.every((f) => f.schoolId !== r.id));
  expect(failing.map((r) => r.id)).toEqual([]);
  return after;
}

describe('balancing Shouguang, replayed through the engine', () => {
  it('meets every limit: 0 oversized schools and 0 classes over the cap after the replay (3 oversized, 126 over the cap before)', () => {
    expect(base.result.summary.oversizeSchools).toBe(3);
    expect(base.result.summary.classesOverCap).toBe(126);
    const input = buildBalanceInput(dataset, base, DEFAULT_RULES, { levels: ['primary', 'junior'], adjacency: { primary: adjacency, junior: adjacency } });
    const { plan } = runBalance(input, { ...DEFAULT_BALANCE_SETTINGS, iterations: 10, timeLimitMs: undefined });
    expect(plan.limitsMet).toBe(true);
    expect(plan.failures).toEqual([]);
    const after = replay(plan, ['primary', 'junior'], []);
    expect(after.result.summary.oversizeSchools).toBe(0);
    expect(after.result.summary.classesOverCap).toBe(0);
  });

  it('replays to the figures the plan states for any level, seed and locked schools (property)', () => {
    const schoolIds = dataset.schools.map((s) => s.id);
    fc.assert(
      fc.property(fc.constantFrom<ZoneLevel[]>(['primary'], ['junior'], ['primary', 'junior']), fc.integer({ min: 0, max: 1000 }), fc.subarray(['P01', 'N01', 'J01', 'N02', ...schoolIds.slice(0, 20)], { maxLength: 3 }), (levels, seed, locked) => {
        const input = buildBalanceInput(dataset, base, DEFAULT_RULES, { levels, lockedSchoolIds: locked, adjacency: { primary: adjacency, junior: adjacency } });
        const { plan } = runBalance(input, { ...DEFAULT_BALANCE_SETTINGS, seed, iterations: 3, timeLimitMs: undefined });
        replay(plan, levels, locked);
      }),
      { numRuns: 4 },
    );
  });
});
