import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Polylines } from '../../src/core/distance';
import { parseBarriers, parseRoads } from '../../src/io/parseRoads';

const dir = join(import.meta.dirname, '../../data/shouguang');

/** The default dataset's synthetic roads and barriers (data/shouguang). */
export function loadShouguangRoads(): { roads: Polylines; barrierLines: Polylines } {
  return {
    roads: parseRoads('roads.geojson', readFileSync(join(dir, 'roads.geojson'), 'utf8')),
    barrierLines: parseBarriers('barriers.geojson', readFileSync(join(dir, 'barriers.geojson'), 'utf8')),
  };
}

/**
 * A road lattice of about `segments` segments over a box (degrees): rows and columns as polylines
 * with a vertex at every crossing, every 8th line arterial; with Shouguang's box and 200,000
 * segments the spacing is about 180 m.
 */
export function latticeRoads(box: [number, number, number, number], segments: number): Polylines {
  const [w, s, e, n] = box;
  const ratio = (e - w) / (n - s);
  const rows = Math.max(2, Math.round(Math.sqrt(segments / 2 / ratio)));
  const cols = Math.max(2, Math.round(rows * ratio));
  const coords: number[] = [];
  const start = [0];
  const kind: number[] = [];
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= cols; i++) coords.push(w + ((e - w) * i) / cols, s + ((n - s) * j) / rows);
    start.push(coords.length / 2);
    kind.push(j % 8 === 0 ? 1 : 2);
  }
  for (let i = 0; i <= cols; i++) {
    for (let j = 0; j <= rows; j++) coords.push(w + ((e - w) * i) / cols, s + ((n - s) * j) / rows);
    start.push(coords.length / 2);
    kind.push(i % 8 === 0 ? 1 : 2);
  }
  return { coords: Float64Array.from(coords), start: Int32Array.from(start), kind: Uint8Array.from(kind), name: kind.map(() => '') };
}
