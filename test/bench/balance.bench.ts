import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildBalanceInput } from '../../src/core/balance/buildInput';
import { computeBoundModel } from '../../src/core/balance/boundModel';
import { createBalanceRun } from '../../src/core/balance/run';
import { DEFAULT_BALANCE_SETTINGS } from '../../src/core/balance/settings';
import type { BalanceInput, BalanceSettings } from '../../src/core/balance/types';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { useCellSettings } from '../../src/core/units/datasetCells';
import { countyOutline } from '../../src/io/countyOutline';
import { lowerBound, statusName, type LowerBound } from './balanceBound';
import { tileCounty } from './balanceCounty';
import { loadDatasetDir } from './balanceData';

// The balancer on Shouguang (960 units, both levels) and on a generated 10,000-unit county (the
// Shouguang problem laid side by side 11 times: 10,560 units), each with its default budget
// (3 s and 10 s): time to the first plan meeting every limit, the final objective, pupils and units
// moved, against a lower bound from HiGHS (the MILP without contiguity, cached by a hash of the
// model in balanceBound.cache.json; --recompute-bound solves it again, --bound-time S per solve).
// The unit adjacency is the real one: the units' cells on the loaded zones, clipped to the county
// (unitAdjacency, as the CLI and the app build it); the generated county tiles Shouguang's.
// HiGHS proved the optimum of the Shouguang model in 1,319 s on a loaded 2-core machine (a 300 s
// run stopped at a dual bound of 1126, 5 % below it): the default --bound-time is 1800.
// Usage: npm run bench:balance [-- --json] [-- --recompute-bound] [-- --bound-time 1800]
const args = process.argv.slice(2);
const json = args.includes('--json');
const recompute = args.includes('--recompute-bound');
const boundTime = args.includes('--bound-time') ? Number(args[args.indexOf('--bound-time') + 1]) : 1800;
const cacheFile = join(import.meta.dirname, 'balanceBound.cache.json');
const log = (s: string) => json || console.log(s);

interface CaseResult {
  name: string;
  units: number;
  budgetS: number;
  firstFeasibleS: number | null;
  finalS: number;
  iterations: number;
  objective: { violation: number; moved: number; addedKm: number };
  pupilsMoved: number;
  unitsMoved: number;
  limitsMet: boolean;
  bound: LowerBound & { how: string };
  gap: number | null;
}

/** Runs the balancer to its budget in slices (as the worker does) and reports. */
function solve(input: BalanceInput, settings: BalanceSettings) {
  const run = createBalanceRun(input, settings);
  let progress = run.step(50);
  while (!run.done) progress = run.step(50);
  return { progress, plan: run.plan() };
}

async function runCase(name: string, input: BalanceInput, budgetS: number, bound: () => Promise<LowerBound & { how: string }>): Promise<CaseResult> {
  const settings: BalanceSettings = { ...DEFAULT_BALANCE_SETTINGS, iterations: 1_000_000, timeLimitMs: budgetS * 1000 };
  const { progress, plan } = solve(input, settings);
  const b = await bound();
  const result: CaseResult = {
    name,
    units: input.unitIds.length,
    budgetS,
    firstFeasibleS: progress.firstFeasibleMs === undefined ? null : progress.firstFeasibleMs / 1000,
    finalS: progress.elapsedMs / 1000,
    iterations: progress.iteration,
    objective: plan.objective,
    pupilsMoved: plan.pupilsMoved,
    unitsMoved: plan.unitsMoved,
    limitsMet: plan.limitsMet,
    bound: b,
    gap: b.bound > 0 ? (plan.objective.moved - b.bound) / b.bound : null,
  };
  log(`${name} (${input.unitIds.length} units): first plan meeting every limit ${result.firstFeasibleS?.toFixed(2) ?? '—'} s; final after ${result.finalS.toFixed(1)} s (${result.iterations} search rounds): `
    + `objective ${plan.objective.moved} weighted pupils moved (${plan.pupilsMoved} pupils, ${plan.unitsMoved} units), limits met: ${plan.limitsMet ? 'yes' : 'no'}; `
    + `lower bound ${Number(b.bound.toFixed(3))} (${b.how}, HiGHS: ${statusName(b.status)} after ${b.seconds.toFixed(0)} s, ${b.source === 'cache' ? 'from the cache' : 'solved now'}); gap ${result.gap === null ? '—' : `${(100 * result.gap).toFixed(1)} %`}`);
  return result;
}

const load = () => loadavg().map((v) => v.toFixed(1)).join(' ');
log(`load average at start (1, 5, 15 min): ${load()} on ${cpus().length} CPUs: times are wall-clock and stretch under load`);
const loaded = loadDatasetDir(join(import.meta.dirname, '../../data/shouguang'));
const { dataset } = loaded;
const scenario = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
useCellSettings(dataset, DEFAULT_RULES.overlapRule, countyOutline(loaded.county));
const tCells = performance.now();
const shouguang = buildBalanceInput(dataset, scenario, DEFAULT_RULES, { levels: ['primary', 'junior'] });
log(`unit cells and adjacency of both levels built in ${((performance.now() - tCells) / 1000).toFixed(1)} s (${shouguang.levels.map((l) => `${l.level}: ${l.adjacency!.neighbours.length / 2} neighbour pairs`).join(', ')})`);
const copies = 11;
const county = tileCounty(shouguang, copies);

const settingsForBound = { ...DEFAULT_BALANCE_SETTINGS };
const shouguangBound = async () => ({ ...(await lowerBound(computeBoundModel(shouguang, settingsForBound), cacheFile, boundTime, recompute)), how: 'MILP without contiguity' });
const results = [
  await runCase('Shouguang', shouguang, 3, shouguangBound),
  // The copies share nothing (200 km apart, 5 km reach), so the county's bound is 11 × one copy's.
  await runCase(`county of ${copies} × Shouguang`, county, 10, async () => {
    const one = await shouguangBound();
    return { ...one, bound: copies * one.bound, how: `${copies} × the MILP without contiguity of one copy` };
  }),
];
log(`load average at end: ${load()}`);
if (json) console.log(JSON.stringify(results, null, 2));
