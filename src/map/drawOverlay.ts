import type { Map as MapLibreMap } from 'maplibre-gl';
import type { TerraDrawChanges, TerraDrawExtend, TerraDrawStylingFunction } from 'terra-draw';
import { drawShapes, type StyledFeature } from './drawShapes';
import { createSvgLayer, mapPixels, svgElement } from './svgLayer';

/**
 * A terra-draw adapter for a MapLibre map that draws the area or line being drawn in an SVG layer
 * over the map instead of in map sources. terra-draw redraws on every pointer move; through a map
 * source each move cost a map frame, and where WebGL is rasterised in software (SwiftShader) the
 * page then took pointer moves only as fast as the map drew frames (about 7 a second), so the
 * live figures followed the pointer at that rate. The SVG is redrawn when the map moves.
 */
export function createOverlayAdapter(map: MapLibreMap, Base: typeof TerraDrawExtend.TerraDrawBaseAdapter): InstanceType<typeof TerraDrawExtend.TerraDrawBaseAdapter> {
  class OverlayAdapter extends Base {
    private readonly svg = createSvgLayer('draw-overlay');
    private shown = new Map<string | number, StyledFeature>();
    private frame: number | undefined;
    private readonly initialDragPan = map.dragPan.isEnabled();
    private readonly initialDragRotate = map.dragRotate.isEnabled();
    // Moved with the map in the frame the map draws, not one frame behind it.
    private readonly redraw = () => this.draw();

    constructor() {
      super({});
    }

    getLngLatFromEvent(event: PointerEvent | MouseEvent) {
      const { left, top } = map.getContainer().getBoundingClientRect();
      return this.unproject(event.clientX - left, event.clientY - top);
    }

    getMapEventElement() {
      return map.getCanvas();
    }

    setDraggability(enabled: boolean) {
      if (this.initialDragPan) {
        if (enabled) map.dragPan.enable();
        else map.dragPan.disable();
      }
      if (this.initialDragRotate) {
        if (enabled) map.dragRotate.enable();
        else map.dragRotate.disable();
      }
    }

    project(lng: number, lat: number) {
      const { x, y } = map.project([lng, lat]);
      return { x, y };
    }

    unproject(x: number, y: number) {
      const { lng, lat } = map.unproject([x, y]);
      return { lng, lat };
    }

    setCursor(cursor: string) {
      const canvas = map.getCanvas();
      if (cursor === 'unset') canvas.style.removeProperty('cursor');
      else canvas.style.cursor = cursor;
    }

    setDoubleClickToZoom(enabled: boolean) {
      if (enabled) map.doubleClickZoom.enable();
      else map.doubleClickZoom.disable();
    }

    register(callbacks: Parameters<InstanceType<typeof TerraDrawExtend.TerraDrawBaseAdapter>['register']>[0]) {
      super.register(callbacks);
      map.getCanvasContainer().appendChild(this.svg);
      map.on('move', this.redraw);
      map.on('resize', this.redraw);
      this._currentModeCallbacks?.onReady?.();
    }

    unregister() {
      super.unregister();
      map.off('move', this.redraw);
      map.off('resize', this.redraw);
      this.shown.clear();
      this.svg.replaceChildren();
      this.svg.remove();
    }

    render(changes: TerraDrawChanges, styling: TerraDrawStylingFunction) {
      for (const id of changes.deletedIds) this.shown.delete(id);
      for (const feature of [...changes.created, ...changes.updated, ...changes.unchanged]) {
        this.shown.set(feature.id!, { feature, style: styling[String(feature.properties.mode)](feature) });
      }
      this.schedule();
    }

    clear() {
      if (!this._currentModeCallbacks) return;
      this._currentModeCallbacks.onClear();
      this.shown.clear();
      this.schedule();
    }

    /** Draws the shapes at the next animation frame (several changes in one event draw once). */
    private schedule() {
      if (this.frame !== undefined) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = undefined;
        this.draw();
      });
    }

    private draw() {
      const shapes = drawShapes([...this.shown.values()], mapPixels(map));
      this.svg.replaceChildren(...shapes.map(({ tag, attrs }) => {
        const el = svgElement(tag);
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        return el;
      }));
    }
  }
  return new OverlayAdapter();
}
