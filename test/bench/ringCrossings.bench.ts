import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { ringCrossings } from '../../src/core/validation/ringCrossings';
import type { MultiPolygonCoords } from '../../src/core/zoneState';
import { seededRandom } from './benchData';
import { sweepRingCrossings } from '../reference/sweepRingCrossings';

// The ring-crossing check of zone validation, the previous sweep and the grid side by side, on one
// zone of 100,000 vertices (the hostile fixture's: a 0.01° × 0.02° box, each edge cut into 25,000
// pieces), a wiggly ring of 100,000 vertices, two parts sharing a boundary of 20,000 vertices (every
// one a touching point), and every zone of Shouguang. Both must find the same points.
// Usage: npm run bench:crossings
type Pt = [number, number];

function denseBox(perEdge: number): MultiPolygonCoords {
  const corners: Pt[] = [[118.0, 36.0], [118.01, 36.0], [118.01, 36.02], [118.0, 36.02], [118.0, 36.0]];
  const ring: Pt[] = [];
  for (let e = 0; e < 4; e++) {
    const [[x0, y0], [x1, y1]] = [corners[e], corners[e + 1]];
    for (let k = 0; k < perEdge; k++) ring.push([x0 === x1 ? x0 : x0 + ((x1 - x0) * k) / perEdge, y0 === y1 ? y0 : y0 + ((y1 - y0) * k) / perEdge]);
  }
  return [[[...ring, ring[0]]]];
}

/** A wiggly ring of n vertices around (118, 36), radius about 0.01° walking at random: short edges, as drawn. */
function wiggly(n: number): MultiPolygonCoords {
  const random = seededRandom(3);
  let r = 0.01;
  const ring = Array.from({ length: n }, (_, k): Pt => {
    r = Math.min(0.012, Math.max(0.008, r + 2e-6 * (random() - 0.5)));
    return [118 + r * Math.cos((2 * Math.PI * k) / n), 36 + r * Math.sin((2 * Math.PI * k) / n)];
  });
  return [[[...ring, ring[0]]]];
}

function sharedBoundary(n: number): MultiPolygonCoords {
  const random = seededRandom(5);
  const line = Array.from({ length: n + 1 }, (_, k): Pt => [118 + (0.02 * k) / n, 36 + 0.0002 * random()]);
  const west: Pt[] = [...line, [118.02, 35.99], [118, 35.99], line[0]];
  const east: Pt[] = [...[...line].reverse(), [118, 36.01], [118.02, 36.01], line[n]];
  return [[west], [east]];
}

function shouguang(): MultiPolygonCoords[] {
  const text = readFileSync(join(import.meta.dirname, '../../data/shouguang/catchments.geojson'), 'utf8');
  const features = (JSON.parse(text) as { features: { geometry: Polygon | MultiPolygon }[] }).features;
  return features.map((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Pt[][]] : (f.geometry.coordinates as Pt[][][])));
}

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
};
const sorted = (points: Pt[]) => points.map(String).sort().join(' ');

const cases: [string, MultiPolygonCoords[]][] = [
  ['hostile box, 100,001 positions', [denseBox(25_000)]],
  ['wiggly ring, 100,001 positions', [wiggly(100_000)]],
  ['two parts sharing 20,001 vertices', [sharedBoundary(20_000)]],
  ['Shouguang, every zone feature', shouguang()],
];
for (const [name, zones] of cases) {
  const [before, sweepMs] = time(() => zones.map(sweepRingCrossings).flat());
  const [after, gridMs] = time(() => zones.map(ringCrossings).flat());
  const same = sorted(before) === sorted(after);
  console.log(`${name}: sweep ${sweepMs.toFixed(0)} ms, grid ${gridMs.toFixed(0)} ms, ${(sweepMs / gridMs).toFixed(1)}× faster; ${after.length} crossing(s), ${same ? 'same points' : 'DIFFERENT POINTS'}`);
  if (!same) process.exitCode = 1;
}
