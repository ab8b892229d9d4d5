import type { StyleSpecification } from 'maplibre-gl';

/**
 * The base map: a plain background and nothing remote (no tiles, glyphs or sprites), so the app
 * works offline and sends nothing anywhere. Context and data layers are added per dataset.
 */
export const BASE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } }],
};

/** Utilization → colour stops (classes needed at the cap ÷ classrooms). */
export const UTILIZATION_STOPS: [number, string][] = [
  [0.5, '#1a9850'],
  [0.85, '#a6d96a'],
  [1.0, '#fee08b'],
  [1.15, '#f46d43'],
  [1.4, '#a50026'],
];

/** Compliance status → colour: within limits, classes over the cap, oversized. */
export const STATUS_COLORS = ['#4daf4a', '#ff9f1c', '#d7191c'] as const;

/** Colour of zones and schools without data (no classrooms, or no result). */
export const NO_DATA_COLOR = '#bdbdbd';

/** Colour of private schools' markers. */
export const PRIVATE_COLOR = '#7b3294';

/** Colour of the areas whose school a compared scenario changes (hatch and outline). */
export const CHANGED_COLOR = '#6a1b9a';
