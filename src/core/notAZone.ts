import type { Feature } from 'geojson';

/**
 * The property the import marks a zones file's feature with when it holds no area: a point (a
 * school's pin or a label placed among the zones, as Google Earth and 奥维地图 files have) or no
 * geometry at all (an empty placemark, a null Shapefile record). Readers pass such a feature over,
 * so that every other feature keeps its number in the file; the import names it in a warning.
 */
export const NOT_A_ZONE = 'not_a_zone';

/** What a feature marked NOT_A_ZONE held instead of an area. */
export type NotAZone = 'point' | 'empty';

/** Whether the import marked a zones feature as holding no area (NOT_A_ZONE). */
export function isNotAZone(feature: Feature | null | undefined): boolean {
  return feature?.properties?.[NOT_A_ZONE] !== undefined;
}
