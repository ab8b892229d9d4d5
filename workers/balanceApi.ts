import { createBalanceRun, type BalanceRun } from '../src/core/balance/run';
import type { BalanceInput, BalancePlan, BalanceProgress, BalanceSettings } from '../src/core/balance/types';
import { yieldToCalls } from './yieldToCalls';

/** What the balance worker reports while it works: the progress and the best plan so far. */
export interface BalanceReport {
  progress: BalanceProgress;
  plan: BalancePlan;
}

/** How the worker runs: slice length between yields and the least interval between reports, ms. */
export interface BalanceTiming {
  sliceMs: number;
  reportMs: number;
}

const DEFAULT_TIMING: BalanceTiming = { sliceMs: 40, reportMs: 150 };

/**
 * The balance worker's API: one run at a time, in slices of `sliceMs` that yield to the event loop
 * so `cancel` is heard within a slice; `onReport` hears the progress and best plan at least every
 * `reportMs` (and at the end). `run` answers the final plan, or the best so far once cancelled.
 */
export function createBalanceApi(timing: BalanceTiming = DEFAULT_TIMING) {
  let current: { run: BalanceRun; cancelled: boolean } | undefined;
  return {
    async run(input: BalanceInput, settings: BalanceSettings, onReport?: (report: BalanceReport) => void | Promise<void>): Promise<BalanceReport> {
      if (current) current.cancelled = true;
      const job = { run: createBalanceRun(input, settings), cancelled: false };
      current = job;
      let lastReport = -Infinity;
      // The plan is rebuilt (a fresh state measured from scratch) only when the best objective changed.
      let reported: { key: string; plan: BalancePlan } | undefined;
      const bestPlan = (p: BalanceProgress): BalancePlan => {
        const key = `${p.best.violation}|${p.best.moved}|${p.best.addedKm}`;
        if (reported?.key !== key) reported = { key, plan: job.run.plan() };
        return reported.plan;
      };
      let progress = job.run.step(0);
      while (!job.run.done && !job.cancelled) {
        progress = job.run.step(timing.sliceMs);
        if (onReport && performance.now() - lastReport >= timing.reportMs) {
          lastReport = performance.now();
          void onReport({ progress, plan: bestPlan(progress) });
        }
        await yieldToCalls();
      }
      if (current === job) current = undefined;
      const final = { progress: { ...progress, phase: 'done' as const }, plan: job.run.plan() };
      // Through comlink the report travels on its own port; awaiting it delivers it before the answer.
      await onReport?.(final);
      return final;
    },
    /** Stops the run in progress; its `run` call answers the best plan found so far. */
    cancel(): void {
      if (current) current.cancelled = true;
    },
  };
}

export type BalanceApi = ReturnType<typeof createBalanceApi>;
