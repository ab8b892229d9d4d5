import { computeCandidates } from './candidates';
import { ZoneGraph } from './contiguity';
import { computePlan } from './plan';
import { seededRandom } from '../random';
import { Solver } from './solver';
import { BalanceState } from './state';
import type { BalanceInput, BalancePlan, BalanceProgress, BalanceSettings } from './types';

/** A balancing run that works in time slices: `step` works for about `sliceMs` and reports. */
export interface BalanceRun {
  /** Works until `sliceMs` have passed or the run ends; returns the progress. */
  step(sliceMs: number): BalanceProgress;
  /** The best plan so far (the final plan once done). */
  plan(): BalancePlan;
  readonly done: boolean;
}

/**
 * Starts balancing `input` under `settings`: greedy repair, polishing, then `settings.iterations`
 * rounds of large-neighbourhood search, stopped early by `settings.timeLimitMs` (measured over the
 * slices). The same input, seed and iterations give the same plan when no time limit stops it.
 */
export function createBalanceRun(input: BalanceInput, settings: BalanceSettings): BalanceRun {
  const t0 = performance.now();
  const st = new BalanceState(input, settings);
  const graph = new ZoneGraph(st);
  const cand = computeCandidates(st, settings);
  const initialOver = Uint8Array.from({ length: st.S }, (_, s) => (st.isOver(s) ? 1 : 0));
  const solver = new Solver(st, graph, cand, seededRandom(settings.seed));
  const steps = solver.run(settings.iterations);
  const contiguity = input.levels.every((l) => l.adjacency !== undefined);
  let done = false;
  let firstFeasibleMs: number | undefined;
  const progress = (): BalanceProgress => {
    const elapsedMs = performance.now() - t0;
    const best = solver.bestObjective;
    if (firstFeasibleMs === undefined && (best.violation === 0 || st.objective.violation === 0)) firstFeasibleMs = elapsedMs;
    return { phase: done ? 'done' : solver.phase, iteration: solver.iteration, elapsedMs, best: { violation: best.violation, moved: best.moved, addedKm: best.addedKm }, firstFeasibleMs };
  };
  const plan = (): BalancePlan => {
    // The plan of the best targets: measured on a fresh state so the figures are exact.
    const fresh = new BalanceState(input, settings);
    for (let i = 0; i < solver.best.length; i++) if (solver.best[i] >= 0) fresh.apply(i, solver.best[i]);
    fresh.objective = fresh.computeObjective();
    return computePlan(fresh, initialOver, contiguity);
  };
  return {
    step(sliceMs: number): BalanceProgress {
      const end = performance.now() + sliceMs;
      while (!done) {
        if (settings.timeLimitMs !== undefined && performance.now() - t0 >= settings.timeLimitMs) {
          done = true;
          break;
        }
        const r = steps.next();
        if (r.done) done = true;
        else if (firstFeasibleMs === undefined) progress();
        if (performance.now() >= end) break;
      }
      return progress();
    },
    plan,
    get done() {
      return done;
    },
  };
}

/** Balances to the end in one call (the CLI, tests): the final plan and the last progress. */
export function runBalance(input: BalanceInput, settings: BalanceSettings): { plan: BalancePlan; progress: BalanceProgress } {
  const run = createBalanceRun(input, settings);
  let progress = run.step(Infinity);
  while (!run.done) progress = run.step(Infinity);
  return { plan: run.plan(), progress };
}
