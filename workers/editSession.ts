import type { MultiPolygon, Polygon } from 'geojson';
import type { AssignmentWorkspace } from '../src/core/assignment';
import { computeMovedGroups, groupMoves, type MovedGroup } from '../src/core/moves';
import { levelOfGrade, MAX_GRADE, type Rules, type ZoneLevel } from '../src/core/rules';
import { applyZoneState, computeScenarioRun, type ScenarioRun } from '../src/core/scenarioRun';
import type { SimulationResult } from '../src/core/simulation';
import { classesBySection, computeNearbyCounts, computeStandards, NATIONAL_PROFILE, type StandardsProfile, type StandardsResult } from '../src/core/standards';
import type { EditProblem } from '../src/core/editProblems';
import { computeEditPreview, type EditPreview } from '../src/core/editPreview';
import { applyZoneEdit, EditError, type EditContext, type ZoneEdit } from '../src/core/zoneEdits';
import { computeGridFrame } from '../src/core/gridFrame';
import { buildZoneGrid } from '../src/core/zoneGrid';
import { zoneAt } from '../src/core/zoneLocate';
import { type MultiPolygonCoords, type ZoneState } from '../src/core/zoneState';
import { computeZoneSet } from '../src/core/zoneSet';
import { countyOutline } from '../src/io/countyOutline';
import { unitCellArea, unitEditPreparation, useCellSettings } from '../src/core/units/datasetCells';
import type { LoadedDataset } from '../src/io/readDataset';
import { computeZoneChanges, type ZoneChange } from '../src/io/zoneFeatures';
import { computeDistanceState, computeMovedDistance, distanceSettingsOf, type MovedDistance, prepareDistances, resettleDistanceState, updateDistanceState, type DistanceMetrics, type DistanceState, type PreparedDistances } from '../src/core/distance';

/** The state after an edit, undo or redo: small results only. */
export interface EditOutcome {
  ok: true;
  result: SimulationResult;
  /** The worker's time for the step, ms: a new edit's geometry, the incremental recompute, the distances and this outcome. */
  computeMs: number;
  /** The zones that changed in this step (the map merges them into what it shows). */
  zoneChanges: ZoneChange[];
  /** Pupils that changed school in this step, and since the dataset's own zoning. */
  moved: MovedGroup[];
  totalMoved: MovedGroup[];
  canUndo: boolean;
  canRedo: boolean;
  /** Ids of the schools whose zone is locked, per level. */
  locked: Record<ZoneLevel, string[]>;
  /** How far pupils go to school (就近入学), per school section and county level, after this step. */
  distance: DistanceMetrics;
  /** The pupils at another school than under the dataset's own zoning: how far they go before and after, per level. */
  movedDistance: MovedDistance[];
}

/** An edit that was refused (nothing changed), with why: see describeEditProblem. */
export interface EditRefusal {
  ok: false;
  problem: EditProblem;
}

/** Pupils of a level inside a polygon that is being drawn, by grade and by their current school. */
export interface AreaPreview {
  total: number;
  byGrade: Record<number, number>;
  bySchool: { schoolId: string | null; count: number }[];
}

/**
 * The editing session of a loaded dataset: the scenario's zone states (undo history), a run kept
 * current incrementally, and the moves since the dataset's own zoning.
 */
export function createEditSession(loaded: LoadedDataset, initialRules: Rules, workspace: AssignmentWorkspace) {
  let rules = initialRules;
  const dataset = loaded.dataset;
  // A snapshot brings the outline its unit cells were built on (a union of the county's parts, 60 ms).
  const county = dataset.unitCells?.county ?? countyOutline(loaded.county);
  // The units' cells (a snapshot brings them built) are built by prepareUnits once the dataset
  // shows, or by the first edit that needs them: the first result does not wait for them.
  useCellSettings(dataset, rules.overlapRule, county);
  const ctx: EditContext = {
    schools: dataset.schools,
    schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])),
    unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])),
    county,
    unitArea: (level, u) => unitCellArea(dataset, level, u, rules.overlapRule),
  };
  let run: ScenarioRun = computeScenarioRun(dataset, dataset.zoneState, rules, workspace);
  let profile: StandardsProfile = NATIONAL_PROFILE;
  // Distances are prepared when first asked for (snapping every home to the roads, one shortest-path
  // tree per school: 0.4 s on Shouguang), not at load, so that the first map does not wait for them;
  // from then on edits update the metrics of the schools they touch.
  let prepared: PreparedDistances | undefined;
  let preparedFor = rules;
  let distance: DistanceState | undefined;
  const preparedNow = (): PreparedDistances => {
    if (!prepared || preparedFor !== rules) [prepared, preparedFor] = [prepareDistances(dataset, rules), rules];
    return prepared;
  };
  const distanceNow = (): DistanceState => (distance ??= computeDistanceState(preparedNow(), run.schoolOf, distanceSettingsOf(profile)));
  const standardsOf = (): StandardsResult =>
    computeStandards(run.schools, run.counts, classesBySection(run.result.schools, rules), rules, profile, computeNearbyCounts(dataset.pupils, run.zoneSchoolOf));
  let baseSchoolOf: Int32Array = run.schoolOf.slice();
  const states: ZoneState[] = [dataset.zoneState];
  // The edit that made each state after the first: edits[i] turned states[i] into states[i + 1].
  const edits: ZoneEdit[] = [];
  let index = 0;
  // Test-only (fault injection): the next move throws after the run has changed.
  let faultArmed = false;
  // Set when a failed step could not be undone: the session's state is unknown from then on.
  let broken: Error | undefined;
  // The states edits made, by the state they were applied to and the edit's JSON: a projection of
  // the scenario being edited replays its edits without their geometry.
  // Rules give units their cells (assignUnits): new rules forget them.
  let made = new WeakMap<ZoneState, Map<string, ZoneState>>();
  const remember = (state: ZoneState, key: string, next: ZoneState) => {
    const byEdit = made.get(state) ?? new Map<string, ZoneState>();
    byEdit.set(key, next);
    made.set(state, byEdit);
  };

  /** An edit of the history applied again (under new rules); one that no longer applies throws, naming its place. */
  const applyEditOrThrow = (state: ZoneState, edit: ZoneEdit, at: number): ZoneState => {
    try {
      return applyZoneEdit(state, edit, ctx);
    } catch (e) {
      if (e instanceof EditError) throw new Error(`edit ${at + 1} (${edit.op}) no longer applies under the new rules: ${e.code}`, { cause: e });
      throw e;
    }
  };

  // The last edit previewed and the state it would make from the current one: a dragged point
  // dropped where the pointer was last previewed is committed without its geometry again.
  let lastPreviewed: { from: ZoneState; key: string; next: ZoneState } | undefined;
  /** The state `edit` (whose JSON is `key`) makes from the current one, or the refusal of an edit that does not apply. */
  const nextState = (edit: ZoneEdit, key = JSON.stringify(edit)): ZoneState | EditRefusal => {
    if (lastPreviewed?.from === states[index] && lastPreviewed.key === key) return lastPreviewed.next;
    try {
      return applyZoneEdit(states[index], edit, ctx);
    } catch (e) {
      if (e instanceof EditError) return { ok: false, problem: { code: e.code, params: e.params } };
      throw e;
    }
  };

  const moveTo = (state: ZoneState, at: number, length: number): EditOutcome => {
    const previous = run.state;
    const t0 = performance.now();
    const moves = applyZoneState(run, dataset, state, rules);
    if (distance) distance = updateDistanceState(preparedNow(), distance, run.schoolOf, moves, distanceSettingsOf(profile));
    if (faultArmed) {
      faultArmed = false;
      throw new Error('injected fault (test hook)');
    }
    const outcome: EditOutcome = {
      ok: true,
      result: run.result,
      computeMs: 0,
      zoneChanges: computeZoneChanges(previous, state, dataset.schools),
      moved: groupMoves(dataset, moves),
      totalMoved: computeMovedGroups(dataset, baseSchoolOf, run.schoolOf),
      canUndo: at > 0,
      canRedo: at < length - 1,
      locked: { primary: [...state.locked.primary].map((i) => dataset.schools[i].id), junior: [...state.locked.junior].map((i) => dataset.schools[i].id) },
      distance: distanceNow().metrics,
      movedDistance: computeMovedDistance(preparedNow(), baseSchoolOf, run.schoolOf, { unit: dataset.pupils.unit, unitIds: dataset.unitIds }),
    };
    outcome.computeMs = performance.now() - t0;
    return outcome;
  };

  /**
   * Runs a step that changes the session as a whole or not at all: if it throws, the history,
   * rules, profile and moves baseline are put back and the run is recomputed from the kept state
   * (the from-scratch twin of the incremental run), then the error is rethrown. If even that fails
   * the session is broken and every later step throws.
   */
  const atomically = <T>(step: () => T): T => {
    if (broken) throw broken;
    const saved = { rules, profile, baseSchoolOf, states: states.slice(), edits: edits.slice(), index };
    try {
      return step();
    } catch (e) {
      ({ rules, profile, baseSchoolOf, index } = saved);
      states.splice(0, states.length, ...saved.states);
      edits.splice(0, edits.length, ...saved.edits);
      try {
        run = computeScenarioRun(dataset, states[index], rules, workspace);
        if (distance) distance = computeDistanceState(preparedNow(), run.schoolOf, distanceSettingsOf(profile));
      } catch (again) {
        broken = new Error(`the editing session could not be restored after an error: ${(again as Error).message}`);
        throw broken;
      }
      throw e;
    }
  };

  /** An edit, undo or redo: atomic, and an unexpected error is a refusal saying so (nothing changed). */
  const step = (f: () => EditOutcome | EditRefusal): EditOutcome | EditRefusal => {
    try {
      return atomically(f);
    } catch (e) {
      if (broken) throw broken;
      return { ok: false, problem: { code: 'engineError', params: { got: e instanceof Error ? e.message : String(e) } } };
    }
  };

  return {
    /** The current results, recomputed from scratch (the twin of the incremental path). */
    recompute(): SimulationResult {
      run = computeScenarioRun(dataset, states[index], rules, workspace);
      if (distance) distance = computeDistanceState(preparedNow(), run.schoolOf, distanceSettingsOf(profile));
      return run.result;
    },
    /**
     * Recomputes everything from scratch under other rules (e.g. another overlap rule), keeping
     * the history (made again from its edits when the overlap rule changes the units' cells); the
     * moves since the dataset's own zoning are measured under the new rules.
     */
    setRules: (next: Rules): EditOutcome =>
      atomically(() => {
        const cellsChange = next.overlapRule !== rules.overlapRule;
        rules = next;
        made = new WeakMap();
        lastPreviewed = undefined;
        useCellSettings(dataset, rules.overlapRule, county);
        // A unit's cell depends on the overlap rule: the history is made again under the new one,
        // so that the zones are those a reload (which replays the edits) would give.
        if (cellsChange) for (let i = 0; i < edits.length; i++) states[i + 1] = applyEditOrThrow(states[i], edits[i], i);
        baseSchoolOf = computeScenarioRun(dataset, dataset.zoneState, rules).schoolOf;
        run = computeScenarioRun(dataset, states[index], rules, workspace);
        distance = undefined;
        return { ...moveTo(states[index], index, states.length), moved: [] };
      }),
    /** The quality-balance assessment of the current results. */
    standards: standardsOf,
    /** Assesses against another profile from now on; returns the new assessment. */
    setProfile: (next: StandardsProfile): StandardsResult =>
      atomically(() => {
        profile = next;
        if (distance) distance = resettleDistanceState(preparedNow(), distance, distanceSettingsOf(profile));
        return standardsOf();
      }),
    /** School per pupil row under the current state. */
    schoolOf: (): Int32Array => run.schoolOf,
    /** How far pupils go to school under the current state (see DistanceMetrics). */
    distance: (): DistanceMetrics => distanceNow().metrics,
    /** Prepares the road distances, which the load left out; returns them. */
    prepareForEdits: (): DistanceMetrics => distanceNow().metrics,
    /** What the first unit edit needs and the load left out (the units' cells, the grounds their areas are cut from), in steps: see unitEditPreparation. */
    unitPreparation: (): Generator<void, void> => unitEditPreparation(dataset, rules.overlapRule),
    /** The distances prepared for the dataset and each pupil's current distances (for per-pupil views and scenario comparisons). */
    distanceState: (): { prepared: PreparedDistances; state: DistanceState } => ({ prepared: preparedNow(), state: distanceNow() }),
    /** Applies an edit after the current state (dropping what could be redone). */
    apply: (edit: ZoneEdit): EditOutcome | EditRefusal =>
      step(() => {
        const t0 = performance.now();
        const next = nextState(edit);
        if ('problem' in next) return next;
        // The history changes only once the run has moved: a failed move leaves it as it was.
        const outcome = moveTo(next, index + 1, index + 2);
        remember(states[index], JSON.stringify(edit), next);
        states.splice(index + 1, states.length, next);
        edits.splice(index, edits.length, edit);
        index++;
        return { ...outcome, computeMs: performance.now() - t0 };
      }),
    /**
     * Replaces the history with a saved one: `done` applied in order (the current state) and
     * `redoEdits` after them (what can be redone). A failing edit leaves the session as it was and
     * says which one (its place in edits, then redoEdits, from 0).
     */
    restore: (done: ZoneEdit[], redoEdits: ZoneEdit[]): EditOutcome | (EditRefusal & { index: number }) =>
      atomically(() => {
        const rebuilt: ZoneState[] = [dataset.zoneState];
        const all = [...done, ...redoEdits];
        for (let i = 0; i < all.length; i++) {
          try {
            rebuilt.push(applyZoneEdit(rebuilt[i], all[i], ctx));
          } catch (e) {
            if (e instanceof EditError) return { ok: false, problem: { code: e.code, params: e.params }, index: i };
            throw e;
          }
        }
        states.splice(0, states.length, ...rebuilt);
        edits.splice(0, edits.length, ...all);
        index = done.length;
        return { ...moveTo(states[index], index, states.length), moved: [] };
      }),
    /** The zone state after a list of edits from the dataset's own zoning (for other scenarios). */
    stateAfter(edits: ZoneEdit[]): ZoneState {
      return edits.reduce((state, edit) => applyZoneEdit(state, edit, ctx), dataset.zoneState);
    },
    /**
     * The zone state after one more edit from `state` (throws EditError as apply refuses); an edit
     * this session has applied from that state gives the state it made (no geometry again).
     */
    applyTo(state: ZoneState, edit: ZoneEdit): ZoneState {
      const key = JSON.stringify(edit);
      const known = made.get(state)?.get(key);
      if (known) return known;
      const next = applyZoneEdit(state, edit, ctx);
      remember(state, key, next);
      return next;
    },
    /** The current zone state. */
    state: (): ZoneState => states[index],
    /** School per pupil row under the dataset's own zoning. */
    baseSchoolOf: (): Int32Array => baseSchoolOf,
    undo: (): EditOutcome | EditRefusal =>
      step(() => {
        if (index === 0) return { ok: false, problem: { code: 'nothingToUndo', params: {} } };
        index--;
        return moveTo(states[index], index, states.length);
      }),
    redo: (): EditOutcome | EditRefusal =>
      step(() => {
        if (index === states.length - 1) return { ok: false, problem: { code: 'nothingToRedo', params: {} } };
        index++;
        return moveTo(states[index], index, states.length);
      }),
    /**
     * What `edit` would do after the current state, without applying it: the session (history,
     * run, distances) is left exactly as it was. A refused edit is answered as apply answers it.
     */
    previewEdit(edit: ZoneEdit): EditPreview | EditRefusal {
      if (broken) throw broken;
      const t0 = performance.now();
      const key = JSON.stringify(edit);
      const next = nextState(edit, key);
      if ('problem' in next) return next;
      lastPreviewed = { from: states[index], key, next };
      return { ...computeEditPreview(run, dataset, next, rules), computeMs: performance.now() - t0 };
    },
    /** Why the session can no longer be used (a failed step could not be undone), if it cannot. */
    brokenBy: (): Error | undefined => broken,
    /** Test-only fault injection: the next edit, undo, redo or restore throws once the run has moved. */
    armFault(): void {
      faultArmed = true;
    },
    /** Pupils of `level` inside `area` now (before an edit is committed). */
    preview(level: ZoneLevel, area: Polygon | MultiPolygon): AreaPreview {
      const polygons = (area.type === 'Polygon' ? [area.coordinates] : area.coordinates) as MultiPolygonCoords;
      const zones = computeZoneSet(level, new Map([[0, polygons]]));
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of polygons.flat(2)) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
      const grid = buildZoneGrid(zones, computeGridFrame(minX, minY, maxX, maxY, 64));
      const p = dataset.pupils;
      const byGrade: Record<number, number> = {};
      for (let g = 1; g <= MAX_GRADE; g++) if (levelOfGrade(g, rules) === level) byGrade[g] = 0;
      const bySchool = new Map<number, number>();
      let total = 0;
      const k = level === 'primary' ? 0 : 1;
      for (let i = p.segmentStart[k]; i < p.segmentStart[k + 1]; i++) {
        if (p.x[i] < minX || p.x[i] > maxX || p.y[i] < minY || p.y[i] > maxY || zoneAt(grid, p.x[i], p.y[i]) < 0) continue;
        total++;
        byGrade[p.grade[i]]++;
        bySchool.set(run.schoolOf[i], (bySchool.get(run.schoolOf[i]) ?? 0) + 1);
      }
      return {
        total,
        byGrade,
        bySchool: [...bySchool].sort((a, b) => b[1] - a[1]).map(([s, count]) => ({ schoolId: s >= 0 ? dataset.schools[s].id : null, count })),
      };
    },
  };
}

export type EditSession = ReturnType<typeof createEditSession>;
