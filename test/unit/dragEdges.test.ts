import type { FeatureCollection, MultiPolygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dragEdgesPath, edgeNeighbours } from '../../src/map/dragEdges';

const zone = (id: string, level: string, ...rings: Position[][]): FeatureCollection<MultiPolygon>['features'][number] => ({
  type: 'Feature',
  geometry: { type: 'MultiPolygon', coordinates: [rings] },
  properties: { school_id: id, level },
});

// Two unit squares side by side sharing the edge x = 1; the right one starts its ring at the
// shared corner (1, 0), so that corner's neighbours wrap around the ring's end; the right one also
// has a hole touching nothing. A junior zone has the corner too: another level, left out.
const zones: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    zone('A', 'primary', [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]),
    zone('B', 'primary', [[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]], [[1.4, 0.4], [1.6, 0.4], [1.6, 0.6], [1.4, 0.4]]),
    zone('J', 'junior', [[1, 0], [5, 5], [1, 5], [1, 0]]),
  ],
};

describe('the edges that follow a dragged boundary point', () => {
  it('joins a shared corner to its neighbours in every ring of the level, each once', () => {
    const got = edgeNeighbours(zones, 'primary', [1, 0]).map((p) => p.join()).sort();
    // A: (0,0) before, (1,1) after; B: (1,1) before (the ring wraps), (2,0) after.
    expect(got).toEqual(['0,0', '1,1', '2,0']);
  });

  it('finds nothing at a point no zone of the level has', () => {
    expect(edgeNeighbours(zones, 'primary', [5, 5])).toEqual([]);
    expect(edgeNeighbours(zones, 'junior', [5, 5]).map((p) => p.join()).sort()).toEqual(['1,0', '1,5']);
  });

  it('draws one segment from each neighbour to the pointer, in projected pixels', () => {
    const project = ([x, y]: [number, number]): [number, number] => [x * 100, 500 - y * 100];
    expect(dragEdgesPath([[0, 0], [1, 1]], [1.25, 0.5], project)).toBe('M0 500L125 450M100 400L125 450');
  });
});
