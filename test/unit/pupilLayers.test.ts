import { describe, expect, it } from 'vitest';
import { densityFeatures, dotFeatures } from '../../src/app/pupilLayers';

describe('pupil layer features', () => {
  it('turns density cells into points weighted by count', () => {
    const fc = densityFeatures({ lonLat: Float32Array.from([1.5, 2.5, 3.5, 4.5]), count: Uint32Array.from([7, 1]) });
    expect(fc.features).toEqual([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [1.5, 2.5] }, properties: { count: 7 } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [3.5, 4.5] }, properties: { count: 1 } },
    ]);
  });

  it('groups dots into one MultiPoint of pupils in a zone and one of pupils outside every zone', () => {
    const fc = dotFeatures({ lonLat: Float32Array.from([1, 2, 3, 4, 5, 6]), outside: Uint8Array.from([0, 1, 0]), kind: 'view', cellDeg: 0 });
    expect(fc.features).toEqual([
      { type: 'Feature', geometry: { type: 'MultiPoint', coordinates: [[1, 2], [5, 6]] }, properties: { out: 0 } },
      { type: 'Feature', geometry: { type: 'MultiPoint', coordinates: [[3, 4]] }, properties: { out: 1 } },
    ]);
  });
});
