import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LineString, Polygon } from 'geojson';
import type { TerraDraw } from 'terra-draw';
import { finishCut, finishDrawing, previewArea } from '../app/editActions';
import { endLivePreview, previewLive } from '../app/livePreview';
import { teachesLevel } from '../core/rules';
import { useAppStore } from '../store/store';
import { createOverlayAdapter } from './drawOverlay';

let finishing = false;

/** How near (px) a click must come to a corner to finish the drawing there. */
const CLOSE_PX = 10;

// terra-draw loads with the controls, after the first map (preloadDrawing), not before it.
let terraDraw: Promise<typeof import('terra-draw')> | undefined;
const loadTerraDraw = () => (terraDraw ??= import('terra-draw'));

/** Loads the drawing library, so that the first drawing starts at once. */
export async function preloadDrawing(): Promise<void> {
  await loadTerraDraw();
}

/** Whether the click being handled is the one that finished a drawing (not a selection). */
export function isFinishingClick(): boolean {
  return finishing;
}

/** A ring worth previewing: three distinct corners or more. */
function hasArea(p: Polygon): boolean {
  return new Set(p.coordinates[0].map(([x, y]) => `${x},${y}`)).size >= 3;
}

/** The school a drawn area would go to by default: the selected one, when it can take a zone of the level. */
function defaultTarget(): string | undefined {
  const { selectedSchoolId, dataset, level } = useAppStore.getState();
  const school = dataset?.schools.find((s) => s.id === selectedSchoolId);
  return school && school.ownership === 'public' && teachesLevel(school.level, level) ? school.id : undefined;
}

/**
 * Polygon drawing with terra-draw, switched on and off by the store's `drawing` flag. While the
 * planner draws an area, the pupils inside are previewed, and, with a school selected, what giving
 * it the area would do follows the pointer (livePreview); a finished polygon becomes the pending
 * area, or, drawn as a lasso, gives the units inside to the selected school; a cut line (split)
 * makes the part of the selected school's zone beyond it the pending area.
 */
export function createDrawController(map: MapLibreMap): () => void {
  let draw: TerraDraw | undefined;
  let stopped = false;
  const sync = (drawing: boolean) => {
    if (drawing && !draw) {
      void loadTerraDraw().then((lib) => {
        if (stopped || draw) return;
        draw = createDraw(map, lib);
        sync(useAppStore.getState().drawing);
      });
    } else if (drawing && draw && !draw.enabled) {
      draw.start();
      draw.setMode(useAppStore.getState().drawPurpose === 'split' ? 'linestring' : 'polygon');
    } else if (!drawing && draw?.enabled) {
      endLivePreview();
      draw.clear();
      draw.stop();
    }
  };
  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (s.drawing !== prev.drawing) sync(s.drawing);
  });
  return () => {
    stopped = true;
    unsubscribe();
    if (draw?.enabled) draw.stop();
  };
}

/** A terra-draw instance on the map whose drawings preview, and finish as, the planner's edits (see createDrawController). */
function createDraw(map: MapLibreMap, { TerraDraw, TerraDrawExtend, TerraDrawLineStringMode, TerraDrawPolygonMode }: Awaited<ReturnType<typeof loadTerraDraw>>): TerraDraw {
  const draw = new TerraDraw({
    adapter: createOverlayAdapter(map, TerraDrawExtend.TerraDrawBaseAdapter),
    // terra-draw finishes a polygon on a click this close (px) to its first or last corner; at its
    // default 40 px a corner placed near the one before silently ended the drawing without it.
    modes: [new TerraDrawPolygonMode({ pointerDistance: CLOSE_PX }), new TerraDrawLineStringMode({ pointerDistance: CLOSE_PX })],
  });
  let previewQueued = false;
  const drawnPolygon = (id: string | number) => draw.getSnapshotFeature(id)?.geometry as Polygon | undefined;

  draw.on('change', (ids) => {
    if (previewQueued) return;
    previewQueued = true;
    requestAnimationFrame(() => {
      previewQueued = false;
      const polygon = ids.length > 0 ? drawnPolygon(ids[0]) : undefined;
      if (polygon?.type !== 'Polygon' || !hasArea(polygon) || useAppStore.getState().drawPurpose !== 'area') return;
      void previewArea(polygon);
      const schoolId = defaultTarget();
      const ring = polygon.coordinates[0];
      const at = map.project(ring[Math.max(0, ring.length - 2)] as [number, number]);
      if (schoolId) previewLive({ op: 'assignArea', level: useAppStore.getState().level, schoolId, area: polygon }, [at.x, at.y], [map.getContainer().clientWidth, map.getContainer().clientHeight]);
    });
  });
  draw.on('finish', (id) => {
    // The map's click event for this same click comes next; it must not select a school.
    finishing = true;
    setTimeout(() => (finishing = false), 0);
    endLivePreview();
    const geometry = draw.getSnapshotFeature(id)?.geometry as Polygon | LineString | undefined;
    if (geometry?.type === 'Polygon') finishDrawing(geometry);
    else if (geometry?.type === 'LineString') void finishCut(geometry.coordinates as [number, number][]);
  });
  return draw;
}
