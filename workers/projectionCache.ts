import type { Dataset } from '../src/core/dataset';
import { computeMovedDistance, createProjectionDistance, distanceSettingsOf, scenarioOpenYears, type PreparedDistances } from '../src/core/distance';
import { createProjectionRun, type ProjectionRun } from '../src/core/projectionRun';
import type { ProjectionYear } from '../src/core/projection';
import type { Rules } from '../src/core/rules';
import { applyZoneState, computeScenarioRun, type ScenarioRun } from '../src/core/scenarioRun';
import { classesBySection, computeStandards, type StandardsProfile } from '../src/core/standards';
import { EditError, type ZoneEdit } from '../src/core/zoneEdits';
import type { ZoneState } from '../src/core/zoneState';
import type { ProjectionRefusal, ProjectionView, ScenarioRequest, YearView } from './scenarioProjection';
import { yieldToCalls } from './yieldToCalls';

/** How many scenarios keep their projection between calls (the compared ones, 现状 and the active one). */
const KEPT = 6;

/** A scenario's projection kept between calls: the states after each prefix of its edits, the projection run (with its distances), the base-year run. */
interface Entry {
  edits: string[];
  states: ZoneState[];
  /** The scenario's rules, projection settings and distance settings, as JSON. */
  settings: string;
  /** The distances the run's distance figures were measured with. */
  prepared: PreparedDistances;
  run: ProjectionRun;
  /** The run's sink: how far the projected pupils go each year, following the run through its edits. */
  measured: ReturnType<typeof createProjectionDistance>;
  scenarioRun: ScenarioRun;
  /** The assessed years of the last answer, to reuse where a year's results did not change. */
  views: { year: ProjectionYear; view: YearView }[];
  profile: StandardsProfile;
}

/** Whether a year's schools and results are those of an earlier answer's year (nothing to assess again). */
const sameYear = (a: ProjectionYear, b: ProjectionYear) => a.year === b.year && a.result.schools.every((r, s) => r === b.result.schools[s]) && a.schools.every((x, s) => x === b.schools[s]);

/**
 * Projections of scenarios kept in the worker from call to call, so that after an edit only what it
 * changed is computed again: the edits after the longest prefix already replayed, the places whose
 * school the edit changes (ProjectionRun.moveTo), the schools whose pupils change, and the years whose
 * results change. The run's distance sink follows it, so each year's distance figures (就近入学) are
 * those of a projection from scratch too. A projection computed from scratch yields to other calls
 * between years, so an edit never waits behind a whole projection. Calls are served one at a time,
 * in order.
 */
export function createProjectionCache(dataset: Dataset, rules: Rules, applyEdit: (state: ZoneState, edit: ZoneEdit) => ZoneState) {
  const entries = new Map<string, Entry>();
  let queue: Promise<unknown> = Promise.resolve();

  /** The state after a request's edits, replayed from the longest prefix the entry has; or the first edit refused. */
  const replay = (entry: Entry | undefined, edits: ZoneEdit[]): { edits: string[]; states: ZoneState[] } | { problem: EditError; index: number } => {
    const keys = edits.map((e) => JSON.stringify(e));
    let same = 0;
    while (entry && same < keys.length && same < entry.edits.length && keys[same] === entry.edits[same]) same++;
    const states = entry ? entry.states.slice(0, same + 1) : [dataset.zoneState];
    for (let i = same; i < edits.length; i++) {
      try {
        states.push(applyEdit(states[i], edits[i]));
      } catch (e) {
        if (e instanceof EditError) return { problem: e, index: i };
        throw e;
      }
    }
    return { edits: keys, states };
  };

  const project = async (request: ScenarioRequest, profile: StandardsProfile, baseSchoolOf: Int32Array, prepared: PreparedDistances): Promise<ProjectionView | ProjectionRefusal> => {
    const kept = entries.get(request.key);
    const replayed = replay(kept, request.edits);
    if ('problem' in replayed) return { key: request.key, problem: { code: replayed.problem.code, params: replayed.problem.params }, index: replayed.index };
    const state = replayed.states[replayed.states.length - 1];
    const distanceSettings = distanceSettingsOf(profile);
    const settings = JSON.stringify([request.rules, request.settings, distanceSettings]);
    let entry: Entry;
    if (kept && kept.settings === settings && kept.prepared === prepared && kept.run.moveTo(state)) {
      applyZoneState(kept.scenarioRun, dataset, state, rules);
      entry = { ...kept, edits: replayed.edits, states: replayed.states };
    } else {
      const measured = createProjectionDistance({ prepared, dataset, openYear: scenarioOpenYears(dataset.schools, request.rules.openings), settings: distanceSettings, rules });
      const run = createProjectionRun({ dataset, state, scenario: request.rules, settings: request.settings, rules, sink: measured.sink });
      for (let t = 0; t <= request.settings.years; t++) {
        run.projectYear(t);
        await yieldToCalls();
      }
      const scenarioRun = kept ? kept.scenarioRun : computeScenarioRun(dataset, state, rules);
      if (kept) applyZoneState(scenarioRun, dataset, state, rules);
      entry = { edits: replayed.edits, states: replayed.states, settings, prepared, run, measured, scenarioRun, views: kept?.views ?? [], profile: kept?.profile ?? profile };
    }
    const projection = entry.run.projection;
    const reusable = entry.profile === profile || JSON.stringify(entry.profile) === JSON.stringify(profile);
    // A place can change school without changing any rounded count (a unit's fraction of an
    // entrant): the distances are taken afresh even for a year whose assessment is reused.
    const distanceByYear = new Map(entry.measured.years().map((y) => [y.year, y.levels]));
    const views = projection.years.map((year, t) => {
      const before = entry.views[t];
      const distance = distanceByYear.get(year.year);
      if (reusable && before && sameYear(year, before.year)) return { year, view: { ...before.view, result: year.result, distance } };
      return { year, view: { year: year.year, result: year.result, standards: computeStandards(year.schools, year.counts, classesBySection(year.result.schools, rules), rules, profile), distance } };
    });
    entries.delete(request.key);
    entries.set(request.key, { ...entry, views, profile });
    // The least recently projected scenarios go first.
    while (entries.size > KEPT) entries.delete(entries.keys().next().value!);
    let pupilsMoved = 0;
    const schoolOf = entry.scenarioRun.schoolOf;
    for (let i = 0; i < baseSchoolOf.length; i++) if (baseSchoolOf[i] !== schoolOf[i]) pupilsMoved++;
    const movedDistance = computeMovedDistance(prepared, baseSchoolOf, schoolOf, { unit: dataset.pupils.unit, unitIds: dataset.unitIds });
    return { key: request.key, baseYear: projection.baseYear, intake: projection.intake, notes: projection.notes, pupilsMoved, byRoad: prepared.byRoad, movedDistance, years: views.map((v) => v.view) };
  };

  return {
    /**
     * Projects a scenario (see createProjectionCache) with its distances measured on `prepared`
     * (the edit session's); calls wait for the one before them.
     */
    project(request: ScenarioRequest, profile: StandardsProfile, baseSchoolOf: Int32Array, prepared: PreparedDistances): Promise<ProjectionView | ProjectionRefusal> {
      const answer = queue.then(() => project(request, profile, baseSchoolOf, prepared));
      queue = answer.catch(() => undefined);
      return answer;
    },
  };
}
