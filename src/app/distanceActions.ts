import { useAppStore } from '../store/store';
import { EngineFault } from './engineCalls';
import { currentEngine } from './engineClient';

/**
 * Asks the worker for the lines from the compounds sent past a nearer school (shown level, current
 * scenario) while they are asked for in the distance colouring; clears them otherwise. A worker
 * fault leaves them out (the engine notice tells of it); they are asked for again after the next change.
 */
export async function refreshSentPastLines(): Promise<void> {
  const s = useAppStore.getState();
  const engine = currentEngine();
  if (!engine || !s.showSentPast || s.colorBy !== 'distance') {
    if (s.sentPastLines) useAppStore.setState({ sentPastLines: undefined });
    return;
  }
  const level = s.level;
  const lines = await engine.remote.sentPastLines(level).catch((e: unknown) => {
    if (!(e instanceof EngineFault)) throw e;
    return undefined;
  });
  // A later ask for another level wins.
  if (useAppStore.getState().level === level) useAppStore.setState({ sentPastLines: lines });
}

/** Turns the sent-past lines on or off. */
export function setShowSentPast(showSentPast: boolean): Promise<void> {
  useAppStore.setState({ showSentPast });
  return refreshSentPastLines();
}
