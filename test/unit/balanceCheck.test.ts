import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBalance } from '../../src/core/balance/run';
import { DEFAULT_BALANCE_SETTINGS } from '../../src/core/balance/settings';
import type { BalanceInput } from '../../src/core/balance/types';
import { OPTIONAL_FILES, REQUIRED_FILES } from '../../src/io/readDataset';
import { planScenarioEdits } from '../../src/features/balance/balanceModel';
import { createEngineApi } from '../../workers/engineApi';
import type { StagedFile } from '../../workers/loadContract';

const dir = join(import.meta.dirname, '../../data/shouguang');

describe('checking a plan with a move removed (engine checkEdits)', () => {
  // One engine with Shouguang loaded serves both tests (a load takes half a minute here).
  const api = createEngineApi();
  beforeAll(async () => {
    const files: StagedFile[] = [...REQUIRED_FILES, ...OPTIONAL_FILES].map((name) => {
      const b = readFileSync(join(dir, name));
      return { name, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
    });
    expect((await api.load(files, [])).ok).toBe(true);
  }, 300_000);

  it('gives the figures the scenario has when opened, and a removed move takes its pupils back from the school it went to', async () => {
    const input = api.balanceInput({ levels: ['primary', 'junior'] }) as BalanceInput;
    const { plan } = runBalance(input, { ...DEFAULT_BALANCE_SETTINGS, iterations: 0, timeLimitMs: undefined });
    expect(plan.limitsMet).toBe(true);
    expect(plan.moves.length).toBeGreaterThan(1);

    const all = api.checkEdits(planScenarioEdits([], plan.moves, []));
    if (!all.ok) throw new Error('the plan was refused');
    expect(all.result.summary.oversizeSchools).toBe(0);
    expect(all.result.summary.classesOverCap).toBe(0);

    const without = planScenarioEdits([], plan.moves, [0]);
    const checked = api.checkEdits(without);
    if (!checked.ok) throw new Error('the kept moves were refused');
    // The twin: the same edits opened as the scenario being edited (the incremental path).
    const opened = api.openScenario(without, []);
    if (!opened.ok) throw new Error('the kept moves could not be opened');
    expect(checked.result).toEqual(opened.result);
    // The removed move's pupils are those of its unit that were not at its new school before the plan.
    const m = plan.moves[0];
    const enrollment = (r: typeof all.result, id: string) => r.schools.find((s) => s.id === id)!.enrollment;
    const pupils = m.pupilsByGrade.reduce((a, n) => a + n, 0);
    expect(pupils).toBeGreaterThan(0);
    expect(enrollment(all.result, m.to) - enrollment(checked.result, m.to)).toBe(pupils);
    expect(enrollment(checked.result, m.from) - enrollment(all.result, m.from)).toBe(pupils);
  }, 300_000);

  it('names the edit it cannot apply and changes nothing', () => {
    const before = api.simulate().result;
    const good = { op: 'assignUnits' as const, level: 'primary' as const, schoolId: 'N02', unitIds: ['U0001'] };
    const bad = { op: 'assignUnits' as const, level: 'primary' as const, schoolId: 'N02', unitIds: ['NO-SUCH-UNIT'] };
    expect(api.checkEdits([good, bad])).toEqual({ ok: false, index: 1, problem: { code: 'unknownUnit', params: { id: 'NO-SUCH-UNIT' } } });
    expect(api.simulate().result).toEqual(before);
  });
});
