import type { ZoneEdit } from '../core/zoneEdits';
import type { EditPreview } from '../core/editPreview';
import type { EditRefusal } from '../../workers/editSession';
import { useAppStore, type LivePreview } from '../store/store';
import { currentEngine } from './engineClient';
import { EngineFault } from './engineCalls';
import { createLatestOnly } from './latestOnly';

interface Candidate {
  edit: ZoneEdit;
  point: [number, number];
  flip: { x: boolean; y: boolean };
  givenTo?: LivePreview['givenTo'];
}

/** Room (px) the overlay needs to open right of and below the pointer. */
const ROOM = { x: 340, y: 220 };

/**
 * What `edit` would do, from the worker (which keeps the state it made, for the edit's commit);
 * undefined without an engine or when the worker met a fault (the engine notice tells of it).
 */
export async function previewEdit(edit: ZoneEdit): Promise<EditPreview | EditRefusal | undefined> {
  const engine = currentEngine();
  if (!engine) return undefined;
  try {
    return await engine.remote.previewEdit(edit);
  } catch (e) {
    if (e instanceof EngineFault) return undefined;
    throw e;
  }
}

const queue = createLatestOnly(
  ({ edit }: Candidate) => previewEdit(edit),
  (figures, { point, flip, givenTo }, seq) => {
    if (figures) useAppStore.setState({ livePreview: { seq, figures, point, flip, givenTo } });
  },
);

/**
 * Shows what `edit` would do (pupils moved, the changed schools' sizes and largest classes) near
 * `point` (pixels in a map of `size` pixels) while the planner drags, draws or points at a unit
 * (`unitName`, for an assignUnits edit); only the latest of fast pointer moves is computed (see
 * createLatestOnly), and nothing is applied. The worker keeps the state the preview made, so the
 * edit committed where it was previewed is not computed again.
 */
export function previewLive(edit: ZoneEdit, point: [number, number], size: [number, number], unitName?: string): void {
  const givenTo = edit.op === 'assignArea' ? { schoolId: edit.schoolId } : edit.op === 'assignUnits' && unitName !== undefined ? { schoolId: edit.schoolId, unit: unitName } : undefined;
  queue.request({ edit, point, flip: { x: point[0] > size[0] - ROOM.x, y: point[1] > size[1] - ROOM.y }, givenTo });
}

/** Ends the live figures (drop or cancel): an answer still coming is dropped and the overlay closes. */
export function endLivePreview(): void {
  queue.cancel();
  if (useAppStore.getState().livePreview) useAppStore.setState({ livePreview: undefined });
}

/**
 * Ends the live figures with the edit made where they were shown (a point dropped, a unit clicked):
 * an answer still coming is dropped at once, and the overlay closes with the edit's numbers (the
 * same store update, held for the map's frame), or when `edit` settles without them (refused,
 * failed), rather than in a frame of its own that the input's task drew before sending the edit.
 * Figures asked for after this are left open.
 */
export function endLivePreviewWith(edit: Promise<unknown>): void {
  queue.cancel();
  const endedAt = queue.requested;
  const before = useAppStore.getState().result;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    stop();
    const shown = useAppStore.getState().livePreview;
    if (shown && shown.seq <= endedAt) useAppStore.setState({ livePreview: undefined });
  };
  const stop = useAppStore.subscribe((s) => {
    if (s.result !== before) close();
  });
  edit.then(close, close);
}

/** Previews computed and dropped unseen so far (for the browser benchmark and tests). */
export function livePreviewStats(): { computed: number; dropped: number } {
  return { computed: queue.computed, dropped: queue.dropped };
}
