import '@vitest/web-worker';
import * as Comlink from 'comlink';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBalanceInput } from '../../src/core/balance/buildInput';
import { runBalance } from '../../src/core/balance/run';
import type { BalanceInput } from '../../src/core/balance/types';
import { DEFAULT_RULES, type ZoneLevel } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { applyZoneEdit } from '../../src/core/zoneEdits';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { unitCellArea } from '../../src/core/units/datasetCells';
import type { BalanceApi } from '../../workers/balanceApi';
import { createEngineApi } from '../../workers/engineApi';
import type { StagedFile } from '../../workers/loadContract';
import { gridInput, SMALL_SETTINGS } from './balanceFixture';

const dir = join(import.meta.dirname, '../../data/shouguang');
const names = [...REQUIRED_FILES, ...OPTIONAL_FILES];

describe('balance input from the engine', () => {
  it("is the scenario's state as the engine holds it: an edit the planner made is where the units start", async () => {
    const api = createEngineApi();
    const files: StagedFile[] = names.map((name) => {
      const b = readFileSync(join(dir, name));
      return { name, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
    });
    const outcome = await api.load(files, []);
    expect(outcome.ok).toBe(true);
    const edit = { op: 'assignUnits' as const, level: 'primary' as const, schoolId: 'N02', unitIds: ['U0001'] };
    expect(api.applyEdit(edit).ok).toBe(true);
    expect(api.balanceInput({ levels: ['primary'], lockedSchoolIds: ['NOPE'] })).toEqual({ error: 'unknown school id "NOPE"' });
    const got = api.balanceInput({ levels: ['primary', 'junior'] }) as BalanceInput;
    // The same from the core on the dataset read directly with the edit applied.
    const { dataset } = readDataset(Object.fromEntries(names.map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, outcome.ok ? outcome.summary.baseYear : 0);
    const ctx = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])), unitArea: (level: ZoneLevel, u: number) => unitCellArea(dataset, level, u) };
    const run = computeScenarioRun(dataset, applyZoneEdit(dataset.zoneState, edit, ctx), DEFAULT_RULES);
    expect(got).toEqual(buildBalanceInput(dataset, run, DEFAULT_RULES, { levels: ['primary', 'junior'] }));
    const u = dataset.unitIds.indexOf('U0001');
    expect(got.schools[got.levels[0].home[u]].id).toBe('N02');
    const before = buildBalanceInput(dataset, computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES), DEFAULT_RULES, { levels: ['primary'] });
    expect(before.schools[before.levels[0].home[u]].id).toBe('P08');
  }, 300_000);
});

describe('balance worker (comlink, real Worker API)', () => {
  const worker = new Worker(new URL('../../workers/balance.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<BalanceApi>(worker);
  afterAll(() => worker.terminate());

  it('answers the same plan as the core, with reports over comlink', async () => {
    const input = gridInput({ w: 4, h: 3, schools: [{ at: [0, 0], rooms: 2 }, { at: [3, 2], rooms: 8 }], pupils: Array.from({ length: 12 }, (_, u) => ({ 1: 20 + u, 5: 10 })) });
    const reports: number[] = [];
    const answer = await remote.run(input, { ...SMALL_SETTINGS, iterations: 10 }, Comlink.proxy((r: { progress: { iteration: number } }) => void reports.push(r.progress.iteration)));
    expect(answer.plan).toEqual(runBalance(input, { ...SMALL_SETTINGS, iterations: 10 }).plan);
    expect(reports.length).toBeGreaterThan(0);
  });
});
