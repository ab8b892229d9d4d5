import { NO_RULES, DEFAULT_PROJECTION } from '../core/scenarioRules';
import { BASELINE_ID, useAppStore, type AppState } from '../store/store';
import type { ScenarioRequest } from '../../workers/scenarioProjection';
import { currentEngine } from './engineClient';
import { EngineFault } from './engineCalls';
import { currentScenarios } from './scenarioActions';

/** What a compared scenario is projected from (现状: no edits, no rules). */
function requestOf(id: string, years: number): ScenarioRequest | undefined {
  if (id === BASELINE_ID) return { key: id, edits: [], rules: NO_RULES, settings: { ...DEFAULT_PROJECTION, years } };
  const doc = currentScenarios(useAppStore.getState()).find((d) => d.id === id);
  return doc && { key: id, edits: doc.edits, rules: doc.rules, settings: doc.projection };
}

/**
 * Projects the compared scenarios in the worker (only those whose edits, rules, settings, the
 * profile or the rule settings changed since their last projection) and keeps the views in the store. 现状 is
 * projected as far as the furthest compared scenario.
 */
export async function runProjections(): Promise<void> {
  const engine = currentEngine();
  const s = useAppStore.getState();
  if (!engine) return;
  const years = Math.max(DEFAULT_PROJECTION.years, ...currentScenarios(s).filter((d) => s.compareIds.includes(d.id)).map((d) => d.projection.years));
  const requests = s.compareIds.flatMap((id) => requestOf(id, years) ?? []);
  const stale = requests.filter((r) => s.projections[r.key]?.fingerprint !== fingerprint(r, s));
  if (stale.length === 0) return;
  useAppStore.setState({ projecting: true, projectionError: undefined });
  try {
    const views = await engine.remote.project(stale, s.profile).catch(leftUndone);
    if (!views) return;
    const projections = { ...useAppStore.getState().projections };
    for (const [k, v] of views.entries()) {
      if ('problem' in v) {
        useAppStore.setState({ projectionError: { scenarioId: v.key, problem: v.problem, index: v.index } });
        continue;
      }
      projections[v.key] = { fingerprint: fingerprint(stale[k], s), view: v };
    }
    const year = useAppStore.getState().compareYear;
    const first = Object.values(projections)[0]?.view;
    useAppStore.setState({ projections, compareYear: year ?? first?.baseYear });
  } finally {
    useAppStore.setState({ projecting: false });
  }
}

/** What a projection was computed from (the scenario, the profile and the planner's rule settings): a projection whose fingerprint differs is stale. */
export function fingerprint(r: ScenarioRequest, s: Pick<AppState, 'profile' | 'overlapRule' | 'limits'>): string {
  return JSON.stringify([r.edits, r.rules, r.settings, s.profile, s.overlapRule, s.limits]);
}

/** Chooses the compared scenarios (at most three) and projects them. */
export function setCompareIds(ids: string[]): Promise<void> {
  useAppStore.setState({ compareIds: ids.slice(0, 3) });
  return Promise.all([runProjections(), refreshChangedAreas()]).then(() => undefined);
}

/**
 * Shows on the map the areas whose school the first compared scenario (other than 现状) changes,
 * or the scenario being edited when only 现状 is compared.
 */
export async function refreshChangedAreas(): Promise<void> {
  const engine = currentEngine();
  const s = useAppStore.getState();
  if (!engine) return;
  const id = s.compareIds.find((c) => c !== BASELINE_ID) ?? s.activeScenarioId;
  const doc = currentScenarios(s).find((d) => d.id === id);
  const changedAreas = doc && doc.edits.length > 0 ? await engine.remote.changedAreas(doc.edits).catch(leftUndone) : undefined;
  // Left undone, they belong to no scenario.
  const undone = changedAreas === undefined && doc !== undefined && doc.edits.length > 0;
  useAppStore.setState({ changedAreas, changedAreasOf: undone ? undefined : doc?.id });
}

/**
 * A comparison the engine could not compute (the call threw, its worker failed twice, or the engine
 * stopped) is left undone; it is computed again when the planner next changes the comparison. A
 * worker fault is told by the engine notice.
 */
function leftUndone(e: unknown): undefined {
  if (!(e instanceof EngineFault)) throw e;
  return undefined;
}
