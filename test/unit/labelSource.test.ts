import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelDiff, type LabelProperties } from '../../src/map/labelSource';

const label = (key: string, x: number, figure: string): Feature<Point, LabelProperties> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [x, 36.9] },
  properties: { key, level: 'primary', figure },
});
const byKey = (...labels: Feature<Point, LabelProperties>[]) => new Map(labels.map((f) => [f.properties.key, f]));

describe('the zone labels diff of an edit', () => {
  it('sends only the figures and points that changed, the labels added and those gone', () => {
    const before = byKey(label('primary|P01', 118.7, '104%'), label('primary|N02', 118.8, '61%'), label('primary|P03', 118.9, '88%'), label('primary|P04', 119.0, '90%'));
    // An edit moves pupils from P01 to N02 (both figures change, N02's zone grows so its label moves),
    // P03's zone is given away and a new school's zone appears; P04 is untouched.
    const after = byKey(label('primary|P01', 118.7, '97%'), label('primary|N02', 118.75, '72%'), label('primary|P04', 119.0, '90%'), label('primary|P05', 119.1, '12%'));
    expect(labelDiff(before, after)).toEqual({
      remove: ['primary|P03'],
      add: [label('primary|P05', 119.1, '12%')],
      update: [
        { id: 'primary|P01', addOrUpdateProperties: [{ key: 'figure', value: '97%' }] },
        { id: 'primary|N02', newGeometry: { type: 'Point', coordinates: [118.75, 36.9] }, addOrUpdateProperties: [{ key: 'figure', value: '72%' }] },
      ],
    });
  });

  it('is nothing when every label is as shown, though made anew', () => {
    expect(labelDiff(byKey(label('primary|P01', 118.7, '104%')), byKey(label('primary|P01', 118.7, '104%')))).toBeUndefined();
  });
});
