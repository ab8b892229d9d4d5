import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gcoord from 'gcoord';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES, shouguangPupilsInGcj02, type HostileCase } from '../fixtures/hostile-geo/manifest';
import { importDataset } from '../../src/io/import';
import { DataError } from '../../src/io/dataError';
import { MAX_JSON_BYTES } from '../../src/io/jsonLimits';
import { simulateCli } from './simulateCli';

const work = mkdtempSync(join(tmpdir(), 'hostile-geo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const filesDir = join(import.meta.dirname, '../fixtures/hostile-geo/files');
const tinyDir = join(import.meta.dirname, '../fixtures/tiny');
const PART_FILES = { schools: 'schools.geojson', catchments: 'catchments.geojson', students: 'students.csv' } as const;

/** The CLI's arguments for a case: the tiny county with the case's file in its part's place. */
function argsOf(c: HostileCase, k: number): string[] {
  if (c.part === 'dataset') {
    const folder = join(work, `dataset-${k}`);
    mkdirSync(folder);
    for (const f of Object.values(PART_FILES)) copyFileSync(join(tinyDir, f), join(folder, f));
    writeFileSync(join(folder, 'dataset.json'), c.make!());
    return ['--data', folder, ...(c.args ?? [])];
  }
  let path = join(filesDir, c.file);
  if (c.make) {
    path = join(work, c.file);
    writeFileSync(path, c.make());
  }
  const tiny = (Object.keys(PART_FILES) as (keyof typeof PART_FILES)[]).flatMap((part) => [`--${part}`, part === c.part ? path : join(tinyDir, PART_FILES[part])]);
  return [...tiny, ...(c.part === 'units' ? ['--units', path] : []), ...(c.args ?? [])];
}

describe('npm run simulate on hostile geometry and JSON files (test/fixtures/hostile-geo/manifest.ts)', () => {
  HOSTILE_CASES.forEach((c, k) => {
    it(`${c.file}${c.part === 'dataset' ? ` ${c.make!()}` : ''}${c.args ? ` ${c.args.join(' ')}` : ''}: exit ${c.expect.exit}`, () => {
      const r = simulateCli(...argsOf(c, k));
      expect(r.code, r.stderr).toBe(c.expect.exit);
      if (c.expect.stderr !== undefined) expect(r.stderr).toBe(c.expect.stderr);
      if (c.expect.stderrStart !== undefined) expect(r.stderr.startsWith(c.expect.stderrStart), r.stderr).toBe(true);
      // No stack trace, whatever happened.
      expect(r.stderr).not.toMatch(/\n\s+at /);
      if (c.expect.students || c.expect.rejected) {
        const out = JSON.parse(r.stdout);
        if (c.expect.students) expect(out.students).toEqual(c.expect.students);
        if (c.expect.rejected) expect(out.rejected.map((row: { line: number; reason: string }) => [row.line, row.reason])).toEqual(c.expect.rejected);
      }
    });
  });
});

describe('budgets checked before reading', () => {
  it('refuses a GeoJSON file over 256 MB before decoding it', async () => {
    const bytes = new Uint8Array(MAX_JSON_BYTES + 1);
    const error = await importDataset([{ name: '片区.geojson', bytes, part: 'catchments' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toBe('片区.geojson: the file is 257 MB, over the 256 MB this reader takes');
  });
});

describe('the shift check on a county-size file of pupils without schools', () => {
  it('names GCJ-02 for the default dataset’s 121,429 pupils moved into GCJ-02 with only id, lon, lat and grade', () => {
    const path = join(work, '学生名单.csv');
    writeFileSync(path, shouguangPupilsInGcj02((lon, lat) => gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]));
    const r = simulateCli('--data', join(import.meta.dirname, '../../data/shouguang'), '--students', path, '--out', join(work, 'gcj.json'));
    expect(r.code, r.stderr).toBe(2);
    // Without a school, a pupil can only miss by leaving every zone (along the county's edge); the
    // sample is every 7th pupil (121,429 / 20,000 rounded up): 17,347. Read as GCJ-02, all are back inside.
    const [first] = r.stderr.split('\n');
    expect(first).toMatch(/^error: 学生名单\.csv: the pupils look like GCJ-02 read as WGS84 — choose GCJ-02 for 学生名单\.csv\. Of 17,347 pupils checked, \d+ live outside the zone of their school \(without one: outside every zone\); read as GCJ-02, 0 would \(--students-crs gcj02\)$/);
  });
});
