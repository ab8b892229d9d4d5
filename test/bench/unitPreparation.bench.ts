import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeUnitCells } from '../../src/core/units/unitCells';
import { unitEditPreparation, useCellSettings } from '../../src/core/units/datasetCells';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { countyOutline } from '../../src/io/countyOutline';
import { writeLargeCounty } from './browserCounty';

// The units' cells after a load, built in one piece (what an edit waited for before the worker
// prepared them in steps) against the steps the worker runs between calls (workers/engineApi.ts,
// prepareUnits): an edit asked for meanwhile waits for at most one step.
// Usage: npm run bench:units [-- --pupils N] [--json]
const args = process.argv.slice(2);
const json = args.includes('--json');
const pupils = args.includes('--pupils') ? Number(args[args.indexOf('--pupils') + 1]) : 1_000_000;

const dir = mkdtempSync(join(tmpdir(), 'units-bench-'));
try {
  // The county the browser benchmark edits at a million pupils: Shouguang's pupils repeated.
  writeLargeCounty(dir, pupils);
  const texts = Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].filter((f) => existsSync(join(dir, f))).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  // Read as the worker reads it, with the county outline the cells are clipped to.
  const read = () => {
    const loaded = readDataset(texts as Parameters<typeof readDataset>[0], DEFAULT_RULES, 2020);
    useCellSettings(loaded.dataset, 'smallestZone', countyOutline(loaded.county));
    return loaded.dataset;
  };

  const whole = read();
  const t0 = performance.now();
  for (const level of ['primary', 'junior'] as const) computeUnitCells(whole, whole.zoneState, level, 'smallestZone', whole.unitCells?.county);
  const onePiece = performance.now() - t0;

  const stepped = read();
  const steps: number[] = [];
  let at = performance.now();
  for (const _ of unitEditPreparation(stepped, 'smallestZone')) {
    const now = performance.now();
    steps.push(now - at);
    at = now;
  }
  steps.push(performance.now() - at);
  const total = steps.reduce((a, b) => a + b, 0);
  const sorted = [...steps].sort((a, b) => a - b);
  const longest = sorted[sorted.length - 1];
  const p95 = sorted[Math.floor(sorted.length * 0.95)];
  const out = { pupils: stepped.pupils.count, onePieceMs: onePiece, steppedTotalMs: total, steps: steps.length, longestStepMs: longest, p95StepMs: p95 };
  if (json) console.log(JSON.stringify(out, null, 2));
  else {
    console.log(`units' cells of ${out.pupils.toLocaleString('en')} pupils, both levels`);
    console.log(`  in one piece:  ${onePiece.toFixed(0)} ms (an edit asked for meanwhile waited for all of it)`);
    console.log(`  in steps:      ${total.toFixed(0)} ms in ${steps.length} steps; longest ${longest.toFixed(0)} ms, 95th percentile ${p95.toFixed(0)} ms`);
    console.log(`  longest wait for an edit: ${(onePiece / longest).toFixed(0)}× shorter in steps`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
