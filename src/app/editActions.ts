import type { MultiPolygon, Polygon } from 'geojson';
import type { ZoneEdit } from '../core/zoneEdits';
import { useAppStore } from '../store/store';
import type { EditOutcome, EditRefusal } from '../../workers/editSession';
import { buildPupilLayers } from './pupilLayers';
import { currentEngine } from './engineClient';

async function settle(outcome: EditOutcome | EditRefusal, edits: { edits: ZoneEdit[]; redoEdits: ZoneEdit[] }) {
  if (!outcome.ok) {
    useAppStore.setState({ editError: outcome.message });
    return false;
  }
  const gapsChanged = outcome.moved.some((m) => m.from === null || m.to === null);
  useAppStore.setState((s) => ({
    ...edits,
    dataset: s.dataset && { ...s.dataset, zones: outcome.zones },
    result: outcome.result,
    editMs: outcome.computeMs,
    moved: outcome.moved,
    totalMoved: outcome.totalMoved,
    editError: undefined,
    pendingArea: undefined,
    preview: undefined,
  }));
  // Only pupils outside every zone are drawn differently: refresh the dots when that set changed.
  if (gapsChanged) {
    const points = await currentEngine()?.remote.pupilPoints();
    if (points) useAppStore.setState({ pupilLayers: buildPupilLayers(points) });
  }
  return true;
}

/** Applies an edit in the worker; a refused edit leaves everything as it was and says why. */
export async function commitEdit(edit: ZoneEdit): Promise<boolean> {
  const engine = currentEngine();
  if (!engine) return false;
  const { edits } = useAppStore.getState();
  return settle(await engine.remote.applyEdit(edit), { edits: [...edits, edit], redoEdits: [] });
}

/** Gives the drawn area to a school at the current level. */
export function assignPendingArea(schoolId: string): Promise<boolean> {
  const { pendingArea, level } = useAppStore.getState();
  if (!pendingArea) return Promise.resolve(false);
  return commitEdit({ op: 'assignArea', level, schoolId, area: pendingArea });
}

export async function undoEdit(): Promise<void> {
  const engine = currentEngine();
  const { edits, redoEdits } = useAppStore.getState();
  if (!engine || edits.length === 0) return;
  await settle(await engine.remote.undo(), { edits: edits.slice(0, -1), redoEdits: [edits[edits.length - 1], ...redoEdits] });
}

export async function redoEdit(): Promise<void> {
  const engine = currentEngine();
  const { edits, redoEdits } = useAppStore.getState();
  if (!engine || redoEdits.length === 0) return;
  await settle(await engine.remote.redo(), { edits: [...edits, redoEdits[0]], redoEdits: redoEdits.slice(1) });
}

/** Shows the pupils inside an area (while drawing, or once drawn). */
export async function previewArea(area: Polygon | MultiPolygon): Promise<void> {
  const engine = currentEngine();
  if (!engine) return;
  const preview = await engine.remote.previewArea(useAppStore.getState().level, area);
  useAppStore.setState({ preview });
}

/** Starts or stops drawing; stopping drops an area not yet assigned. */
export function setDrawing(drawing: boolean): void {
  useAppStore.setState({ drawing, pendingArea: undefined, preview: undefined, editError: undefined });
}

/** Keeps a finished drawing until the planner picks a school for it. */
export function setPendingArea(area: Polygon): void {
  useAppStore.setState({ drawing: false, pendingArea: area });
  void previewArea(area);
}

/** The applied edits as a scenario file (versioned JSON). */
export function scenarioJson(name: string): string {
  return JSON.stringify({ version: 1, name, edits: useAppStore.getState().edits }, null, 2) + '\n';
}
