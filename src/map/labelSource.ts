import type { GeoJSONSource, GeoJSONSourceDiff, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, Point } from 'geojson';

/** The property a zone label is keyed by on the map (the labels source's promoteId): its zone's key. */
export const LABEL_KEY = 'key';

/** A label's properties: its key, and the values it is drawn with. */
export type LabelProperties = { [LABEL_KEY]: string } & Record<string, string | number>;

/**
 * What changed between two sets of label points, by key, as a source diff: labels gone are removed,
 * new ones added, and a label that moved or whose values changed gets only that. Undefined when
 * nothing changed.
 */
export function labelDiff(before: ReadonlyMap<string, Feature<Point, LabelProperties>>, after: ReadonlyMap<string, Feature<Point, LabelProperties>>): GeoJSONSourceDiff | undefined {
  const remove = [...before.keys()].filter((key) => !after.has(key));
  const add: Feature<Point, LabelProperties>[] = [];
  const update: NonNullable<GeoJSONSourceDiff['update']> = [];
  for (const [key, f] of after) {
    const was = before.get(key);
    if (!was) {
      add.push(f);
      continue;
    }
    const [x, y] = f.geometry.coordinates;
    const moved = x !== was.geometry.coordinates[0] || y !== was.geometry.coordinates[1];
    const changed = Object.entries(f.properties).filter(([k, v]) => was.properties[k] !== v).map(([k, value]) => ({ key: k, value }));
    if (moved || changed.length > 0) update.push({ id: key, ...(moved && { newGeometry: f.geometry }), ...(changed.length > 0 && { addOrUpdateProperties: changed }) });
  }
  return remove.length + add.length + update.length === 0 ? undefined : { remove, add, update };
}

/** A keyed label source kept in step (createLabelSource); reset when its source is made anew. */
export interface LabelSource {
  show(labels: Feature<Point, LabelProperties>[]): void;
  reset(): void;
}

/**
 * Keeps a GeoJSON source of keyed label points (promoteId LABEL_KEY) in step: the first set is
 * sent whole, later ones as diffs, so that MapLibre re-tiles only where labels changed (an edit
 * changes the figures of two or three zones, not of the county's two hundred).
 */
export function createLabelSource(map: MapLibreMap, sourceId: string): LabelSource {
  let shown: Map<string, Feature<Point, LabelProperties>> | undefined;
  return {
    show(labels) {
      const source = map.getSource(sourceId) as GeoJSONSource | undefined;
      if (!source) return;
      const next = new Map(labels.map((f) => [f.properties[LABEL_KEY], f]));
      if (!shown) source.setData({ type: 'FeatureCollection', features: labels });
      else {
        const diff = labelDiff(shown, next);
        if (diff) void source.updateData(diff);
      }
      shown = next;
    },
    reset() {
      shown = undefined;
    },
  };
}
