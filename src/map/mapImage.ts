import type { Map as MapLibreMap } from 'maplibre-gl';

let shown: MapLibreMap | undefined;

/** Remembers the map on screen, for exports. */
export function registerMap(map: MapLibreMap | undefined): void {
  shown = map;
}

/**
 * The map as drawn now, as a PNG. The canvas is read inside a render event, while its drawing
 * buffer still holds the frame (the map does not keep it, which would slow every frame).
 */
export function captureMapPng(): Promise<Blob> {
  const map = shown;
  if (!map) return Promise.reject(new Error('no map'));
  return new Promise((resolve, reject) => {
    map.once('render', () => map.getCanvas().toBlob((blob) => (blob ? resolve(blob) : reject(new Error('empty map image'))), 'image/png'));
    map.triggerRepaint();
  });
}
