import type { Map as MapLibreMap } from 'maplibre-gl';
import { unitToSelected } from '../app/editActions';
import { endLivePreview, endLivePreviewWith, previewLive } from '../app/livePreview';
import { useAppStore, type AppState } from '../store/store';

/**
 * Live figures while picking units: the unit under the pointer, given to the selected school, would
 * move so many pupils and change these schools' sizes and largest classes. Asked once per unit
 * pointed at (not per pointer move), and only where a click gives the unit (not while an area
 * waits for its school or another tool is on); the figures close when the pointer leaves the unit
 * or the map, with the numbers of the edit a click makes, and when the scenario changes otherwise
 * (an undo): the next move shows the unit as it then is.
 */
export function createUnitFigures(map: MapLibreMap): {
  pointedAt: (s: AppState, unit: { id: string; name: string } | undefined, at: { x: number; y: number }) => boolean;
  clicked: (edit: Promise<unknown>) => void;
  left: () => void;
  destroy: () => void;
} {
  let shown: string | undefined;
  const end = () => {
    if (shown === undefined) return;
    shown = undefined;
    endLivePreview();
  };
  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (s.result !== prev.result) end();
  });
  return {
    /** Shows the figures for `unit` when a click would give it; true while they are shown. */
    pointedAt(s, unit, at) {
      const gives = s.unitPicking && !s.drawing && !s.vertexMode && !s.pendingArea;
      const edit = gives && unit ? unitToSelected(unit.id) : undefined;
      if (!edit || !unit) {
        end();
        return false;
      }
      const key = JSON.stringify(edit);
      if (key !== shown) {
        shown = key;
        const size: [number, number] = [map.getContainer().clientWidth, map.getContainer().clientHeight];
        previewLive(edit, [at.x, at.y], size, unit.name);
      }
      return true;
    },
    /** The unit was clicked: its figures close with the edit's numbers (endLivePreviewWith). */
    clicked(edit) {
      if (shown === undefined) return;
      shown = undefined;
      endLivePreviewWith(edit);
    },
    left: end,
    destroy() {
      unsubscribe();
      end();
    },
  };
}
