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

/**
 * Utilization (classes needed at the cap ÷ classrooms) → colour, in classes: a class holds the
 * values from its `from` (inclusive) up to the next class's; the first has no lower bound. Near
 * the cap (95–100 %) is a class of its own, so a zone at 98 % stands out from one at 90 %.
 */
export const UTILIZATION_CLASSES: { from: number; color: string }[] = [
  { from: 0, color: '#1a9850' },
  { from: 0.7, color: '#91cf60' },
  { from: 0.85, color: '#d9ef8b' },
  { from: 0.95, color: '#fdae61' },
  { from: 1.0, color: '#f46d43' },
  { from: 1.15, color: '#d73027' },
  { from: 1.4, color: '#a50026' },
];

/** Compliance status → colour: within limits, classes over the cap, oversized. */
export const STATUS_COLORS = ['#4daf4a', '#ff9f1c', '#d7191c'] as const;

/** Colour of zones and schools without data (no classrooms, or no result). */
export const NO_DATA_COLOR = '#bdbdbd';

/** Colour of private schools' markers. */
export const PRIVATE_COLOR = '#7b3294';

/** Colour of the areas whose school a compared scenario changes (hatch and outline). */
export const CHANGED_COLOR = '#6a1b9a';
