import type { EditPreview } from '../core/editPreview';
import type { EditRefusal } from '../../workers/editSession';
import { useAppStore, type AppState } from '../store/store';
import { pendingAreaEdit } from './editActions';
import { createLatestOnly } from './latestOnly';
import { previewEdit } from './livePreview';

const queue = createLatestOnly(
  async ({ schoolIds }: { schoolIds: string[] }) => {
    const { pendingArea: area, level, result } = useAppStore.getState();
    const edit = pendingAreaEdit(schoolIds);
    const figures = edit && (await previewEdit(edit));
    return figures && area && { area, level, result, schoolIds, figures };
  },
  (answer) => {
    if (answer) useAppStore.setState({ pendingFigures: answer });
  },
);

/**
 * Computes what giving the drawn area to `schoolIds` would do (pupils moved, the changed schools'
 * sizes and largest classes) for the pending-area card; only the latest choice is computed. The
 * worker keeps the state the preview made, so giving the area then applies it without computing
 * its geometry again.
 */
export function previewPendingAssignment(schoolIds: string[]): void {
  queue.request({ schoolIds });
}

/** Drops a preview asked for and not yet answered (the area is being given or dropped). */
export function cancelPendingAssignmentPreview(): void {
  queue.cancel();
}

/**
 * The figures of giving the drawn area to `schoolIds` at the current level, when they were made
 * for that area and against the scenario as it is (not before an undo or another edit); else undefined.
 */
export function currentPendingFigures(s: AppState, schoolIds: readonly string[]): EditPreview | EditRefusal | undefined {
  const f = s.pendingFigures;
  const same = f !== undefined && f.area === s.pendingArea && f.level === s.level && f.result === s.result && f.schoolIds.length === schoolIds.length && f.schoolIds.every((id, k) => id === schoolIds[k]);
  return same ? f.figures : undefined;
}
