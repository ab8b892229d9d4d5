import '@vitest/web-worker';
import * as Comlink from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineApi } from '../../workers/engineApi';
import type { StagedFile } from '../../workers/loadContract';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { DEFAULT_WARNING } from '../../src/core/warning/settings';
import { computeWarningBase } from '../../src/core/warning/warning';
import { warningCounty, warningCountyTexts } from './warningCounty';

describe('the warning in the engine worker', () => {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<EngineApi>(worker);
  afterAll(() => worker.terminate());
  const request = { edits: [], rules: NO_RULES, projection: DEFAULT_PROJECTION, warning: { ...DEFAULT_WARNING, draws: 200 } };

  it('answers the core\'s rows with ranges, reporting progress up to 1, and stops when cancelled', async () => {
    const encoder = new TextEncoder();
    const files: StagedFile[] = Object.entries(warningCountyTexts()).map(([name, text]) => ({ name, bytes: encoder.encode(text).buffer as ArrayBuffer }));
    const loaded = await remote.load(Comlink.transfer(files, files.map((f) => f.bytes)), []);
    expect(loaded.ok).toBe(true);
    const progress: number[] = [];
    const outcome = await remote.warning(request, Comlink.proxy((f: number) => void progress.push(f)));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const dataset = warningCounty();
    const core = computeWarningBase({ dataset, state: dataset.zoneState, scenario: NO_RULES, settings: DEFAULT_PROJECTION, rules: DEFAULT_RULES }, request.warning);
    expect(outcome.view.rows.map(({ range: _, ...row }) => row)).toEqual(core.rows);
    expect(outcome.view.rows.every((r) => r.range !== undefined)).toBe(true);
    // Progress comes over its own port: by the answer, at least the reports sent before the last step.
    await expect.poll(() => progress.at(-1)).toBe(1);
    expect(progress[0]).toBe(0);

    const long = remote.warning({ ...request, warning: { ...request.warning, draws: 100_000 } }, Comlink.proxy((f: number) => {
      if (f > 0) void remote.cancelWarning();
    }));
    expect(await long).toEqual({ ok: false, cancelled: true });
  });
});
