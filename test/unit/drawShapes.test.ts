import type { GeoJSONStoreFeatures, TerraDrawAdapterStyling } from 'terra-draw';
import { describe, expect, it } from 'vitest';
import { drawShapes, type StyledFeature } from '../../src/map/drawShapes';

const style: TerraDrawAdapterStyling = {
  pointColor: '#3f97e0', pointWidth: 6, pointOutlineColor: '#ffffff', pointOutlineWidth: 2,
  polygonFillColor: '#3f97e0', polygonFillOpacity: 0.3, polygonOutlineColor: '#3f97e0', polygonOutlineWidth: 4,
  lineStringWidth: 4, lineStringColor: '#3f97e0', zIndex: 0,
};
const feature = (id: string, geometry: GeoJSONStoreFeatures['geometry'], zIndex = 0): StyledFeature => ({
  feature: { type: 'Feature', id, geometry, properties: { mode: 'polygon' } },
  style: { ...style, zIndex },
});
// A plain projection: 100 px a degree, y down from 37°N.
const project = ([lng, lat]: [number, number]): [number, number] => [(lng - 118) * 100, (37 - lat) * 100];

describe('the shapes of an area being drawn', () => {
  it('draws a polygon with a hole as one even-odd path of two closed rings, at the projected pixels', () => {
    const holed = feature('a', { type: 'Polygon', coordinates: [
      [[118, 37], [119, 37], [119, 36], [118, 37]],
      [[118.7, 36.8], [118.9, 36.8], [118.9, 36.6], [118.7, 36.8]],
    ] });
    const [shape] = drawShapes([holed], project);
    expect(shape.tag).toBe('path');
    expect(shape.attrs.d).toBe('M0 0L100 0L100 100L0 0ZM70 20L90 20L90 40L70 20Z');
    expect(shape.attrs['fill-rule']).toBe('evenodd');
    expect([shape.attrs.fill, shape.attrs['fill-opacity'], shape.attrs['stroke-width']]).toEqual(['#3f97e0', '0.3', '4']);
  });

  it('puts polygons under lines under points, and orders each kind by zIndex', () => {
    const shapes = drawShapes([
      feature('p', { type: 'Point', coordinates: [118.5, 36.5] }),
      feature('l', { type: 'LineString', coordinates: [[118, 37], [118.25, 36.75]] }),
      feature('top', { type: 'Polygon', coordinates: [[[118, 37], [118.1, 37], [118.1, 36.9], [118, 37]]] }, 2),
      feature('low', { type: 'Polygon', coordinates: [[[118.2, 37], [118.3, 37], [118.3, 36.9], [118.2, 37]]] }, 1),
    ], project);
    expect(shapes.map((s) => s.tag)).toEqual(['path', 'path', 'path', 'circle']);
    expect(shapes[0].attrs.d.startsWith('M20 0')).toBe(true);
    expect(shapes[1].attrs.d.startsWith('M0 0')).toBe(true);
    expect(shapes[2].attrs).toMatchObject({ d: 'M0 0L25 25', fill: 'none' });
    expect(shapes[3].attrs).toMatchObject({ cx: '50', cy: '50', r: '6' });
  });

  it('dashes a line that terra-draw styles dashed', () => {
    const line = feature('l', { type: 'LineString', coordinates: [[118, 37], [118.5, 37]] });
    line.style.lineStringDash = [4, 2];
    expect(drawShapes([line], project)[0].attrs['stroke-dasharray']).toBe('4 2');
  });
});
