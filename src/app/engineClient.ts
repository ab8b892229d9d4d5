import type { EngineRemote } from './engineCalls';
import { currentRemote, hasEngine } from './engineRecovery';

/**
 * The engine holding the current dataset, if one is loaded: its calls are supervised, and wait
 * for (or are retried after) a restart when its worker fails (see engineRecovery). Actions call
 * the engine through this; it knows no action.
 */
export function currentEngine(): { remote: EngineRemote } | undefined {
  return hasEngine() ? { remote: currentRemote } : undefined;
}
