import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RejectedRow, School } from '../../src/core/dataset';
import { DEFAULT_RULES } from '../../src/core/rules';
import { simulate } from '../../src/core/scenarioRun';
import {
  computeValidationReport,
  describeValidationItem,
  formatArea,
  VALIDATION_MESSAGES,
  type ValidationInput,
  type ValidationItem,
  type ValidationKind,
} from '../../src/core/validation';
import { featuresOf } from '../../src/io/dataError';
import { importDataset, readImportedDataset, validateImported } from '../../src/io/import';
import { readDataset } from '../../src/io/readDataset';

// turf measures on a sphere of this radius; the area of a box bounded by meridians and parallels
// there is R² · Δλ · (sin φ2 − sin φ1), which turf's ring formula reproduces up to rounding.
const R = 6371008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;
const boxArea = (w: number, s: number, e: number, n: number) => R * R * rad(e - w) * (Math.sin(rad(n)) - Math.sin(rad(s)));

const box = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
});
const zone = (schoolId: string, level: string, geometry: Polygon | null): Feature => ({
  type: 'Feature', properties: { school_id: schoolId, level }, geometry: geometry as Polygon,
});
const school = (id: string, level: School['level'], ownership: School['ownership'] = 'public', opens?: number): School => ({
  id, name: `${id}校`, level, ownership, opens, lon: 118.005, lat: 37.005, facilities: {},
});

// Primary zones over the county box [118.00, 118.03] × [37.00, 37.02], in 0.01° squares:
// P1 = [118.00, 118.01] (two features, its west and east halves), P2 = [118.01, 118.02],
// P3 = [118.018, 118.03] (overlaps P2 by a strip 0.002° wide), P4 = the north row from 37.011,
// leaving a gap strip 37.010–37.011 across the county. J1's junior zone is the whole county.
const schools: School[] = [
  school('P1', 'primary'), school('P2', 'primary'), school('P3', 'primary'), school('P4', 'primary'),
  school('P5', 'primary'), school('P6', 'primary'), school('P7', 'primary'),
  school('P8', 'primary'), school('P9', 'primary', 'public', 2030), school('Q1', 'primary', 'private'),
  school('J1', 'junior'),
];
const bowTie: Polygon = { type: 'Polygon', coordinates: [[[119, 37], [119.01, 37.01], [119.01, 37], [119, 37.01], [119, 37]]] };
const zones: Feature[] = [
  zone('P1', 'primary', box(118.0, 37.0, 118.005, 37.01)),
  zone('P1', 'primary', box(118.005, 37.0, 118.01, 37.01)),
  zone('P2', 'primary', box(118.01, 37.0, 118.02, 37.01)),
  zone('P3', 'primary', box(118.018, 37.0, 118.03, 37.01)),
  zone('P4', 'primary', box(118.0, 37.011, 118.03, 37.02)),
  zone('P5', 'primary', bowTie),
  zone('P6', 'primary', { type: 'Polygon', coordinates: [[[118.5, 37], [118.6, 37], [118.5, 37]]] }),
  zone('P7', 'primary', { type: 'Polygon', coordinates: [[[118.5, 37], [118.6, NaN], [118.6, 37.1], [118.5, 37]]] }),
  zone('X99', 'primary', box(118.5, 37, 118.6, 37.1)),
  zone('Q1', 'primary', box(118.5, 37, 118.6, 37.1)),
  zone('J1', 'senior', box(118.5, 37, 118.6, 37.1)),
  zone('J1', 'junior', box(118.0, 37.0, 118.03, 37.02)),
];
const county: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: box(118.0, 37.0, 118.03, 37.02) }] };

// Pupils: [lon, lat, grade, school index (−1 none)]. Lines are row index + 2.
const homes: [number, number, number, number][] = [
  [118.002, 37.005, 1, -1], [118.003, 37.005, 2, 0], [118.007, 37.002, 3, -1], // in P1
  [118.019, 37.001, 1, -1], [118.0195, 37.005, 4, 2], [118.0185, 37.009, 6, 1], // in P2 ∩ P3
  [118.015, 37.0105, 1, -1], [118.025, 37.0102, 5, -1], // in the gap
  [118.02, 37.0105, 7, -1], // junior, in the primary gap but inside J1
  [118.005, 37.0105, 2, 9], // private pupil in the gap: attends Q1 wherever they live
  [118.025, 37.015, 2, -1], // in P4
  [118.1, 37.5, 7, -1], // junior, outside the county and every zone
];
const pupils = {
  x: Float64Array.from(homes, (h) => h[0]),
  y: Float64Array.from(homes, (h) => h[1]),
  grade: Uint8Array.from(homes, (h) => h[2]),
  currentSchool: Int32Array.from(homes, (h) => h[3]),
};
const rejected: RejectedRow[] = [
  ...[20, 21, 22, 23, 24, 25].map((line) => ({ file: 'students.csv', line, reason: 'bad grade', problem: { code: 'badGrade' as const, params: { got: '十', max: 9 } } })),
  { file: 'students.csv', line: 30, reason: 'id is empty', problem: { code: 'emptyId' as const, params: {} } },
];
const warnings: RejectedRow[] = [
  { file: 'students.csv', line: 31, reason: 'unknown', problem: { code: 'unknownSchoolId', params: { id: 'Z1' } } },
  { file: 'students.csv', line: 33, reason: 'unknown', problem: { code: 'unknownSchoolId', params: { id: 'Z2' } } },
];
const input: ValidationInput = { schools, zones, county, pupils, rejected, warnings, baseYear: 2024, rules: DEFAULT_RULES };
const report = computeValidationReport(input);
const of = <K extends ValidationKind>(kind: K) => report.items.filter((i): i is Extract<ValidationItem, { kind: K }> => i.kind === kind);

describe('validation report on a hand-made county', () => {
  it('reports unusable zone geometry and leaves it out', () => {
    expect(of('invalidPolygon').map((i) => [i.feature, i.schools[0].id, i.reason])).toEqual([
      [7, 'P6', 'tooFewPoints'],
      [8, 'P7', 'notFinite'],
    ]);
    expect(of('invalidPolygon')[0].geometry?.coordinates).toHaveLength(3);
  });

  it('reports the bow-tie with its crossing point', () => {
    const [bow] = of('selfIntersection');
    expect(bow).toMatchObject({ feature: 6, level: 'primary', crossings: 1, schools: [{ id: 'P5', name: 'P5校' }] });
    expect(bow.geometry.coordinates[0][0]).toBeCloseTo(119.005, 9);
    expect(bow.geometry.coordinates[0][1]).toBeCloseTo(37.005, 6);
  });

  it('reports zones naming an unknown school, a private school, or no zone level', () => {
    expect(of('zoneReference').map((i) => [i.feature, i.reason, i.got])).toEqual([
      [9, 'unknownSchool', 'X99'],
      [10, 'privateSchool', undefined],
      [11, 'badLevel', '"senior"'],
    ]);
  });

  it('lists a school with two features for one level as a warning', () => {
    expect(of('duplicateZone')).toEqual([{ kind: 'duplicateZone', severity: 'warning', level: 'primary', schools: [{ id: 'P1', name: 'P1校' }], features: [1, 2] }]);
  });

  it('finds the gap inside the county with its area and the zoned pupils living there', () => {
    const gaps = of('gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ level: 'primary', pupils: 2, severity: 'error' });
    // ~2,650 m × 111 m; 1e-6 relative covers floating-point rounding of the degree arithmetic.
    expect(Math.abs(gaps[0].areaM2 / boxArea(118.0, 37.01, 118.03, 37.011) - 1)).toBeLessThan(1e-6);
  });

  it('finds the overlap of two schools (not the halves of one school) with area and pupils', () => {
    const overlaps = of('overlap');
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0].schools.map((s) => s.id)).toEqual(['P2', 'P3']);
    expect(overlaps[0].pupils).toBe(3);
    // P2 is 0.010° wide and P3 0.012°: under the default rule the smaller zone takes them.
    expect(overlaps[0].assigned.map((a) => [a.school.id, a.pupils])).toEqual([['P2', 3]]);
    expect(Math.abs(overlaps[0].areaM2 / boxArea(118.018, 37.0, 118.02, 37.01) - 1)).toBeLessThan(1e-6);
  });

  it('counts pupils outside every zone of their level, private pupils excepted', () => {
    expect(of('pupilsOutside').map((i) => [i.level, i.pupils, i.lines])).toEqual([
      ['primary', 2, [8, 9]],
      ['junior', 1, [13]],
    ]);
    expect(of('pupilsOutside')[1].geometry).toEqual({ type: 'MultiPoint', coordinates: [[118.1, 37.5]] });
  });

  it('summarises rejected and flagged rows per problem', () => {
    expect(of('rows').map((i) => [i.code, i.count, i.lines, i.loaded, i.severity])).toEqual([
      ['badGrade', 6, [20, 21, 22, 23, 24], false, 'error'],
      ['emptyId', 1, [30], false, 'error'],
      // Loaded, but zoned instead of counted at a school the schools file lacks: an error, as a wrong count is.
      ['unknownSchoolId', 2, [31, 33], true, 'error'],
    ]);
  });

  it('reports the open public school without a zone, not the planned or private one', () => {
    expect(of('schoolWithoutZone').map((i) => [i.level, i.schools[0].id])).toEqual([['primary', 'P8']]);
  });

  it('counts errors and warnings', () => {
    expect(report.errors + report.warnings).toBe(report.items.length);
    expect(report.warnings).toBe(2);
  });

  it('describes every item in both languages with plain numbers', () => {
    for (const item of report.items) {
      for (const lang of ['en', 'zh-CN'] as const) expect(describeValidationItem(item, lang)).not.toMatch(/\{\w+\}/);
    }
    expect(describeValidationItem(of('overlap')[0], 'zh-CN')).toBe('P2校与P3校的小学片区重叠 0.20 平方公里，涉及 3 名学生，按重叠规则归入：P2校 3 名');
    expect(describeValidationItem(of('overlap')[0], 'en')).toBe('The primary zones of P2校 and P3校 overlap by 0.20 km², affecting 3 pupil(s); by the overlap rule they go to P2校 3');
    expect(describeValidationItem(of('gap')[0], 'zh-CN')).toBe('小学片区之间有空隙 0.30 平方公里，住有 2 名学生');
    expect(describeValidationItem(of('rows')[0], 'zh-CN')).toBe('students.csv：6 行未载入（第 20、21、22、23、24 … 行）；第 20 行：年级 "十" 不是 1 到 9 的整数');
    expect(describeValidationItem(of('selfIntersection')[0], 'zh-CN')).toBe('P5校的小学片区（第 6 个要素）边界自相交 1 处');
    for (const [code, texts] of Object.entries(VALIDATION_MESSAGES)) {
      expect(Object.keys(texts), code).toEqual(['en', 'zh-CN']);
    }
  });

  it('formats areas in m² or km²', () => {
    expect(formatArea(0.35e6, 'zh-CN')).toBe('0.35 平方公里');
    expect(formatArea(1234.4, 'en')).toBe('1,234 m²');
    expect(formatArea(0.5, 'zh-CN')).toBe('0.50 平方米');
  });

  it('reports repeated school ids', () => {
    const twice = computeValidationReport({ ...input, schools: [...schools, school('P8', 'junior')] });
    expect(twice.items.filter((i) => i.kind === 'duplicateSchoolId').map((i) => [i.schools[0].id, 'count' in i && i.count])).toEqual([['P8', 2]]);
  });
});

describe('gaps without a county outline', () => {
  // A 3 × 3 block of 0.01° squares with the centre square missing: the gap is the hole.
  const ring: Feature[] = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      // Integer steps, so neighbouring squares share exactly the same coordinates.
      if (i !== 1 || j !== 1) ring.push(zone('P1', 'primary', box((11800 + i) / 100, (3700 + j) / 100, (11801 + i) / 100, (3701 + j) / 100)));
    }
  }
  const homesIn = { x: Float64Array.of(118.015, 118.012, 118.005), y: Float64Array.of(37.015, 37.019, 37.005), grade: Uint8Array.of(1, 2, 3), currentSchool: Int32Array.of(-1, -1, -1) };
  const r = computeValidationReport({ schools: [school('P1', 'primary')], zones: ring, pupils: homesIn, baseYear: 2024, rules: DEFAULT_RULES });

  it('finds the hole of the union with its area and pupils, and no overlap between the features', () => {
    const gaps = r.items.filter((i) => i.kind === 'gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ pupils: 2 });
    expect(Math.abs((gaps[0] as { areaM2: number }).areaM2 / boxArea(118.01, 37.01, 118.02, 37.02) - 1)).toBeLessThan(1e-6);
    expect(r.items.filter((i) => i.kind === 'overlap')).toEqual([]);
  });

  it('reports nothing for the zones’ outside when there is no county', () => {
    const clean = computeValidationReport({ schools: [school('P1', 'primary')], zones: [zone('P1', 'primary', box(118, 37, 118.01, 37.01))], pupils: { x: Float64Array.of(), y: Float64Array.of(), grade: Uint8Array.of(), currentSchool: Int32Array.of() }, baseYear: 2024, rules: DEFAULT_RULES });
    expect(clean.items.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('validation agrees with the engine on the tiny fixture', () => {
  const dir = join(import.meta.dirname, '../fixtures/tiny');
  const texts = Object.fromEntries(['schools.geojson', 'catchments.geojson', 'students.csv'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const { dataset } = readDataset(texts, DEFAULT_RULES, 2024);
  const r = computeValidationReport({
    schools: dataset.schools, zones: featuresOf('catchments.geojson', texts['catchments.geojson']), pupils: dataset.pupils,
    rejected: dataset.rejected, warnings: dataset.warnings, baseYear: dataset.baseYear, rules: DEFAULT_RULES,
  });

  it('counts the same pupils outside every zone as the simulation leaves unassigned', () => {
    const outside = Object.fromEntries(r.items.flatMap((i) => (i.kind === 'pupilsOutside' ? [[i.level, i.pupils]] : [])));
    expect({ primary: outside.primary ?? 0, junior: outside.junior ?? 0 }).toEqual(simulate(dataset, DEFAULT_RULES).summary.unassignedByLevel);
  });

  it('lists every rejected row', () => {
    const rows = r.items.filter((i) => i.kind === 'rows' && !i.loaded);
    expect(rows.reduce((a, i) => a + ('count' in i ? i.count : 0), 0)).toBe(dataset.rejected.length);
  });
});

describe('repeated pupil ids, through the import the app and the CLI use', () => {
  it('keep the first row and reject the repeat, naming the id and the line of the first', async () => {
    const dir = join(import.meta.dirname, '../fixtures/tiny');
    const file = (name: string, text = readFileSync(join(dir, name), 'utf8')) => ({ name, bytes: new TextEncoder().encode(text) });
    const imported = await importDataset([
      file('schools.geojson'), file('catchments.geojson'),
      file('学生.csv', '学籍号,经度,纬度,年级\nd1,118.002,36.002,1\nd2,118.003,36.003,2\nd1,118.004,36.004,3\n'),
    ]);
    const loaded = readImportedDataset(imported, DEFAULT_RULES, 2024);
    const repeated = validateImported(imported, loaded, DEFAULT_RULES).items.filter((i): i is Extract<ValidationItem, { kind: 'rows' }> => i.kind === 'rows' && (i.code as string | undefined) === 'duplicatePupilId');
    expect(repeated.map((i) => [i.file, i.count, i.lines, i.loaded])).toEqual([['学生.csv', 1, [4], false]]);
    expect(describeValidationItem(repeated[0], 'en')).toBe('学生.csv: 1 row(s) not loaded (lines 4); line 4: id "d1" is also on line 2, which is loaded; this row is not');
    expect(loaded.dataset.pupils.count).toBe(2);
  });
});
