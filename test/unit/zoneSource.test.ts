import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { applyZoneChanges, type ZoneProperties } from '../../src/io/zoneFeatures';
import { keyedZones, zoneDiff } from '../../src/map/zoneSource';

const square = (x: number): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]] });
const zone = (school_id: string, level: 'primary' | 'junior', x: number, school_ids?: string[]): Feature<MultiPolygon, ZoneProperties> => ({
  type: 'Feature',
  geometry: square(x),
  properties: { school_id, level, ...(school_ids && { school_ids }) },
});
const zones: FeatureCollection<MultiPolygon, ZoneProperties> = {
  type: 'FeatureCollection',
  features: [zone('P01', 'primary', 0), zone('N02', 'primary', 1), zone('N02', 'junior', 1), zone('P03', 'primary', 2)],
};

describe('the zones source diff of an edit', () => {
  it('holds the shown level\'s zones, keyed by level and school, a shared zone by its joined ids', () => {
    const all = { ...zones, features: [...zones.features, zone('P01、N02', 'primary', 5, ['P01', 'N02'])] };
    expect(keyedZones(all, 'primary').features.map((f) => f.properties!.key)).toEqual(['primary|P01', 'primary|N02', 'primary|P03', 'primary|P01、N02']);
    expect(keyedZones(all, 'junior').features.map((f) => f.properties!.key)).toEqual(['junior|N02']);
  });

  it('sends only the zones an edit changed, added or removed', () => {
    // An edit moves part of P01 to N02 (both change), drops P03's zone and makes a shared zone.
    const after = applyZoneChanges(zones, [
      { level: 'primary', schoolId: 'P01', geometry: square(10) },
      { level: 'primary', schoolId: 'N02', geometry: square(11) },
      { level: 'primary', schoolId: 'P03', geometry: null },
      { level: 'primary', schoolId: 'P01、N02', schoolIds: ['P01', 'N02'], geometry: square(12) },
    ]);
    expect(zoneDiff(zones, after, 'primary')).toEqual({
      remove: ['primary|P03'],
      add: [{ type: 'Feature', geometry: square(12), properties: { school_id: 'P01、N02', level: 'primary', school_ids: ['P01', 'N02'], key: 'primary|P01、N02' } }],
      update: [{ id: 'primary|P01', newGeometry: square(10) }, { id: 'primary|N02', newGeometry: square(11) }],
    });
    // The junior zone of N02 is the same feature: not sent.
    expect(after.features[2]).toBe(zones.features[2]);
    // The junior level shown: nothing of it changed.
    expect(zoneDiff(zones, after, 'junior')).toBeUndefined();
  });

  it('is nothing when the zones are the same features', () => {
    expect(zoneDiff(zones, applyZoneChanges(zones, []), 'primary')).toBeUndefined();
    expect(zoneDiff(zones, { ...zones, features: [...zones.features] }, 'junior')).toBeUndefined();
  });
});
