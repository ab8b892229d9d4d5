import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromWgs84, namesOnlyKml, schoolsWithFullNames, SHORT_NAMES, tinyDir, tinyStudentsIn, zonesShapefile } from './gisFixtures';
import { tinyRemark } from '../fixtures/hostile/tablesManifest';
import { simulateCli } from './simulateCli';

const work = mkdtempSync(join(tmpdir(), 'simulate-gis-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));


/** Writes a file into the work folder and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

const schools = file('学校.geojson', schoolsWithFullNames());
const tiny = ['--schools', schools, '--catchments', join(tinyDir, 'catchments.geojson'), '--students', join(tinyDir, 'students.csv')];
/** The tiny dataset with another file for one part (a repeated --catchments or --students would add a file, not replace one). */
const tinyWith = (option: '--catchments' | '--students', path: string) => tiny.map((a, i) => (tiny[i - 1] === option ? path : a));
// The tiny county as the CLI counts it (test/unit/cli.test.ts).
const TINY_STUDENTS = { input: 19, assigned: 10, unassigned: 3, rejected: 6 };

describe('npm run simulate: zones from GIS files and --mapping', () => {
  it('reads a pinyin-initial Shapefile (XXMC, XD) naming schools by short name, as the tiny county', async () => {
    const zip = file('学区.zip', await zonesShapefile([{ name: 'XXMC', length: 30 }, { name: 'XD', length: 8 }], (z) => [SHORT_NAMES[z.properties.school_id], z.properties.level === 'primary' ? '小学' : '初中']));
    const r = simulateCli(...tinyWith('--catchments', zip));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`${tinyRemark('students.csv')}\n`);
    expect(JSON.parse(r.stdout).students).toEqual(TINY_STUDENTS);
  });

  it('gives a names-only KML its level through --mapping, and stops naming the missing column without it', () => {
    const kml = file('小学片区.kml', namesOnlyKml([{ name: '圣城小学', zone: 'P1' }, { name: '寿光一中小学部', zone: 'P2' }]));
    const without = simulateCli(...tinyWith('--catchments', kml));
    expect(without.code).toBe(1);
    expect(without.stderr).toBe('error: 小学片区.kml: missing required column(s) "level" (found: name)\n');
    const mapping = file('mapping.json', JSON.stringify({ version: 1, parts: { catchments: { file: '小学片区.kml', level: 'primary', columns: { school_name: 'name' } } } }));
    const r = simulateCli(...tinyWith('--catchments', kml), '--mapping', mapping);
    expect(r.code, r.stderr).toBe(0);
    // J1 has no junior zone now: j1 and j2 join h1 and o1 outside every junior zone.
    expect(JSON.parse(r.stdout).students).toEqual({ input: 19, assigned: 8, unassigned: 5, rejected: 6 });
  });

  it('stops with one line on a mapping file with an unknown key', () => {
    const mapping = file('bad-mapping.json', JSON.stringify({ version: 1, parts: { catchments: { levle: 'primary' } } }));
    const r = simulateCli(...tiny, '--mapping', mapping);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: bad-mapping.json: unknown key "levle" in parts.catchments (known: file, crs, level, columns, swapLonLat)\n');
  });
});

describe('npm run simulate: --units and --county', () => {
  // 阳光花园 lies in P1's zone (118.005, 36.005); its table gives it in GCJ-02, 0.0057° east of there, inside P2's zone.
  const [gx, gy] = fromWgs84('gcj02', 118.005, 36.005);
  const units = file('小区.csv', `名称,镇街,类型,经度,纬度\n阳光花园,圣城街道,小区,${gx},${gy}\n`);
  const pupils = file('学生.csv', '学籍号,年级,住址\nq1,一年级,阳光花园3号楼\n');
  const base = ['--schools', schools, '--catchments', join(tinyDir, 'catchments.geojson'), '--students', pupils, '--units', units];
  const enrollment = (stdout: string, id: string) => JSON.parse(stdout).schools.find((s: { id: string }) => s.id === id).enrollment;

  it('places a pupil at the unit its address names, with the unit converted by --units-crs', () => {
    const right = simulateCli(...base, '--units-crs', 'gcj02');
    expect(right.code, right.stderr).toBe(0);
    expect([enrollment(right.stdout, 'P1'), enrollment(right.stdout, 'P2')]).toEqual([1, 0]);
    const wrong = simulateCli(...base);
    expect(wrong.code, wrong.stderr).toBe(0);
    expect([enrollment(wrong.stdout, 'P1'), enrollment(wrong.stdout, 'P2')]).toEqual([0, 1]);
  });

  it('loads a county outline given as a bare list of Features in GCJ-02, and warns about a broken one without stopping', () => {
    const ring = [[117.99, 35.99], [118.03, 35.99], [118.03, 36.03], [117.99, 36.03], [117.99, 35.99]].map(([x, y]) => fromWgs84('gcj02', x, y));
    const outline = file('370783.json', JSON.stringify([{ type: 'Feature', properties: { adcode: 370783 }, geometry: { type: 'Polygon', coordinates: [ring] } }]));
    const ok = simulateCli(...tiny, '--county', outline, '--county-crs', 'gcj02');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toBe(`${tinyRemark('students.csv')}\n`);
    const broken = file('county-broken.json', '[{"type":"Feature","geometry":');
    const r = simulateCli(...tiny, '--county', broken);
    expect(r.code, r.stderr).toBe(0);
    const [notUsed, ...rest] = r.stderr.split('\n');
    expect(notUsed).toMatch(/^warning: county-broken\.json: not used \(not valid JSON \(.*\)\); the other files are loaded$/);
    expect(rest).toEqual([tinyRemark('students.csv'), '']);
    expect(JSON.parse(r.stdout).students).toEqual(TINY_STUDENTS);
  });

  it('refuses a coordinate system for a part without a file', () => {
    const r = simulateCli(...tiny, '--units-crs', 'gcj02');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: --units-crs is given but there is no units file\n');
  });
});

describe('npm run simulate: coordinate systems found, never passed silently', () => {
  const bd09 = tinyStudentsIn('bd09');

  it('reads a pupils file named 百度坐标 as BD-09 and says so', () => {
    const r = simulateCli(...tinyWith('--students', file('学生名单-百度坐标.csv', bd09)));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`学生名单-百度坐标.csv: coordinate system BD-09, as the file's name says (--students-crs to change)\n${tinyRemark('学生名单-百度坐标.csv')}\n`);
    expect(JSON.parse(r.stdout).students).toEqual(TINY_STUDENTS);
  });

  it('exits with code 2, naming the file and the option, when BD-09 pupils are read as WGS84; --accept-shift makes it a warning', () => {
    const students = file('学生名单.csv', bd09);
    const r = simulateCli(...tinyWith('--students', students));
    expect(r.code).toBe(2);
    const [remark, ...lines] = r.stderr.trim().split('\n');
    expect(remark).toBe(tinyRemark('学生名单.csv'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^error: 学生名单\.csv: the pupils look like BD-09 read as WGS84 — choose BD-09 for 学生名单\.csv\. .* \(--students-crs bd09\)$/);
    expect(lines[1]).toMatch(/^error: 学生名单\.csv looks like BD-09 \(--students-crs bd09\); the output is written, but pupils would be counted at neighbouring schools/);
    // The output is still written: about a kilometre north-east, pupils leave their zones.
    expect(JSON.parse(r.stdout).students).not.toEqual(TINY_STUDENTS);
    const accepted = simulateCli(...tinyWith('--students', students), '--accept-shift');
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toBe(`${remark}\n${lines[0].replace(/^error:/, 'warning:')}\n`);
    const fixed = simulateCli(...tinyWith('--students', students), '--students-crs', 'bd09');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(JSON.parse(fixed.stdout).students).toEqual(TINY_STUDENTS);
  });

  it('--validate says a row or file the import left out once, in its report, not also before it', () => {
    const units = file('小区.csv', 'id,name,lon,lat\nU1,阳光花园,118.003,36.003\nU2,东苑,200,36.01\n');
    const county = file('县界.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[118,36]]]}}]}');
    const r = simulateCli(...tiny, '--units', units, '--county', county, '--validate');
    expect(r.code, r.stderr).toBe(0);
    const count = (text: string) => r.stderr.split(text).length - 1;
    expect(count('小区.csv: 1 row(s) not loaded')).toBe(1);
    expect(count('县界.geojson: not used')).toBe(1);
  });

  it('--validate reports the shift as an error in the report and still exits with code 2', () => {
    const r = simulateCli(...tinyWith('--students', file('学生名单.csv', bd09)), '--validate');
    expect(r.code).toBe(2);
    const shifted = JSON.parse(r.stdout).validation.filter((v: { kind: string }) => v.kind === 'shiftedLayer');
    expect(shifted).toHaveLength(1);
    expect(shifted[0]).toMatchObject({ severity: 'error', schools: [] });
    expect(shifted[0].message).toMatch(/^学生名单\.csv: the pupils look like BD-09 read as WGS84/);
    expect(r.stderr).toContain(`  error: ${shifted[0].message}\n`);
  });
});
