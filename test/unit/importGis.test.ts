import ExcelJS from 'exceljs';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { describeDataProblem } from '../../src/core/dataProblems';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { describeValidationItem } from '../../src/core/validation';
import { DataError } from '../../src/io/dataError';
import { crsHint, formatMappingFile, guessPart, importDataset, inspectFile, parseMappingFile, readImportedDataset, suggestMapping, validateImported, type ImportFile } from '../../src/io/import';
import { generatedUnitId, normaliseUnitKind } from '../../src/io/import/unitsTable';
import { fromWgs84, gbk, namesOnlyKml, schoolsWithFullNames, SHORT_NAMES, tinyStudentsIn, tinyText, utf8, zonesShapefile } from './gisFixtures';

const LEVEL_ZH = { primary: '小学', junior: '初中' } as const;

/** The tiny county with full school names; `extra` adds or replaces files (by part). */
function tinyFiles(extra: ImportFile[]): ImportFile[] {
  const base: ImportFile[] = [
    { name: 'schools.geojson', bytes: utf8(schoolsWithFullNames()), part: 'schools' },
    { name: 'catchments.geojson', bytes: utf8(tinyText('catchments.geojson')), part: 'catchments' },
    { name: 'students.csv', bytes: utf8(tinyText('students.csv')), part: 'students' },
  ];
  return [...base.filter((b) => !extra.some((e) => e.part === b.part)), ...extra];
}

/** Pupils read, loaded, assigned and unassigned after importing `files`. */
async function counts(files: ImportFile[]) {
  const loaded = readImportedDataset(await importDataset(files), DEFAULT_RULES, 2024);
  const { summary } = computeScenarioRun(loaded.dataset, loaded.dataset.zoneState, DEFAULT_RULES).result;
  return { read: loaded.dataset.rowsRead, loaded: loaded.dataset.pupils.count, assigned: summary.assigned, unassigned: summary.unassigned };
}

// The tiny county (test/fixtures/corpus/manifest.ts): 19 rows, 13 loaded, 10 assigned, 3 unassigned.
const TINY = { read: 19, loaded: 13, assigned: 10, unassigned: 3 };

describe('zones from a Shapefile whose fields are pinyin initials', () => {
  const fields = [{ name: 'XXMC', length: 30 }, { name: 'XD', length: 8 }, { name: 'XQMC', length: 30 }];
  const byName = () => zonesShapefile(fields, (z) => [SHORT_NAMES[z.properties.school_id], LEVEL_ZH[z.properties.level], `${LEVEL_ZH[z.properties.level]}${z.properties.school_id}片`]);

  it('suggests XXMC for the school name, XD for the level and XQMC for the zone name', async () => {
    const inspected = await inspectFile({ name: '学区.zip', bytes: await byName() });
    expect(inspected.header).toEqual(['XXMC', 'XD', 'XQMC']);
    expect(inspected.suggestion).toEqual({ mapping: { school_name: 'XXMC', level: 'XD', zone_name: 'XQMC' }, missing: [] });
  });

  it('matches each zone to its school by its short name (圣城小学, 寿光一中小学部, 寿光二中) and loads as the tiny county', async () => {
    const imported = await importDataset(tinyFiles([{ name: '学区.zip', bytes: await byName(), part: 'catchments' }]));
    const zones = JSON.parse(imported.texts['catchments.geojson']!).features.map((f: { properties: Record<string, string> }) => f.properties);
    expect(zones).toEqual([
      { school_id: 'P1', school_name: '圣城小学', level: 'primary', zone_name: '小学P1片' },
      { school_id: 'P2', school_name: '寿光一中小学部', level: 'primary', zone_name: '小学P2片' },
      { school_id: 'J1', school_name: '寿光二中', level: 'junior', zone_name: '初中J1片' },
    ]);
    expect(await counts(tinyFiles([{ name: '学区.zip', bytes: await byName(), part: 'catchments' }]))).toEqual(TINY);
  });

  it('loads a Shapefile whose .prj is Beijing 1954 or Xian 1980 degrees with a warning that its positions are not shifted to WGS84; CGCS2000 and WGS84 with none', async () => {
    const prj = (gcs: string, datum: string, spheroid: string) => `GEOGCS["${gcs}",DATUM["${datum}",SPHEROID["${spheroid}",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`;
    const remarks = async (text: string) => {
      const files = tinyFiles([{ name: '学区.zip', bytes: await zonesShapefile(fields, (z) => [SHORT_NAMES[z.properties.school_id], LEVEL_ZH[z.properties.level], ''], gbk, text), part: 'catchments' }]);
      const imported = await importDataset(files);
      const loaded = readImportedDataset(imported, DEFAULT_RULES, 2024);
      expect(await counts(files)).toEqual(TINY);
      return validateImported(imported, loaded, DEFAULT_RULES).items.filter((i) => i.kind === 'fileRemark').map((i) => describeValidationItem(i, 'zh-CN'));
    };
    expect(await remarks(prj('GCS_Beijing_1954', 'D_Beijing_1954', 'Krasovsky_1940'))).toEqual(['学区.zip：已载入，但其 .prj 为 北京54 (Beijing 1954)：坐标未做到 WGS84/CGCS2000 的基准转换，位置可能偏差数十米至约 100 米，边界附近的学生会因此归错片区；请先在 GIS 中转换为 CGCS2000 或 WGS84 再载入']);
    expect(await remarks(prj('GCS_Xian_1980', 'D_Xian_1980', 'Xian_1980'))).toHaveLength(1);
    expect(await remarks(prj('GCS_China_Geodetic_Coordinate_System_2000', 'D_China_2000', 'CGCS2000'))).toEqual([]);
    expect(await remarks(prj('GCS_WGS_1984', 'D_WGS_1984', 'WGS_1984'))).toEqual([]);
  });

  it('reads a .dbf saved in UTF-8 whose language driver still says GBK (the load stopped: "not GBK text")', async () => {
    const utf8 = await zonesShapefile(fields, (z) => [SHORT_NAMES[z.properties.school_id], LEVEL_ZH[z.properties.level], `${LEVEL_ZH[z.properties.level]}${z.properties.school_id}片`], (t) => new TextEncoder().encode(t));
    const read = async (bytes: Uint8Array) => JSON.parse((await importDataset(tinyFiles([{ name: '学区.zip', bytes, part: 'catchments' }]))).texts['catchments.geojson']!).features.map((f: { properties: Record<string, string> }) => f.properties);
    expect(await read(utf8)).toEqual(await read(await byName()));
  });

  it('takes the code (XXDM) when there is one, and names every name a zone carries when its school is not found', async () => {
    const coded = await zonesShapefile([{ name: 'XXDM', length: 10 }, ...fields], (z) => [z.properties.school_id === 'P2' ? 'P7' : z.properties.school_id, '某校', LEVEL_ZH[z.properties.level], '东片']);
    expect(suggestMapping(['XXDM', 'XXMC', 'XD', 'XQMC'], 'catchments').mapping).toEqual({ school_id: 'XXDM', school_name: 'XXMC', level: 'XD', zone_name: 'XQMC' });
    const error = await importDataset(tinyFiles([{ name: '学区.zip', bytes: coded, part: 'catchments' }])).catch((e: DataError) => e);
    expect((error as DataError).message).toBe('学区.zip: feature 2: XXDM "P7", XXMC "某校", XQMC "东片" names no school of the schools file');
    expect(describeDataProblem((error as DataError).code, (error as DataError).params, 'zh-CN')).toBe('第 2 个要素：XXDM "P7", XXMC "某校", XQMC "东片" 在学校文件中找不到对应的学校');
  });
});

describe('zones from a KML whose placemarks carry only a school’s name', () => {
  const kml = namesOnlyKml([{ name: '圣城小学', zone: 'P1' }, { name: '寿光一中小学部', zone: 'P2' }]);

  it('maps the placemark name to the school name, needs a level, and takes one for the whole file', async () => {
    const file: ImportFile = { name: '小学片区.kml', bytes: utf8(kml), part: 'catchments' };
    expect((await inspectFile(file)).suggestion).toEqual({ mapping: { school_name: 'name' }, missing: ['level'] });
    const missing = await importDataset(tinyFiles([file])).catch((e: DataError) => e);
    expect((missing as DataError).message).toBe('小学片区.kml: missing required column(s) "level" (found: name)');
    const imported = await importDataset(tinyFiles([{ ...file, level: 'primary' }]));
    expect(imported.notes.find((n) => n.part === 'catchments')).toMatchObject({ level: 'primary', mapping: { school_name: 'name' } });
    expect(JSON.parse(imported.texts['catchments.geojson']!).features.map((f: { properties: object }) => f.properties)).toEqual([
      { school_name: '圣城小学', school_id: 'P1', level: 'primary' },
      { school_name: '寿光一中小学部', school_id: 'P2', level: 'primary' },
    ]);
    // Without J1's junior zone, j1 and j2 (grades 7 and 9) join h1 and o1 outside every junior zone.
    expect(await counts(tinyFiles([{ ...file, level: 'primary' }]))).toEqual({ read: 19, loaded: 13, assigned: 8, unassigned: 5 });
  });

  it('names the placemark and its name when no school or several fit', async () => {
    const unknown = namesOnlyKml([{ name: '圣城小学', zone: 'P1' }, { name: '东门小学', zone: 'P2' }]);
    const e1 = await importDataset(tinyFiles([{ name: 'z.kml', bytes: utf8(unknown), part: 'catchments', level: 'primary' }])).catch((e: DataError) => e);
    expect((e1 as DataError).message).toBe('z.kml: feature 2: name "东门小学" names no school of the schools file');
    // Two public primary schools called 实验小学 (in different towns): the name is ambiguous, never guessed.
    const schools = JSON.parse(schoolsWithFullNames());
    schools.features[0].properties.name = '实验小学';
    schools.features[1].properties.name = '实验小学';
    const twice = namesOnlyKml([{ name: '实验小学', zone: 'P1' }]);
    const e2 = await importDataset(tinyFiles([
      { name: 'schools.geojson', bytes: utf8(JSON.stringify(schools)), part: 'schools' },
      { name: 'z.kml', bytes: utf8(twice), part: 'catchments', level: 'primary' },
    ])).catch((e: DataError) => e);
    expect((e2 as DataError).message).toBe('z.kml: feature 1: name "实验小学" fits several schools: 实验小学 (P1), 实验小学 (P2); give the zone a school code');
  });

  it('refuses a mapping that names a column the file does not have', async () => {
    const e = await importDataset(tinyFiles([{ name: 'z.kml', bytes: utf8(kml), part: 'catchments', level: 'primary', mapping: { school_name: 'XXMC' } }])).catch((x: DataError) => x);
    expect((e as DataError).message).toBe('z.kml: the mapping gives "school_name" the column "XXMC", which the file does not have (found: name)');
  });
});

describe('compounds and villages from a table', () => {
  // Three units in GCJ-02 (AMap) and two bad rows; the file's name says 高德.
  const points = { 阳光花园: [118.705, 36.005], 东关村: [118.715, 36.012], 幸福社区: [118.709, 36.018] } as const;
  const gcj = Object.fromEntries(Object.entries(points).map(([name, [x, y]]) => [name, fromWgs84('gcj02', x, y)]));
  const csv = [
    '名称,镇街,类型,经度,纬度,别名',
    `阳光花园,圣城街道,小区,${gcj.阳光花园.join(',')},阳光小区；阳光花园南区、阳光苑`,
    `东关村,,,${gcj.东关村.join(',')},`,
    `幸福社区,文家街道,社区,${gcj.幸福社区.join(',')},`,
    '坏行,圣城街道,小区,abc,36.0,',
    ',圣城街道,小区,118.7,36.0,',
  ].join('\n');

  it('writes units.geojson in WGS84 (gcoord’s inverse of the GCJ-02 positions), with stable ids, kinds and aliases, and lists the rows not loaded', async () => {
    const imported = await importDataset(tinyFiles([{ name: '小区-高德.csv', bytes: utf8(csv), part: 'units' }]));
    const note = imported.notes.find((n) => n.part === 'units')!;
    expect(note).toMatchObject({ crs: 'gcj02', crsFrom: 'name', count: 5, mapping: { name: '名称', town: '镇街', kind: '类型', lon: '经度', lat: '纬度', aliases: '别名' } });
    const units = JSON.parse(imported.texts['units.geojson']!).features;
    // FNV-1a of "圣城街道\0阳光花园" and "\0东关村" over UTF-16 code units, computed in Python.
    expect(units.map((f: { properties: object }) => f.properties)).toEqual([
      { id: 'U157518e8', name: '阳光花园', kind: 'compound', town: '圣城街道', aliases: ['阳光小区', '阳光花园南区', '阳光苑'] },
      { id: 'U787c757d', name: '东关村', kind: 'village' },
      { id: generatedUnitId('文家街道', '幸福社区', new Set()), name: '幸福社区', kind: 'compound', town: '文家街道' },
    ]);
    units.forEach((f: { geometry: { coordinates: number[] } }, i: number) => {
      const name = Object.keys(points)[i] as keyof typeof points;
      expect(f.geometry.coordinates).toEqual(gcoord.transform(gcj[name] as [number, number], gcoord.GCJ02, gcoord.WGS84));
      expect(f.geometry.coordinates[0]).toBeCloseTo(points[name][0], 5);
      expect(f.geometry.coordinates[1]).toBeCloseTo(points[name][1], 5);
    });
    expect(imported.rejected).toEqual([
      { file: '小区-高德.csv', line: 5, reason: 'lon "abc" is not a longitude in degrees', problem: { code: 'badLon', params: { got: 'abc' } } },
      { file: '小区-高德.csv', line: 6, reason: 'neither a name nor an id', problem: { code: 'unitNoName', params: {} } },
    ]);
    const loaded = readImportedDataset(imported, DEFAULT_RULES, 2024);
    const report = validateImported(imported, loaded, DEFAULT_RULES);
    const rows = report.items.filter((i) => i.kind === 'rows' && i.file === '小区-高德.csv');
    expect(rows.map((i) => describeValidationItem(i, 'en'))).toEqual([
      '小区-高德.csv: 1 row(s) not loaded (lines 5); line 5: lon "abc" is not a longitude in degrees',
      '小区-高德.csv: 1 row(s) not loaded (lines 6); line 6: neither a name nor an id',
    ]);
  });

  it('reads an XLSX table with ids, naming a repeated id’s row and the row it repeats', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('小区');
    sheet.addRows([['小区代码', '小区名称', '乡镇', 'JD', 'WD'], ['U1', '阳光花园', '圣城街道', 118.705, 36.005], ['U1', '阳光花园二期', '圣城街道', 118.706, 36.006]]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const imported = await importDataset(tinyFiles([{ name: 'units.xlsx', bytes, part: 'units' }]));
    expect(imported.notes.find((n) => n.part === 'units')).toMatchObject({ crs: 'wgs84', mapping: { id: '小区代码', name: '小区名称', town: '乡镇', lon: 'JD', lat: 'WD' } });
    expect(JSON.parse(imported.texts['units.geojson']!).features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['U1']);
    expect(imported.rejected).toEqual([{ file: 'units.xlsx', line: 3, reason: 'id "U1" is also on line 2', problem: { code: 'unitIdRepeated', params: { id: 'U1', n: 2 } } }]);
  });

  it('guesses compounds and villages and the county outline from a file’s name', () => {
    expect(['小区-高德.csv', '村庄名单.xlsx', '社区.csv', 'units.csv', '学区小区对照.csv'].map((n) => guessPart(n, 'csv'))).toEqual(['units', 'units', 'units', 'units', 'catchments']);
    expect(['370783.json', '370783_full.json', '县界.geojson', 'county-outline.json', 'export.json'].map((n) => guessPart(n, 'json'))).toEqual(['county', 'county', 'county', 'county', undefined]);
  });

  it('reads 小区 / 社区 / 居委会 as compounds and 村 / 行政村 as villages, else by the name', () => {
    expect([['小区', 'a'], ['社区', 'a'], ['居委会', 'a'], ['村', 'a'], ['行政村', 'a'], ['', '东关村'], ['商住', '阳光花园'], [undefined, '王家庄村']].map(([k, n]) => normaliseUnitKind(k, n!)))
      .toEqual(['compound', 'compound', 'compound', 'village', 'village', 'village', 'compound', 'village']);
  });
});

describe('the county outline', () => {
  // A square around the tiny county, in GCJ-02 as DataV GeoAtlas serves it: a bare list of Features.
  const square = [[117.99, 35.99], [118.03, 35.99], [118.03, 36.03], [117.99, 36.03], [117.99, 35.99]].map(([x, y]) => fromWgs84('gcj02', x, y));
  const feature = { type: 'Feature', properties: { adcode: 370783, name: '寿光市' }, geometry: { type: 'MultiPolygon', coordinates: [[square]] } };

  it('loads from a bare list of Features (DataV), or a single Feature, converted from its coordinate system', async () => {
    for (const text of [JSON.stringify([feature]), JSON.stringify(feature)]) {
      const imported = await importDataset(tinyFiles([{ name: '370783.json', bytes: utf8(text), part: 'county', crs: 'gcj02' }]));
      const county = JSON.parse(imported.texts['county.geojson']!);
      expect(county.features).toHaveLength(1);
      expect(county.features[0].geometry.coordinates[0][0]).toEqual(square.map((p) => gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84)));
      expect(imported.notUsed).toEqual([]);
    }
  });

  it('leaves a broken outline out with a warning and loads the other files', async () => {
    const cases: [string, string][] = [
      [JSON.stringify([feature]).slice(0, 60), 'not valid JSON'],
      [JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [118, 36] } }), 'no Polygon or MultiPolygon to use as the county outline'],
      [JSON.stringify([feature, { type: 'Topology' }]), 'item 2 of the list is not a GeoJSON Feature'],
    ];
    for (const [text, reason] of cases) {
      const imported = await importDataset(tinyFiles([{ name: 'county.json', bytes: utf8(text), part: 'county' }]));
      expect(imported.notUsed).toHaveLength(1);
      expect(imported.notUsed[0].file).toBe('county.json');
      expect(imported.notUsed[0].reason).toContain(reason);
      expect(imported.texts['county.geojson']).toBeUndefined();
      expect(imported.sources['county.geojson']).toBeUndefined();
      const loaded = readImportedDataset(imported, DEFAULT_RULES, 2024);
      expect(loaded.dataset.pupils.count).toBe(13);
      const item = validateImported(imported, loaded, DEFAULT_RULES).items.find((i) => i.kind === 'fileNotUsed')!;
      expect(item.severity).toBe('warning');
      expect(describeValidationItem(item, 'en')).toBe(`county.json: not used — ${imported.notUsed[0].reason}; the other files are loaded`);
    }
  });
});

describe('coordinate systems a file names', () => {
  it('reads 百度/BD-09 and 高德/GCJ-02/火星 in a file name or a coordinate column, Baidu first', () => {
    expect(crsHint('学生名单-百度坐标.csv')).toEqual({ crs: 'bd09', from: 'name' });
    expect(crsHint('pupils_BD09.xlsx')).toEqual({ crs: 'bd09', from: 'name' });
    expect(crsHint('小区（高德）.csv')).toEqual({ crs: 'gcj02', from: 'name' });
    expect(crsHint('zones-GCJ-02.kml')).toEqual({ crs: 'gcj02', from: 'name' });
    expect(crsHint('火星坐标.csv')).toEqual({ crs: 'gcj02', from: 'name' });
    expect(crsHint('学生.csv', ['经度(百度)', '纬度(百度)'])).toEqual({ crs: 'bd09', from: 'column' });
    expect(crsHint('学生-高德.csv', ['lng_wgs84'])).toEqual({ crs: 'wgs84', from: 'column' });
    expect(crsHint('学生.csv', ['经度', '纬度'])).toBeUndefined();
    expect(crsHint('data/百度/学生.csv')).toBeUndefined();
  });

  it('reads a pupils file named 百度坐标 as BD-09 unless told otherwise, and its pupils land in their zones', async () => {
    const file: ImportFile = { name: '学生名单-百度坐标.csv', bytes: utf8(tinyStudentsIn('bd09')), part: 'students' };
    const imported = await importDataset(tinyFiles([file]));
    expect(imported.notes.find((n) => n.part === 'students')).toMatchObject({ crs: 'bd09', crsFrom: 'name' });
    expect(await counts(tinyFiles([file]))).toEqual(TINY);
    const told = await importDataset(tinyFiles([{ ...file, crs: 'wgs84' }]));
    expect(told.notes.find((n) => n.part === 'students')).toMatchObject({ crs: 'wgs84', crsFrom: 'given' });
  });

  it('reads a column named 经度(百度) as BD-09, and the inspection says so', async () => {
    const file: ImportFile = { name: '学生.csv', bytes: utf8(tinyStudentsIn('bd09', '学籍号,经度(百度),纬度(百度),年级,学校代码,备注')), part: 'students' };
    expect((await inspectFile(file)).crsHint).toEqual({ crs: 'bd09', from: 'column' });
    expect(await counts(tinyFiles([file]))).toEqual(TINY);
  });

  it('finds BD-09 pupils read as WGS84 and names the file and the system', async () => {
    const imported = await importDataset(tinyFiles([{ name: '学生名单.csv', bytes: utf8(tinyStudentsIn('bd09')), part: 'students' }]));
    const report = validateImported(imported, readImportedDataset(imported, DEFAULT_RULES, 2024), DEFAULT_RULES);
    const shifted = report.items.filter((i) => i.kind === 'shiftedLayer');
    expect(shifted).toMatchObject([{ layer: 'pupils', file: '学生名单.csv', crs: 'bd09', readAs: 'wgs84', severity: 'error' }]);
    expect(describeValidationItem(shifted[0], 'en')).toMatch(/^学生名单\.csv: the pupils look like BD-09 read as WGS84 — choose BD-09 for 学生名单\.csv\./);
  });

  it('checks each pupils file in its own system: a BD-09 file read as WGS84 beside a right one is named, and nothing once it is read as BD-09', async () => {
    // The tiny pupils twice: as they are, and (ids prefixed) in BD-09.
    const renamed = (text: string) => text.replace(/^([^,\n]+),/gm, (m, id: string) => (id === 'id' ? m : `B${id},`));
    const right: ImportFile = { name: '西城.csv', bytes: utf8(tinyText('students.csv')), part: 'students' };
    const bd09: ImportFile = { name: '东城.csv', bytes: utf8(renamed(tinyStudentsIn('bd09'))), part: 'students' };
    const shiftedOf = async (files: ImportFile[]) => {
      const imported = await importDataset(tinyFiles(files));
      const loaded = readImportedDataset(imported, DEFAULT_RULES, 2024);
      expect(loaded.dataset.pupilFiles).toEqual(['西城.csv', '东城.csv']);
      return validateImported(imported, loaded, DEFAULT_RULES).items.filter((i) => i.kind === 'shiftedLayer');
    };
    expect(await shiftedOf([right, bd09])).toMatchObject([{ layer: 'pupils', file: '东城.csv', crs: 'bd09', readAs: 'wgs84' }]);
    expect(await shiftedOf([right, { ...bd09, crs: 'bd09' }])).toEqual([]);
  });
});

describe('mapping files', () => {
  const text = JSON.stringify({
    version: 1,
    parts: {
      catchments: { file: '学区.zip', level: '小学', columns: { school_name: 'XXMC', school_id: '' } },
      students: { file: '学生.csv', crs: 'BD09', columns: { id: '学籍号', grade: '年级' } },
      units: { crs: 'gcj02' },
    },
  });

  it('reads per part the columns, the coordinate system and a zones file’s level, and writes them back', () => {
    const choices = parseMappingFile('mapping.json', text);
    expect(choices).toEqual({
      catchments: { file: '学区.zip', level: 'primary', columns: { school_name: 'XXMC', school_id: '' } },
      students: { file: '学生.csv', crs: 'bd09', columns: { id: '学籍号', grade: '年级' } },
      units: { crs: 'gcj02' },
    });
    expect(parseMappingFile('m.json', formatMappingFile(choices))).toEqual(choices);
    expect(formatMappingFile({ units: { crs: 'gcj02' } })).toBe('{\n  "version": 1,\n  "parts": {\n    "units": {\n      "crs": "gcj02"\n    }\n  }\n}\n');
  });

  it('refuses unknown parts, keys and columns, and values of the wrong kind, naming them', () => {
    const bad = (json: unknown) => { try { parseMappingFile('m.json', JSON.stringify(json)); return ''; } catch (e) { return (e as DataError).message; } };
    expect(bad({ version: 1, parts: { pupils: {} } })).toBe('m.json: unknown key "pupils" in "parts" (known: schools, catchments, students, dataset, units, county, context, births, housing, intakePlan, history, roads, barriers)');
    expect(bad({ version: 1, parts: { students: { colums: {} } } })).toBe('m.json: unknown key "colums" in parts.students (known: file, crs, level, columns, swapLonLat)');
    expect(bad({ version: 1, parts: { students: { columns: { gradee: '年级' } } } })).toBe('m.json: unknown key "gradee" in parts.students.columns (known: id, lon, lat, grade, school_id, school_name, unit_id, address, name, level, status)');
    expect(bad({ version: 1, parts: { students: { level: 'primary' } } })).toBe('m.json: parts.students.level must be absent (only zones take a level), got "primary"');
    expect(bad({ version: 1, parts: { catchments: { level: '高中' } } })).toBe('m.json: parts.catchments.level must be primary, junior, got "高中"');
    expect(bad({ version: 2, parts: {} })).toBe('m.json: "version" must be 1, got 2');
    expect(bad({ version: 1, parts: { units: { crs: 'utm' } } })).toBe('m.json: unknown coordinate system "utm" (expected wgs84, gcj02 or bd09)');
  });
});
