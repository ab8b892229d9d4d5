import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createPendingLayers } from '../../src/map/pendingLayers';

const square = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });

/** A map with the drawn area's source, recording what is asked of it. */
function fakeMap() {
  const calls: unknown[][] = [];
  const map = {
    getSource: (id: string) => (id === 'pending' ? { setData: (data: unknown) => calls.push(['setData', data]) } : undefined),
    setFeatureState: (feature: unknown, state: unknown) => calls.push(['setFeatureState', feature, state]),
  };
  return { map: map as unknown as MapLibreMap, calls };
}

describe('the drawn area on the map', () => {
  it('gives each area a feature of its own id, and hides one given or dropped by its state, its data kept', () => {
    const { map, calls } = fakeMap();
    const pending = createPendingLayers(map);
    // Nothing drawn yet: nothing to hide.
    pending.show(undefined);
    expect(calls).toEqual([]);
    pending.show(square(0));
    pending.show(undefined);
    pending.show(undefined);
    pending.show(square(5));
    pending.show(square(6));
    pending.show(undefined);
    expect(calls).toEqual([
      ['setData', { type: 'Feature', id: 1, geometry: square(0), properties: {} }],
      ['setFeatureState', { source: 'pending', id: 1 }, { hidden: true }],
      ['setData', { type: 'Feature', id: 2, geometry: square(5), properties: {} }],
      ['setData', { type: 'Feature', id: 3, geometry: square(6), properties: {} }],
      ['setFeatureState', { source: 'pending', id: 3 }, { hidden: true }],
    ]);
  });
});
