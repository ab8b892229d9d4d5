import type { Map as MapLibreMap } from 'maplibre-gl';

let shown: MapLibreMap | undefined;

/** Remembers the map on screen, for exports. */
export function registerMap(map: MapLibreMap | undefined): void {
  shown = map;
}

/** The map on screen, if any (printableMap draws it with its title, legend, scale and north arrow). */
export function shownMap(): MapLibreMap | undefined {
  return shown;
}
