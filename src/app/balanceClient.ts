import * as Comlink from 'comlink';
import type { BalanceApi, BalanceReport } from '../../workers/balanceApi';
import type { BalanceInput, BalanceSettings } from '../core/balance/types';

/**
 * The page's side of the balance worker, started on first use: `run` balances in the worker and
 * calls `onReport` with each progress report; `cancel` stops it (the run answers the best plan).
 */
export function createBalanceClient() {
  let remote: Comlink.Remote<BalanceApi> | undefined;
  const api = () => {
    remote ??= Comlink.wrap<BalanceApi>(new Worker(new URL('../../workers/balance.worker.ts', import.meta.url), { type: 'module' }));
    return remote;
  };
  return {
    run(input: BalanceInput, settings: BalanceSettings, onReport: (report: BalanceReport) => void): Promise<BalanceReport> {
      return api().run(input, settings, Comlink.proxy(onReport));
    },
    cancel(): Promise<void> {
      return api().cancel();
    },
  };
}
