import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pupilRowsText } from './pupilRowsText';
import { DEFAULT_RULES } from '../../src/core/rules';
import { simulate } from '../../src/core/scenarioRun';
import { DataError } from '../../src/io/dataError';
import { importDataset, readImportedDataset, validateImported, type ImportFile } from '../../src/io/import';
import { CORPUS, findingName, type CorpusCase } from '../fixtures/corpus/manifest';
import { simulateCli } from './simulateCli';

const root = join(import.meta.dirname, '../..');
const tiny = join(root, 'test/fixtures/tiny');
const corpus = join(root, 'test/fixtures/corpus/files');
const bytes = (path: string) => new Uint8Array(readFileSync(path));

// turf measures on a sphere of this radius; a box between meridians and parallels has area R² · Δλ · (sin φ2 − sin φ1).
const R = 6371008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;
const boxArea = (w: number, s: number, e: number, n: number) => R * R * rad(e - w) * (Math.sin(rad(n)) - Math.sin(rad(s)));

/** The tiny dataset with the case's file in place of its part. */
function filesOf(c: CorpusCase): ImportFile[] {
  const tinyFiles: ImportFile[] = [
    { name: 'schools.geojson', part: 'schools', bytes: bytes(join(tiny, 'schools.geojson')) },
    { name: 'catchments.geojson', part: 'catchments', bytes: bytes(join(tiny, 'catchments.geojson')) },
    { name: 'students.csv', part: 'students', bytes: bytes(join(tiny, 'students.csv')) },
  ];
  return tinyFiles.map((f) => (f.part === c.part ? { name: c.file, part: c.part, crs: c.crs, bytes: bytes(join(corpus, c.file)) } : f));
}

/** The validation report's findings, named as the manifest names them, as the worker and --validate compute them. */
function findingsOf(imported: Awaited<ReturnType<typeof importDataset>>): string[] {
  return validateImported(imported, readImportedDataset(imported, DEFAULT_RULES, 2024), DEFAULT_RULES).items.map(findingName);
}

async function load(c: CorpusCase) {
  return readImportedDataset(await importDataset(filesOf(c)), DEFAULT_RULES, 2024);
}

describe('import corpus: every file gives the outcome its manifest entry states', () => {
  for (const c of CORPUS) {
    it(`${c.file}: ${'code' in c.expect ? `fails with ${c.expect.code}` : `loads ${c.expect.loaded} / rejects ${c.expect.rejected}`} (${c.why})`, async () => {
      const expected = c.expect;
      if ('code' in expected) {
        const error = await load(c).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(DataError);
        expect(error).toMatchObject({ file: c.file, code: expected.code });
        return;
      }
      const { dataset } = await load(c);
      const { summary } = simulate(dataset, DEFAULT_RULES);
      expect(dataset.pupils.count).toBe(expected.loaded);
      expect(dataset.rejected).toHaveLength(expected.rejected);
      expect(dataset.rowsRead).toBe(expected.loaded + expected.rejected);
      expect({ assigned: summary.assigned, unassigned: summary.unassigned }).toEqual({ assigned: expected.assigned, unassigned: expected.unassigned });
      expect(dataset.rejected.map((r) => r.line)).toEqual(expected.rejectedLines);
      expect(findingsOf(await importDataset(filesOf(c)))).toEqual(expected.findings);
      expect(dataset.rejected.every((r) => r.file === (c.part === 'students' ? c.file : 'students.csv'))).toBe(true);
    });
  }
});

describe('import corpus: what the files hold', () => {
  const byName = (name: string) => CORPUS.find((c) => c.file === name)!;

  it('converts GCJ-02 (118.7, 36.9) to WGS84 (118.69435, 36.89960): about 505 m west-south-west', async () => {
    const imported = await importDataset(filesOf(byName('students-gcj02.csv')));
    const s1 = pupilRowsText(imported).split('\n').find((l) => l.startsWith('s1,'))!.split(',');
    const [lon, lat] = [Number(s1[1]), Number(s1[2])];
    // Hand check: Δlon −0.00565° × 111.32 km × cos 36.9° ≈ −503 m, Δlat −0.00040° × 110.95 km ≈ −45 m.
    expect(lon).toBeCloseTo(118.69435, 5);
    expect(lat).toBeCloseTo(36.8996, 4);
    const metres = Math.hypot((lon - 118.7) * 111_320 * Math.cos((36.9 * Math.PI) / 180), (lat - 36.9) * 110_950);
    expect(metres).toBeGreaterThan(490);
    expect(metres).toBeLessThan(520);
    // The tiny pupil a1, written in GCJ-02, comes back to within 1 cm of (118.002, 36.002).
    const a1 = pupilRowsText(imported).split('\n').find((l) => l.startsWith('a1,'))!.split(',');
    expect(Math.abs(Number(a1[1]) - 118.002)).toBeLessThan(1e-7);
    expect(Math.abs(Number(a1[2]) - 36.002)).toBeLessThan(1e-7);
  });

  it('decodes the GBK attribute table of the Shapefile, with or without a .cpg', async () => {
    for (const file of ['片区-gbk.zip', '片区-gbk-no-cpg.zip']) {
      const imported = await importDataset(filesOf(byName(file)));
      const zones = JSON.parse(imported.texts['catchments.geojson']!);
      expect(zones.features.map((f: { properties: Record<string, unknown> }) => f.properties)).toEqual([
        { school_id: 'P1', level: 'primary', 名称: 'P1小学片区' },
        { school_id: 'P2', level: 'primary', 名称: 'P2小学片区' },
        { school_id: 'J1', level: 'junior', 名称: 'J1初中片区' },
      ]);
      expect(imported.notes.find((n) => n.part === 'catchments')).toMatchObject({ format: 'shapefile', encoding: 'gbk' });
    }
  });

  it('reads the GBK CSV’s encoding, title row and Chinese grades', async () => {
    const imported = await importDataset(filesOf(byName('学生名单-gbk.csv')));
    expect(imported.notes.find((n) => n.part === 'students')).toMatchObject({
      encoding: 'gbk', delimiter: ',',
      mapping: { id: '学籍号', lon: '经度', lat: '纬度', grade: '年级', school_id: '学校', unit_id: '小区' },
    });
    const rows = pupilRowsText(imported).split('\n');
    expect(rows[0]).toBe('id,lon,lat,grade,school_id,unit_id,source_line,import_notes');
    // 19 data rows, then the text's last line break.
    expect(rows.slice(1, -1)).toHaveLength(19);
    expect(rows[1]).toBe('a1,118.002,36.002,1,,小区a,3,');
    expect(rows.find((r) => r.startsWith('j1,'))).toBe('j1,118.005,36.005,7,,小区j,10,');
    expect(rows.find((r) => r.startsWith('r1,'))).toBe('r1,118.005,36.005,零年级,,小区r,17,');
  });

  it('names the merged-header columns of the pupils workbook', async () => {
    const imported = await importDataset(filesOf(byName('学生-合并表头.xlsx')));
    expect(imported.notes.find((n) => n.part === 'students')).toMatchObject({
      sheet: 'Sheet1',
      header: ['学籍号', '年级', '经度', '纬度', '学校代码', '学校名称', '小区代码', '小区名称'],
      mapping: { id: '学籍号', grade: '年级', lon: '经度', lat: '纬度', school_id: '学校代码', unit_id: '小区代码' },
    });
  });

  it('reads the schools workbook under its merged title and groups, with Chinese values', async () => {
    const imported = await importDataset(filesOf(byName('学校-合并表头.xlsx')));
    expect(imported.notes.find((n) => n.part === 'schools')!.header).toEqual(['学校代码', '学校名称', '学段', '办学性质', '教室数', '开办年份', '教学及辅助用房面积（平方米）', '经度', '纬度']);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    expect(dataset.schools[0]).toEqual({ id: 'P1', name: '西小学', nameEn: undefined, level: 'primary', ownership: 'public', classrooms: 6, opens: undefined, lon: 118.005, lat: 36.005, facilities: { room_area_m2: 500 } });
    expect(dataset.schools.map((s) => [s.id, s.level, s.ownership, s.opens])).toEqual([
      ['P1', 'primary', 'public', undefined], ['P2', 'primary', 'public', undefined], ['J1', 'junior', 'public', undefined],
      ['X1', 'primary', 'private', undefined], ['N9', 'nine_year', 'public', 2030],
    ]);
  });

  it('names the original file and the table line in a stopping problem raised by the contract parsers', async () => {
    const error = await load(byName('schools-duplicate.csv')).catch((e: DataError) => e);
    expect((error as DataError).message).toBe('schools-duplicate.csv: line 7 (id "P1"): duplicate id "P1": "西小学" has it too (a campus listed on a row of its own needs an id of its own; else list the school once)');
  });
});

describe('npm run simulate with files in any format', () => {
  const byName = (name: string) => CORPUS.find((c) => c.file === name)! as CorpusCase & { expect: { findings: string[] } };
  const tinyJson = JSON.parse(simulateCli('--data', tiny).stdout);

  it('takes all three files without --data: XLSX schools, KML zones, GBK pupils; same result as the tiny dataset', () => {
    const r = simulateCli('--schools', join(corpus, '学校-合并表头.xlsx'), '--catchments', join(corpus, '片区.kml'), '--students', join(corpus, '学生名单-gbk.csv'));
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.students).toEqual({ input: 19, assigned: 10, unassigned: 3, rejected: 6 });
    expect(json.schools).toEqual(tinyJson.schools);
    expect(json.rejected[0]).toEqual({ file: '学生名单-gbk.csv', line: 15, reason: 'grade 8 is not taught at 民办小学 (school_id "X1")' });
  });

  it('converts GCJ-02 pupils with --students-crs gcj02 and overrides the folder’s students.csv', () => {
    const r = simulateCli('--data', tiny, '--students', join(corpus, 'students-gcj02.csv'), '--students-crs', 'gcj02');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.students).toEqual({ input: 20, assigned: 10, unassigned: 4, rejected: 6 });
    expect(json.schools).toEqual(tinyJson.schools);
    // Read as WGS84 (against what its name says), the same file puts pupils ~0.0058° east, and the run
    // says so and exits with code 2. By hand on the tiny zones (P1 west of 118.01, P2 east of it below
    // 36.01, J1 up to 118.02): a1 a2 a4 and u1 stay in P1, b1 in P2, j1 in J1, x1 at X1; a3 b2 g1 j2 h1
    // o1 and s1 land east of 118.02 or north of P2, in no zone.
    const wrong = simulateCli('--data', tiny, '--students', join(corpus, 'students-gcj02.csv'), '--students-crs', 'wgs84');
    expect(wrong.code).toBe(2);
    const raw = JSON.parse(wrong.stdout);
    expect(raw.students).toEqual({ input: 20, assigned: 7, unassigned: 7, rejected: 6 });
    expect(raw.schools.map((s: { id: string; grades: Record<string, number> }) => [s.id, Object.fromEntries(Object.entries(s.grades).filter(([, n]) => n > 0))])).toEqual([
      ['P1', { 1: 2, 2: 2 }], ['P2', { 1: 1 }], ['J1', { 7: 1 }], ['X1', { 2: 1 }], ['N9', {}],
    ]);
  });

  it('--validate prints the report in English and adds it as "validation", leaving the rest of the output unchanged', () => {
    const zones = join(corpus, 'zones-gap-overlap.geojson');
    const plain = JSON.parse(simulateCli('--data', tiny, '--catchments', zones).stdout);
    const r = simulateCli('--data', tiny, '--catchments', zones, '--validate');
    expect(r.code, r.stderr).toBe(0);
    const { validation, ...rest } = JSON.parse(r.stdout);
    expect(rest).toEqual(plain);
    expect(validation.map((v: { kind: string; message: string }) => (v.kind === 'rows' ? `rows:${v.message}` : v.kind))).toEqual([
      ...byName('zones-gap-overlap.geojson').expect.findings.filter((f) => !f.startsWith('rows:')),
      'rows:students.csv: 1 row(s) not loaded (lines 14); line 14: grade 8 is not taught at 民办小学 (school_id "X1")',
      'rows:students.csv: 2 row(s) not loaded (lines 16, 17); line 16: grade "0" is not a whole number from 1 to 9',
      'rows:students.csv: 1 row(s) not loaded (lines 18); line 18: lat "" is not a latitude in degrees',
      'rows:students.csv: 1 row(s) not loaded (lines 19); line 19: lon "200" is not a longitude in degrees',
      'rows:students.csv: 1 row(s) not loaded (lines 20); line 20: id is empty',
      'rows:students.csv: 1 row(s) loaded with a remark (lines 15); line 15: school_id "ZZZ" is not in the schools file; zoned as usual',
    ]);
    // Areas on turf's sphere, by the formula for a box between meridians and parallels (see
    // validation.test.ts): the hole of P1, P2's strip over P1, the hole of J1.
    expect(validation.slice(0, 4).map((v: { kind: string; areaM2?: number }) => [v.kind, v.areaM2])).toEqual([
      ['gap', Math.round(boxArea(118.002, 36.013, 118.005, 36.016))],
      ['overlap', Math.round(boxArea(118.008, 36.0, 118.01, 36.01))],
      ['pupilsOutside', undefined],
      ['gap', Math.round(boxArea(118.016, 36.016, 118.019, 36.019))],
    ]);
    expect(validation[1]).toEqual({
      kind: 'overlap', severity: 'error', level: 'primary', schools: ['P1', 'P2'], areaM2: 200_047, pupils: 0,
      message: `The primary zones of 西小学 and 东小学 overlap by 0.20 km², affecting 0 pupil(s)`,
    });
    expect(r.stderr.split('\n')[0]).toBe(`validation: ${validation.filter((v: { severity: string }) => v.severity === 'error').length} error(s), 0 warning(s)`);
    expect(r.stderr).toContain('  error: A gap between primary zones: 0.09 km², 1 pupil(s) live there\n');
  });

  it('places pupils by address against the folder’s units.geojson, as the app does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'addr-'));
    const units = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'U1', name: '滨河小区' }, geometry: { type: 'Point', coordinates: [118.005, 36.005] } }] };
    writeFileSync(join(dir, 'units.geojson'), JSON.stringify(units));
    for (const f of ['schools.geojson', 'catchments.geojson']) writeFileSync(join(dir, f), readFileSync(join(tiny, f)));
    writeFileSync(join(dir, '学生.csv'), '学籍号,年级,住址\nq1,一年级,滨河小区3号楼\nq2,二年级,幸福村\n');
    const r = simulateCli('--data', dir, '--students', join(dir, '学生.csv'));
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.students).toEqual({ input: 2, assigned: 1, unassigned: 0, rejected: 1 });
    expect(json.rejected[0]).toEqual({ file: '学生.csv', line: 3, reason: 'no coordinates, and the address "幸福村" names none of the compounds and villages loaded, nor is like any of them' });
  });

  it('stops with one line naming the file for a zip without .shp and for an unknown coordinate system', () => {
    const r = simulateCli('--data', tiny, '--catchments', join(corpus, 'zones-no-shp.zip'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: zones-no-shp.zip: the zip holds no Shapefile (.shp)\n');
    const u = simulateCli('--data', tiny, '--schools-crs', 'utm');
    expect(u.code).toBe(1);
    expect(u.stderr).toBe('error: --schools-crs must be wgs84, gcj02, bd09, got "utm"\n');
  });
});
