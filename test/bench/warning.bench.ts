import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeProjection } from '../../src/core/projection';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { DEFAULT_WARNING } from '../../src/core/warning/settings';
import { OPTIONAL_FILES, REQUIRED_FILES, readDataset } from '../../src/io/readDataset';
import { createEngineApi } from '../../workers/engineApi';
import type { StagedFile } from '../../workers/loadContract';
import type { WarningRequest } from '../../workers/warningRun';
import { median } from './benchData';

// 学位预警 ranges for Shouguang (1,000 draws, 3 years) through the engine's `warning` call — the code
// the worker runs, here on the main thread of Node — against the naive way, a full projection per
// draw (timed on a few draws and scaled to 1,000), in one run; then how soon a cancel is answered.
// Usage: npm run bench:warning
const dir = join(import.meta.dirname, '../../data/shouguang');
const files: StagedFile[] = [...REQUIRED_FILES, ...OPTIONAL_FILES].map((name) => {
  const b = readFileSync(join(dir, name));
  return { name, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
});

const api = createEngineApi();
const loaded = await api.load(files);
if (!loaded.ok) throw new Error(loaded.detail);
api.simulate();
const request: WarningRequest = { edits: [], rules: NO_RULES, projection: DEFAULT_PROJECTION, warning: DEFAULT_WARNING };

const totals: number[] = [];
const projects: number[] = [];
const draws: number[] = [];
let reports = 0;
for (let r = 0; r < 5; r++) {
  reports = 0;
  const t0 = performance.now();
  const outcome = await api.warning(request, () => reports++);
  totals.push(performance.now() - t0);
  if (!outcome.ok) throw new Error('warning did not finish');
  projects.push(outcome.view.projectMs);
  draws.push(outcome.view.drawMs);
  if (r === 0) console.log(`Shouguang: ${loaded.summary.pupilsLoaded} pupils, ${outcome.view.rows.length} warned cells (school × entry grade × year), ${DEFAULT_WARNING.draws} draws`);
}
console.log(`ours, 5 runs: total ${totals.map((t) => t.toFixed(0)).join(' / ')} ms (median ${median(totals).toFixed(0)}): projection split into terms ${median(projects).toFixed(0)} ms + draws ${median(draws).toFixed(0)} ms; ${reports} progress reports`);

const { dataset } = readDataset(Object.fromEntries(files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])), DEFAULT_RULES, 2020);
const naiveRuns = 3;
const t0 = performance.now();
for (let d = 0; d < naiveRuns; d++) computeProjection({ dataset, state: dataset.zoneState, scenario: NO_RULES, settings: { ...DEFAULT_PROJECTION, years: 3, entryRate: 1 + 0.05 * (d - 1) }, rules: DEFAULT_RULES });
const perDraw = (performance.now() - t0) / naiveRuns;
console.log(`naive (a full 3-year projection per draw): ${perDraw.toFixed(0)} ms per draw → ${((perDraw * DEFAULT_WARNING.draws) / 1000).toFixed(0)} s for ${DEFAULT_WARNING.draws} draws (scaled from ${naiveRuns}); ratio ${((perDraw * DEFAULT_WARNING.draws) / median(totals)).toFixed(0)}×`);

let cancelledAt = 0;
const pending = api.warning(request, (f) => {
  if (f > 0 && cancelledAt === 0) {
    cancelledAt = performance.now();
    api.cancelWarning();
  }
});
const outcome = await pending;
console.log(`cancel: ${outcome.ok ? 'not cancelled' : 'cancelled'} ${(performance.now() - cancelledAt).toFixed(1)} ms after it was asked`);
console.log('(shared machine of 2 cores under load: absolute times drift; compare the figures of one run)');
