import { useAppStore } from '../store/store';
import type { ScenarioRequest } from '../../workers/scenarioProjection';
import { fingerprint } from './compareActions';
import { currentEngine } from './engineClient';
import { EngineFault } from './engineCalls';
import { activeScenario } from './scenarioActions';

/** The projection request of the active scenario (its edits, rules and projection settings). */
export function activeRequest(): ScenarioRequest | undefined {
  const doc = activeScenario();
  return doc && { key: doc.id, edits: doc.edits, rules: doc.rules, settings: doc.projection };
}

/** Whether the active scenario's projection at hand was computed from its current edits, rules and profile. */
export function activeProjectionFresh(): boolean {
  const s = useAppStore.getState();
  const r = activeRequest();
  return !!r && s.projections[r.key]?.fingerprint === fingerprint(r, s);
}

/**
 * Projects the active scenario in the worker when its projection is stale (after an edit, a rule
 * or a profile change) and keeps it in the store beside the compared ones, so that the map and
 * tables can show a projected year. A projection the engine could not compute is left as it was.
 */
export async function projectActiveScenario(): Promise<void> {
  const engine = currentEngine();
  const r = activeRequest();
  const asked = useAppStore.getState();
  if (!engine || !r || activeProjectionFresh()) return;
  const views = await engine.remote.project([r], asked.profile).catch((e: unknown) => {
    if (!(e instanceof EngineFault)) throw e;
    return undefined;
  });
  const view = views?.[0];
  if (!view || 'problem' in view) return;
  useAppStore.setState((s) => ({ projections: { ...s.projections, [r.key]: { fingerprint: fingerprint(r, asked), view } } }));
}

/** Shows a school year on the map and in the tables: the base year, or a projected one (projected first when needed). */
export function setViewYear(year: number): Promise<void> {
  const base = useAppStore.getState().dataset?.baseYear;
  useAppStore.setState({ viewYear: year === base ? undefined : year });
  return year === base ? Promise.resolve() : projectActiveScenario();
}
