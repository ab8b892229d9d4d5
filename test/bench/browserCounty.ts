import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SHOUGUANG = join(import.meta.dirname, '../../data/shouguang');
// The files a county needs besides its pupils, copied as they are (their names are the data contract's).
const OTHER_FILES = ['schools.geojson', 'catchments.geojson', 'county.geojson', 'context.geojson', 'units.geojson', 'births.csv', 'housing.csv'];

/**
 * Writes into `dir` a county of about `pupils` pupils: Shouguang's schools, zones and units, and its
 * pupils each repeated (⌈pupils / 121,429⌉ times, cut at `pupils`) a few metres apart, so that the
 * edits the benchmark makes on Shouguang apply here too. Returns the files' paths.
 */
export function writeLargeCounty(dir: string, pupils: number): string[] {
  const lines = readFileSync(join(SHOUGUANG, 'students.csv'), 'utf8').trimEnd().split('\n');
  const [header, ...rows] = lines;
  const parts: string[] = [`${header}\n`];
  let chunk = '';
  let n = 0;
  for (let copy = 0; n < pupils; copy++) {
    for (const row of rows) {
      if (n >= pupils) break;
      const [id, lon, lat, ...rest] = row.split(',');
      // Copies fan out on a 7-step spiral up to ~60 m from the original home.
      const dx = copy === 0 ? 0 : Math.cos(copy * 2.4) * 0.0001 * copy;
      const dy = copy === 0 ? 0 : Math.sin(copy * 2.4) * 0.0001 * copy;
      chunk += `${id}-${copy},${(Number(lon) + dx).toFixed(6)},${(Number(lat) + dy).toFixed(6)},${rest.join(',')}\n`;
      n++;
      if (chunk.length > 1 << 20) {
        parts.push(chunk);
        chunk = '';
      }
    }
  }
  parts.push(chunk);
  writeFileSync(join(dir, 'students.csv'), parts.join(''));
  for (const f of OTHER_FILES) copyFileSync(join(SHOUGUANG, f), join(dir, f));
  const meta = JSON.parse(readFileSync(join(SHOUGUANG, 'dataset.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'dataset.json'), JSON.stringify({ ...meta, name: `${meta.name}×${Math.round(pupils / rows.length)}（基准测试）`, nameEn: `${meta.nameEn} ×${Math.round(pupils / rows.length)} (benchmark)` }));
  return ['students.csv', 'dataset.json', ...OTHER_FILES].map((f) => join(dir, f));
}
