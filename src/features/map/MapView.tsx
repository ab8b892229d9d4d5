import { useEffect, useRef } from 'react';
import { whenZonesDrawn } from '../../map/firstDraw';
import { createMapController } from '../../map/mapController';
import { registerMap } from '../../map/mapImage';

// How long the controls wait for the map's first frame with zones before coming anyway.
const WAIT_FOR_MAP_MS = 6000;

/**
 * The map's container; the map itself is driven by the store (src/map). `onShown` hears, once,
 * that the map has drawn the dataset's zones (or that there is nothing to wait for, see whenZonesDrawn).
 */
export function MapView({ onShown }: { onShown: () => void }) {
  const container = useRef<HTMLDivElement>(null);
  const shown = useRef(onShown);
  shown.current = onShown;
  useEffect(() => {
    let controller: ReturnType<typeof createMapController>;
    try {
      controller = createMapController(container.current!);
    } catch {
      // No WebGL: the planner still gets the tables and the controls.
      shown.current();
      return;
    }
    window.__planner = { ...window.__planner!, map: controller.map };
    registerMap(controller.map);
    const stop = whenZonesDrawn(controller.map, () => shown.current(), WAIT_FOR_MAP_MS);
    return () => {
      stop();
      registerMap(undefined);
      controller.destroy();
    };
  }, []);
  return <div className="map-container" ref={container} data-testid="map" />;
}
