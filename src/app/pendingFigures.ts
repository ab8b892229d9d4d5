import { useAppStore } from '../store/store';
import { pendingAreaEdit } from './editActions';
import { currentEngine } from './engineClient';
import { EngineFault } from './engineCalls';
import { createLatestOnly } from './latestOnly';

const queue = createLatestOnly(
  async ({ schoolIds }: { schoolIds: string[] }) => {
    const engine = currentEngine();
    const edit = pendingAreaEdit(schoolIds);
    if (!engine || !edit) return undefined;
    try {
      return { area: useAppStore.getState().pendingArea!, figures: await engine.remote.previewEdit(edit) };
    } catch (e) {
      // A worker fault: no figures; the engine notice tells of the fault, and giving the area still works.
      if (e instanceof EngineFault) return undefined;
      throw e;
    }
  },
  (answer, { schoolIds }) => {
    // The planner may have drawn another area meanwhile: figures of the old one are not shown for it.
    if (answer && answer.area === useAppStore.getState().pendingArea) useAppStore.setState({ pendingFigures: { area: answer.area, schoolIds, figures: answer.figures } });
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
