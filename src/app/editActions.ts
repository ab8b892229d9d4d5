import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { pointsWithinPolygon } from '@turf/turf';
import { EditError, type ZoneEdit } from '../core/editTypes';
import type { StandardsProfile } from '../core/standards';
import { DEFAULT_RULES, type OverlapRule } from '../core/rules';
import { limitsOf, limitsProblems, withLimits, type Limits, type LimitsProblem } from '../core/limits';
import { selectRuleSettings } from '../store/selectors';
import type { MultiPolygonCoords } from '../core/zoneState';
import { shownState, useAppStore, type AppState } from '../store/store';
import type { EditOutcome, EditRefusal } from '../../workers/editSession';
import { fetchPupilLayers } from './pupilLayers';
import { applyZoneChanges } from '../io/zoneFeatures';
import { currentEngine } from './engineClient';
import { timingMark } from './timing';
import { EngineFault } from './engineCalls';
import type { EditProblem } from '../core/editProblems';

/**
 * What the planner is told when the engine failed during a step: the step threw (nothing changed),
 * the worker was restarted with the current scenario and the step not done, or the engine has
 * stopped. Anything but an EngineFault is rethrown.
 */
export function engineProblem(e: unknown): EditProblem {
  if (!(e instanceof EngineFault)) throw e;
  if (e.reason === 'threw') return { code: 'engineError', params: { got: e.detail } };
  return { code: e.reason === 'stopped' ? 'engineStopped' : 'engineFault', params: {} };
}

/** Follow-up reads after a step: a fault there is recovered from (the replay refreshes them). */
async function unlessFault<T>(read: Promise<T> | undefined): Promise<T | undefined> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof EngineFault) return undefined;
    throw e;
  }
}

// Edits whose call met a worker fault, by their JSON, with how often: one that did twice is refused
// from then on, so that an edit that kills the worker every time cannot restart it forever.
const faultsByEdit = new Map<string, number>();
const FAULTS_BEFORE_REFUSAL = 2;

/** Resolves after the page's next frame (at once where there are no frames: tests, a hidden page's timers still run). */
const afterNextFrame = () => new Promise<void>((resolve) => {
  if (typeof requestAnimationFrame !== 'function' || document.hidden) resolve();
  else requestAnimationFrame(() => setTimeout(resolve, 0));
});

/**
 * Takes a worker outcome into the store: results, zones, moves and the history; a refusal says why.
 * Returns once the numbers are stored; the standards (and the dots) follow (refreshAfterEdit).
 */
export function settleOutcome(outcome: EditOutcome | EditRefusal, edits: { edits: ZoneEdit[]; redoEdits: ZoneEdit[] } & Partial<AppState>): boolean {
  if (!outcome.ok) {
    useAppStore.setState({ editError: outcome.problem });
    return false;
  }
  const gapsChanged = outcome.moved.some((m) => m.from === null || m.to === null);
  // Marks for the browser benchmark (test/bench/browser.bench.ts): the answer is here, then stored.
  timingMark('edit:answered');
  useAppStore.setState((s) => ({
    ...edits,
    dataset: s.dataset && { ...s.dataset, zones: applyZoneChanges(s.dataset.zones, outcome.zoneChanges) },
    result: outcome.result,
    distance: outcome.distance,
    movedDistance: outcome.movedDistance,
    editMs: outcome.computeMs,
    moved: outcome.moved,
    totalMoved: outcome.totalMoved,
    lockedZones: outcome.locked,
    editError: undefined,
    pendingArea: undefined,
    preview: undefined,
  }));
  timingMark('edit:stored');
  void refreshAfterEdit(gapsChanged);
  return true;
}

/**
 * What follows an edit's numbers: the standards (a pass over every pupil) and, when the pupils
 * outside every zone changed, the dots. Asked for once the page has drawn the edit: asked for at
 * once, that pass took the CPU the map's worker was re-tiling the edit's zones with (two cores here).
 */
async function refreshAfterEdit(gapsChanged: boolean): Promise<void> {
  await shownState.published();
  await afterNextFrame();
  const standards = await unlessFault(currentEngine()?.remote.standards());
  if (standards) useAppStore.setState({ standards });
  // Only pupils outside every zone are drawn differently: refresh the dots when that set changed.
  if (gapsChanged) {
    const engine = currentEngine();
    const pupilLayers = engine && (await unlessFault(fetchPupilLayers(engine.remote)));
    if (pupilLayers) useAppStore.setState({ pupilLayers });
  }
}

/**
 * Applies an edit in the worker; a refused edit leaves everything as it was and says why. An edit
 * that met a worker fault is not applied (the worker is restarted with the history without it);
 * one that did so twice (or threw twice) is refused without being tried again.
 */
export async function commitEdit(edit: ZoneEdit): Promise<boolean> {
  const engine = currentEngine();
  if (!engine) return false;
  const key = JSON.stringify(edit);
  if ((faultsByEdit.get(key) ?? 0) >= FAULTS_BEFORE_REFUSAL) {
    useAppStore.setState({ editError: { code: 'faultyEdit', params: {} } });
    return false;
  }
  let outcome: EditOutcome | EditRefusal;
  try {
    outcome = await engine.remote.applyEdit(edit);
  } catch (e) {
    const problem = engineProblem(e);
    const faults = problem.code === 'engineStopped' ? 0 : (faultsByEdit.get(key) ?? 0) + 1;
    if (faults > 0) faultsByEdit.set(key, faults);
    useAppStore.setState({ editError: faults >= FAULTS_BEFORE_REFUSAL ? { code: 'faultyEdit', params: {} } : problem });
    return false;
  }
  // The history is read once the worker has answered: it is the one the edit was applied after.
  return settleOutcome(outcome, { edits: [...useAppStore.getState().edits, edit], redoEdits: [] });
}

/** Undo or redo in the worker; a step that met a worker fault is not done and says so. */
async function historyStep(step: Promise<EditOutcome | EditRefusal>): Promise<EditOutcome | EditRefusal> {
  try {
    return await step;
  } catch (e) {
    return { ok: false, problem: engineProblem(e) };
  }
}

/**
 * Gives the drawn area to a school at the current level, or to several schools together (a zone
 * they share, 多校划片) when more than one distinct school is given.
 */
export function assignPendingArea(schoolIds: string[]): Promise<boolean> {
  const edit = pendingAreaEdit(schoolIds);
  return edit ? commitEdit(edit) : Promise.resolve(false);
}

/**
 * The edit that gives the drawn area to `schoolIds` (one school, or a zone they share), as
 * assignPendingArea commits it and its preview asks for it; undefined without an area or a school.
 */
export function pendingAreaEdit(schoolIds: string[]): ZoneEdit | undefined {
  const { pendingArea, level } = useAppStore.getState();
  const distinct = [...new Set(schoolIds)];
  if (!pendingArea || distinct.length === 0) return undefined;
  if (distinct.length > 1) return { op: 'shareArea', level, schoolIds: distinct, area: pendingArea };
  return { op: 'assignArea', level, schoolId: distinct[0], area: pendingArea };
}

export async function undoEdit(): Promise<void> {
  const engine = currentEngine();
  const { edits, redoEdits } = useAppStore.getState();
  if (!engine || edits.length === 0) return;
  settleOutcome(await historyStep(engine.remote.undo()), { edits: edits.slice(0, -1), redoEdits: [edits[edits.length - 1], ...redoEdits] });
}

export async function redoEdit(): Promise<void> {
  const engine = currentEngine();
  const { edits, redoEdits } = useAppStore.getState();
  if (!engine || redoEdits.length === 0) return;
  settleOutcome(await historyStep(engine.remote.redo()), { edits: [...edits, redoEdits[0]], redoEdits: redoEdits.slice(1) });
}

/** Shows the pupils inside an area (while drawing, or once drawn). */
export async function previewArea(area: Polygon | MultiPolygon): Promise<void> {
  const engine = currentEngine();
  if (!engine) return;
  const preview = await unlessFault(engine.remote.previewArea(useAppStore.getState().level, area));
  if (preview) useAppStore.setState({ preview });
}

/** Starts or stops drawing an area (or a lasso around units); stopping drops what is not assigned. */
export function setDrawing(drawing: boolean, drawPurpose: 'area' | 'units' | 'split' = 'area'): void {
  useAppStore.setState({ drawing, drawPurpose, unitPicking: false, vertexMode: false, pendingArea: undefined, preview: undefined, editError: undefined });
}

/** A finished drawing: an area waits for the planner to pick a school; a lasso assigns its units. */
export function finishDrawing(area: Polygon): void {
  const { drawPurpose, selectedSchoolId, level, dataset } = useAppStore.getState();
  if (drawPurpose === 'area') {
    useAppStore.setState({ drawing: false, pendingArea: area });
    void previewArea(area);
    return;
  }
  useAppStore.setState({ drawing: false });
  const inside = dataset?.units ? pointsWithinPolygon(dataset.units as FeatureCollection<Point>, area) : undefined;
  const unitIds = (inside?.features ?? []).map((f) => String(f.properties?.id));
  if (!selectedSchoolId) return;
  if (unitIds.length === 0) {
    useAppStore.setState({ editError: { code: 'noUnitsInLasso', params: {} } });
    return;
  }
  void commitEdit({ op: 'assignUnits', level, schoolId: selectedSchoolId, unitIds });
}

/**
 * A finished cut line across the selected school's zone: the part away from the school becomes the
 * pending area, to be given to another school (splitting the zone).
 */
export async function finishCut(line: [number, number][]): Promise<void> {
  const { selectedSchoolId, level, dataset } = useAppStore.getState();
  useAppStore.setState({ drawing: false });
  const school = dataset?.schools.find((s) => s.id === selectedSchoolId);
  const zone = dataset?.zones.features.find((f) => f.properties?.level === level && f.properties?.school_id === selectedSchoolId);
  if (!school || !zone) return;
  // The polygon clipping code loads with the first cut, not with the page.
  const { computeSplitPart } = await import('../core/splitZone');
  try {
    const part = computeSplitPart(zone.geometry.coordinates as MultiPolygonCoords, line, [school.lon, school.lat]);
    const area: MultiPolygon = { type: 'MultiPolygon', coordinates: part };
    useAppStore.setState({ pendingArea: area });
    void previewArea(area);
  } catch (e) {
    if (!(e instanceof EditError)) throw e;
    useAppStore.setState({ editError: { code: e.code, params: e.params } });
  }
}

/** Gives one unit to the selected school (unit picking mode). */
export function assignUnitToSelected(unitId: string): Promise<boolean> {
  const edit = unitToSelected(unitId);
  return edit ? commitEdit(edit) : Promise.resolve(false);
}

/** The edit that gives one unit to the selected school, as clicking it commits it and pointing at it previews it; undefined with no school selected. */
export function unitToSelected(unitId: string): ZoneEdit | undefined {
  const { selectedSchoolId, level } = useAppStore.getState();
  return selectedSchoolId ? { op: 'assignUnits', level, schoolId: selectedSchoolId, unitIds: [unitId] } : undefined;
}

/** Gives the worker the store's rule settings after they changed: it recomputes the scenario from scratch. */
async function applyRuleSettings(): Promise<void> {
  const s = useAppStore.getState();
  // After a fault the replayed worker already has the settings (it reads them from the store).
  const outcome = await unlessFault(currentEngine()?.remote.setRuleSettings(selectRuleSettings(s)));
  if (outcome) settleOutcome(outcome, { edits: s.edits, redoEdits: s.redoEdits });
}

/** Where zones overlap, which one a pupil goes to: the worker recomputes the scenario from scratch. */
export function setOverlapRule(overlapRule: OverlapRule): Promise<void> {
  useAppStore.setState({ overlapRule });
  return applyRuleSettings();
}

/**
 * The county's own class caps, school sizes and 大班额 bands: refused with what is wrong (nothing
 * changes), else the worker recomputes the scenario from scratch under them.
 */
export async function setLimits(limits: Limits): Promise<LimitsProblem[]> {
  const problems = limitsProblems(limits);
  if (problems.length > 0) return problems;
  useAppStore.setState({ limits: limitsOf(withLimits(DEFAULT_RULES, limits)) });
  await applyRuleSettings();
  return [];
}

/** Assesses the standards against a new profile (after a fault, the replayed worker has it). */
export async function setProfile(profile: StandardsProfile): Promise<void> {
  useAppStore.setState({ profile });
  const standards = await unlessFault(currentEngine()?.remote.setProfile(profile));
  // The profile's service radii change the distance figures too.
  const distance = standards && (await unlessFault(currentEngine()?.remote.distance()));
  if (standards) useAppStore.setState({ standards, ...(distance && { distance }) });
}
