import type { ZoneEdit } from '../core/zoneEdits';
import { useAppStore } from '../store/store';
import { currentEngine } from './engineClient';
import { EngineFault } from './engineCalls';
import { createLatestOnly } from './latestOnly';

interface Candidate {
  edit: ZoneEdit;
  point: [number, number];
  flip: { x: boolean; y: boolean };
}

/** Room (px) the overlay needs to open right of and below the pointer. */
const ROOM = { x: 340, y: 220 };

const queue = createLatestOnly(
  async ({ edit }: Candidate) => {
    const engine = currentEngine();
    if (!engine) return undefined;
    try {
      return await engine.remote.previewEdit(edit);
    } catch (e) {
      // A worker fault during a drag: no figures; the engine notice tells of the fault.
      if (e instanceof EngineFault) return undefined;
      throw e;
    }
  },
  (figures, { edit, point, flip }, seq) => {
    if (figures) useAppStore.setState({ livePreview: { seq, figures, point, flip, ...(edit.op === 'assignArea' && { areaFor: edit.schoolId }) } });
  },
);

/**
 * Shows what `edit` would do (pupils moved, the changed schools' sizes and largest classes) near
 * `point` (pixels in a map of `size` pixels) while the planner drags or draws; only the latest of
 * fast pointer moves is computed (see createLatestOnly), and nothing is applied.
 */
export function previewLive(edit: ZoneEdit, point: [number, number], size: [number, number]): void {
  queue.request({ edit, point, flip: { x: point[0] > size[0] - ROOM.x, y: point[1] > size[1] - ROOM.y } });
}

/** Ends the live figures (drop or cancel): an answer still coming is dropped and the overlay closes. */
export function endLivePreview(): void {
  queue.cancel();
  if (useAppStore.getState().livePreview) useAppStore.setState({ livePreview: undefined });
}

/** Previews computed and dropped unseen so far (for the browser benchmark and tests). */
export function livePreviewStats(): { computed: number; dropped: number } {
  return { computed: queue.computed, dropped: queue.dropped };
}
