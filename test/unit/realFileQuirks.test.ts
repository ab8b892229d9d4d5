// What real pupil and zone files do to ids and school names, found by a tryout on 样本县's files:
// each case counted pupils at the wrong school, or twice, without a word.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DEFAULT_RULES } from '../../src/core/rules';
import { describeDataProblem } from '../../src/core/dataProblems';
import { DataError } from '../../src/io/dataError';
import { isColumnNumbering, noteRowText } from '../../src/io/import/totalRows';
import { isTitleRow } from '../../src/io/import/table';
import { createSchoolCodeLookup, schoolCodeKey } from '../../src/core/schoolCodes';
import { createSchoolNameIndex, matchSchoolName } from '../../src/core/schoolNames';
import { detectFormat, importDataset, readImportedDataset, validateImported, type ImportFile } from '../../src/io/import';
import { readXlsxTable } from '../../src/io/import/xlsxTable';
import { emptyPupilFiles } from '../../src/io/import/validateImported';
import { describeValidationItem } from '../../src/core/validation';
import { readKml, readKmlFolders } from '../../src/io/import/kmlZones';
import { aliasList, coordinatePair, coordinateText, countText } from '../../src/io/import/valueNormalise';
import { zonesToContract } from '../../src/io/import/zonesGeoJson';
import { resolveZoneSchools } from '../../src/io/import/zoneSchools';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import proj4 from 'proj4';
import { unpackStrings } from '../../src/core/packedStrings';
import { excelRoundedForm, isPlaceholderId, isScientificId, looksRoundedByExcel, pupilIdKey } from '../../src/io/pupilIdKey';

const tiny = join(import.meta.dirname, '../fixtures/tiny');
const tinyFile = (name: string): ImportFile => ({ name, bytes: new Uint8Array(readFileSync(join(tiny, name))) });
const text = (name: string, body: string): ImportFile => ({ name, bytes: new TextEncoder().encode(body) });

/** The tiny county (P1 西小学, P2 东小学, J1 中学, X1 民办小学 private) with a pupil list. */
async function load(csv: string, zones: ImportFile = tinyFile('catchments.geojson')) {
  const { dataset } = readImportedDataset(await importDataset([tinyFile('schools.geojson'), zones, text('学生名单.csv', csv)]), DEFAULT_RULES, 2024);
  const p = dataset.pupils;
  const schoolOfLine = new Map(Array.from({ length: p.count }, (_, i) => [p.line[i], p.currentSchool[i] < 0 ? '' : dataset.schools[p.currentSchool[i]].id]));
  return { dataset, schoolOfLine };
}

describe('pupil ids as spreadsheets write them', () => {
  it('share one form however the same id is written', () => {
    const id = '370783201501011234';
    for (const written of [id, `'${id}`, `="${id}"`, `G${id}`, '３７０７８３２０１５０１０１１２３４', ` ${id} `]) expect(pupilIdKey(written)).toBe(id);
    // Not merged: another padding or a temporary L number may be another pupil's id.
    expect(pupilIdKey('0000000123')).toBe('0000000123');
    expect(pupilIdKey(`L${id}`)).toBe(`L${id}`);
    expect(pupilIdKey('G12345')).toBe('G12345');
    expect(pupilIdKey('a12')).toBe('a12');
    expect(pupilIdKey('37078320150101123x')).toBe('37078320150101123X');
    expect(isScientificId('3.70783E+17')).toBe(true);
    expect(isScientificId('370783201501011234')).toBe(false);
    expect(looksRoundedByExcel('370783201501011000')).toBe(true);
    expect(looksRoundedByExcel('370783201501011234')).toBe(false);
    expect(looksRoundedByExcel('123000')).toBe(false);
  });

  it('a pupil listed twice with the id written otherwise is loaded once; an id in scientific notation is refused by name', async () => {
    const id = '370783201501011234';
    const { dataset } = await load([
      'id,lon,lat,grade',
      `${id},118.002,36.002,1`,
      `'${id},118.002,36.002,1`,
      `G${id},118.002,36.002,1`,
      `="${id}",118.002,36.002,1`,
      '0000123,118.004,36.004,2',
      '123,118.004,36.004,2',
      '3.70783E+17,118.003,36.003,1',
    ].join('\n'));
    expect(dataset.pupils.count).toBe(3);
    expect(dataset.rejected.map((r) => [r.line, r.problem?.code])).toEqual([[3, 'duplicatePupilId'], [4, 'duplicatePupilId'], [5, 'duplicatePupilId'], [8, 'idScientific']]);
    expect(dataset.rejected[3].reason).toBe('id "3.70783E+17" is in scientific notation, as Excel writes a long number: its digits are lost; export the ids as text');
  });

  it('ids Excel rounded to 15 digits: pupils at other homes or grades are loaded with a warning, the same home and grade is one pupil', async () => {
    const { dataset } = await load([
      'id,lon,lat,grade',
      '370783201501011000,118.002,36.002,1',
      '370783201501011000,118.004,36.004,1',
      '370783201501011000,118.002,36.002,2',
      '370783201501011000,118.002,36.002,1',
      '370783201501011000,118.004,36.004,1',
    ].join('\n'));
    expect(dataset.pupils.count).toBe(3);
    expect(dataset.warnings.map((w) => [w.line, w.problem?.code])).toEqual([[3, 'pupilIdRounded'], [4, 'pupilIdRounded']]);
    // Each row is compared with every earlier one of its id: line 6 is line 3 again, not a fourth pupil.
    expect(dataset.rejected.map((r) => [r.line, r.problem?.params.n])).toEqual([[5, 2], [6, 3]]);
    expect(dataset.rejected[0].reason).toBe('id "370783201501011000" is also on line 2, which is loaded, at the same home and grade; this row is not. Its digits after the 15th are all 0, as Excel leaves an 18-digit number it rounded: export the ids as text to tell such pupils apart');
  });
});

describe('one pupil with the id in full in one file and as Excel rounded it in another', () => {
  const full = '370783201503151789';
  const rounded = '370783201503152000';

  it('rounds an id as Excel does: 15 digits, rounded at the 16th, then zeros', () => {
    expect(excelRoundedForm(full)).toBe(rounded);
    expect(excelRoundedForm('370783201503151234')).toBe('370783201503151000');
    expect(excelRoundedForm(rounded)).toBeUndefined();
    expect(excelRoundedForm('37078320150315123X')).toBeUndefined();
    expect(excelRoundedForm('123456')).toBeUndefined();
  });

  const twoFiles = async (first: string, second: string) => {
    const files = [tinyFile('schools.geojson'), tinyFile('catchments.geojson'), text('学生名单.csv', first), text('学生名单_补录.csv', second)];
    return readImportedDataset(await importDataset(files), DEFAULT_RULES, 2024).dataset;
  };

  it('is loaded once, in either order, when both rows are at one home (a few metres apart) and grade', async () => {
    // 118.00203 is 2.7 m east of 118.002: one address converted from two coordinate systems.
    const main = ['学籍号,经度,纬度,年级', `${full},118.002,36.002,1`, 'other,118.003,36.003,1'].join('\n');
    const supplement = ['学籍号,经度,纬度,年级', `${rounded},118.00203,36.002,1`, `${rounded},118.004,36.004,1`, `${rounded},118.002,36.002,2`].join('\n');
    for (const [a, b, loadedId] of [[main, supplement, full], [supplement, main, rounded]]) {
      const dataset = await twoFiles(a, b);
      expect(dataset.pupils.count).toBe(4);
      expect(dataset.rejected.map((r) => [r.file, r.problem?.code, r.problem?.params.value, r.problem?.params.got])).toEqual([['学生名单_补录.csv', 'duplicatePupilIdExcelIn', '学生名单.csv', loadedId]]);
    }
    const dataset = await twoFiles(main, supplement);
    expect(dataset.rejected[0].reason).toBe(`id "${rounded}" and id "${full}" on line 2 of 学生名单.csv, which is loaded, are one id as Excel leaves an 18-digit number it rounds to 15 digits, at the same home and grade: the same pupil, not loaded twice; export the ids as text`);
  });

  it('a row rejected in one file whose pupil another row loads says that pupil is counted, in either order; a repeat rejected as such does not', async () => {
    const main = ['学籍号,经度,纬度,年级', 'S1,0,0,1', 'S2,118.002,36.002,1', 'S3,118.003,36.003,十'].join('\n');
    const supplement = ['学籍号,经度,纬度,年级', 'S1,118.001,36.001,1', 'S2,118.002,36.002,1', 'S3,118.003,36.003,2'].join('\n');
    for (const [a, b] of [[main, supplement], [supplement, main]]) {
      const dataset = await twoFiles(a, b);
      // Loaded: S1 and S3 from the supplement, S2 from the first file that lists it; the other S2 is a repeat.
      expect(dataset.pupils.count).toBe(3);
      const said = dataset.warnings.filter((w) => w.problem?.code === 'rejectedPupilLoaded').map((w) => [w.file, w.line, w.problem!.params.id, w.problem!.params.value, w.problem!.params.n]);
      const [mainFile, otherFile] = a === main ? ['学生名单.csv', '学生名单_补录.csv'] : ['学生名单_补录.csv', '学生名单.csv'];
      expect(said).toEqual([[mainFile, 2, 'S1', otherFile, 2], [mainFile, 4, 'S3', otherFile, 4]]);
      expect(dataset.rejected.map((r) => r.problem?.code).sort()).toEqual(['badGrade', 'duplicatePupilIdIn', 'zeroLonLat']);
    }
    const dataset = await twoFiles(main, supplement);
    expect(dataset.warnings.find((w) => w.problem?.code === 'rejectedPupilLoaded')!.reason).toBe('this row is not loaded, but the same id "S1" is loaded from line 2 of 学生名单_补录.csv: that pupil is counted');
  });

  it('placeholder ids (无, 待分配, -) are refused as no id, named, never as one pupil listed twice', async () => {
    const csv = ['学籍号,经度,纬度,年级', '无,118.002,36.002,1', '无,118.003,36.003,2', '待分配,118.004,36.004,1', ' - ,118.005,36.005,1', '０,118.006,36.006,1', 'S1,118.007,36.007,1'].join('\n');
    const dataset = await twoFiles(csv, '学籍号,经度,纬度,年级\n无,118.012,36.002,1\n');
    expect(dataset.pupils.count).toBe(1);
    expect(dataset.rejected.map((r) => [r.file, r.line, r.problem?.code, r.problem?.params.id])).toEqual([
      ['学生名单.csv', 2, 'placeholderId', '无'], ['学生名单.csv', 3, 'placeholderId', '无'], ['学生名单.csv', 4, 'placeholderId', '待分配'],
      ['学生名单.csv', 5, 'placeholderId', '-'], ['学生名单.csv', 6, 'placeholderId', '０'], ['学生名单_补录.csv', 2, 'placeholderId', '无'],
    ]);
    expect(['无学籍号', 'N/A', '#N/A', '——', '0000'].every(isPlaceholderId)).toBe(true);
    expect(['S1', '370783201503151789', 'G370783201503151789', '无锡1'].some(isPlaceholderId)).toBe(false);
  });

  it('finds every pupil of a whole supplement Excel rounded, looked up one by one and then by an index alike', async () => {
    // 1,200 pupils: the first 1,000 rounded ids are looked up candidate by candidate, the others in an index.
    const pupils = Array.from({ length: 1200 }, (_, i) => ({ id: `37078320150${100_000 + i * 37}${(i % 9) + 1}`, lon: 118.001 + (i % 40) * 0.0005, lat: 36.001 + Math.floor(i / 40) * 0.0003 }));
    const main = ['学籍号,经度,纬度,年级', ...pupils.map((p) => `${p.id},${p.lon},${p.lat},1`)].join('\n');
    const supplement = ['学籍号,经度,纬度,年级', ...pupils.map((p) => `${excelRoundedForm(p.id)},${p.lon},${p.lat},1`)].join('\n');
    const dataset = await twoFiles(main, supplement);
    expect(dataset.pupils.count).toBe(1200);
    expect(dataset.rejected.length).toBe(1200);
    expect(new Set(dataset.rejected.map((r) => r.problem?.code))).toEqual(new Set(['duplicatePupilIdExcelIn']));
  });

  it('are two pupils in a file of ids in full, where an id ending in 000 is a true id (about one in a thousand)', async () => {
    const csv = ['学籍号,经度,纬度,年级', `${full},118.002,36.002,1`, '370783201503150011,118.003,36.003,1', '370783201503150027,118.004,36.004,1', `${rounded},118.002,36.002,1`].join('\n');
    const { dataset } = await load(csv);
    expect(dataset.pupils.count).toBe(4);
    expect(dataset.rejected).toEqual([]);
  });

  it('are two pupils under two names (twins), or at homes more than 30 m apart', async () => {
    const main = ['学籍号,姓名,经度,纬度,年级', `${full},张三,118.002,36.002,1`, `${full.slice(0, -1)}8,王五,118.005,36.005,1`].join('\n');
    const supplement = ['学籍号,姓名,经度,纬度,年级', `${rounded},李四,118.002,36.002,1`, `${rounded},王五,118.0054,36.005,1`].join('\n');
    const dataset = await twoFiles(main, supplement);
    expect(dataset.pupils.count).toBe(4);
    expect(dataset.rejected).toEqual([]);
  });
});

describe('twins', () => {
  it('two pupils of one Excel-rounded id at one home and grade are told apart by their names', async () => {
    const { dataset } = await load([
      '学籍号,姓名,经度,纬度,年级',
      '370783201501011000,张三,118.002,36.002,1',
      '370783201501011000,李四,118.002,36.002,1',
      '370783201501011000,张三,118.002,36.002,1',
    ].join('\n'));
    expect(dataset.pupils.count).toBe(2);
    expect(dataset.warnings.map((w) => [w.line, w.problem?.code])).toEqual([[3, 'pupilIdRounded']]);
    expect(dataset.rejected.map((r) => [r.line, r.problem?.code, r.problem?.params.n])).toEqual([[4, 'duplicatePupilIdRounded', 2]]);
  });
});

describe('school codes and names as files write them', () => {
  it('a registry export whose school column holds names (就读学校, 在读学校) puts the private school\'s pupils at it (they were zoned by home, without a word)', async () => {
    for (const column of ['就读学校', '在读学校']) {
      const { dataset, schoolOfLine } = await load([`学籍号,经度,纬度,年级,${column}`, 'x1,118.003,36.003,1,民办小学', 'x2,118.004,36.004,2,东小学', 'x3,118.005,36.004,2,'].join('\n'));
      expect([...schoolOfLine].sort((a, b) => a[0] - b[0]), column).toEqual([[2, 'X1'], [3, 'P2'], [4, '']]);
      expect(dataset.warnings, column).toEqual([]);
    }
  });

  it('a school column in traditional characters (民辦小學) puts the private school\'s pupils at it, as the same names in simplified ones (they were zoned by home, with a remark)', async () => {
    const { dataset, schoolOfLine } = await load(['学籍号,经度,纬度,年级,就读学校', 'x1,118.003,36.003,1,民辦小學', 'x2,118.004,36.004,2,東小學', 'x3,118.005,36.004,2,民辦小學（民辦）'].join('\n'));
    expect([...schoolOfLine].sort((a, b) => a[0] - b[0])).toEqual([[2, 'X1'], [3, 'P2'], [4, 'X1']]);
    expect(dataset.warnings).toEqual([]);
  });

  it('a schools table with a 曾用名 column: pupil rows and KML zones naming a school by its old name find it (a private school\'s pupils were zoned by home)', async () => {
    const schools = ['学校代码,学校名称,学段,办学性质,经度,纬度,曾用名', 'P1,西小学,小学,公办,118.005,36.005,西关小学', 'P2,东小学,小学,公办,118.015,36.005,', 'J1,中学,初中,公办,118.01,36.015,', 'X1,民办小学,小学,民办,118.012,36.012,育英小学、育英学校'].join('\n');
    const ring = (x0: number, x1: number) => `${x0},36 ${x1},36 ${x1},36.02 ${x0},36.02 ${x0},36`;
    const placemark = (name: string, x0: number, x1: number) => `<Placemark><name>${name}</name><ExtendedData><Data name="学段"><value>小学</value></Data></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(x0, x1)}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemark('西关小学', 118, 118.01)}${placemark('东小学', 118.01, 118.02)}</Document></kml>`;
    const csv = ['学籍号,经度,纬度,年级,就读学校', 'x1,118.003,36.003,1,育英小学', 'x2,118.004,36.004,2,育英学校', 'x3,118.015,36.004,2,东小学', 'x4,118.003,36.004,3,西关小学'].join('\n');
    const imported = await importDataset([text('学校.csv', schools), text('片区.kml', kml), text('学生名单.csv', csv)]);
    const zones = JSON.parse(imported.texts['catchments.geojson']!) as GeoJSON.FeatureCollection;
    expect(zones.features.map((z) => z.properties?.school_id)).toEqual(['P1', 'P2']);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    const p = dataset.pupils;
    expect(Array.from({ length: p.count }, (_, i) => [p.line[i], dataset.schools[p.currentSchool[i]]?.id ?? '']).sort((a, b) => +a[0] - +b[0])).toEqual([[2, 'X1'], [3, 'X1'], [4, 'P2'], [5, 'P1']]);
    expect(dataset.warnings).toEqual([]);
  });

  it('a school\'s current name wins over another school\'s old name, in any form; an old name two schools had finds neither; 无 is no old name', () => {
    const index = createSchoolNameIndex(['寿光市第一中学', '寿光市实验中学', '西小学', '东小学'], undefined, [[], ['寿光一中', '一中'], ['无', '同上', '小学'], ['南关小学', '无']]);
    // 寿光一中 is 第一中学's short form: the old name of 实验中学 written the same way must not take its pupils.
    expect(matchSchoolName('寿光一中', index)).toEqual({ school: 0 });
    expect(matchSchoolName('寿光市第一中学', index)).toEqual({ school: 0 });
    expect(matchSchoolName('南关小学', index)).toEqual({ school: 3 });
    expect(matchSchoolName('无', index)).toEqual({ none: true });
    expect(matchSchoolName('小学', index)).toEqual({ none: true });
    // One cell may hold several, as Excel keeps them: on lines of their own, or with a slash.
    expect(aliasList('城关一小\n城关镇中心小学/老城小学')).toEqual(['城关一小', '城关镇中心小学', '老城小学']);
    const shared = createSchoolNameIndex(['西小学', '东小学'], undefined, [['城关小学'], ['城关小学']]);
    expect(matchSchoolName('城关小学', shared)).toEqual({ ambiguous: [0, 1] });
  });

  it('a pupil row naming a nine-year school whose sections are listed apart goes to the section teaching its grade (it was left without a school)', async () => {
    const schools = JSON.parse(readFileSync(join(tiny, 'schools.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    for (const f of schools.features) if (f.properties.id === 'P2') f.properties.name = '东关学校小学部';
    for (const f of schools.features) if (f.properties.id === 'J1') f.properties.name = '东关学校初中部';
    const csv = '学籍号,经度,纬度,年级,学校名称\nd1,118.015,36.005,一年级,东关学校\nd2,118.015,36.005,初一,东关学校\nd3,118.015,36.005,八年级,东关学校\nd4,118.015,36.005,六年级,东关学校小学部\nd5,118.015,36.005,二年级,东关小学\n';
    const imported = await importDataset([text('schools.geojson', JSON.stringify(schools)), tinyFile('catchments.geojson'), text('学生名单.csv', csv)]);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    const p = dataset.pupils;
    const schoolOf = new Map(Array.from({ length: p.count }, (_, i) => [p.line[i], p.currentSchool[i] < 0 ? '' : dataset.schools[p.currentSchool[i]].id]));
    expect([2, 3, 4, 5].map((line) => schoolOf.get(line))).toEqual(['P2', 'J1', 'J1', 'P2']);
    // A name fitting neither section is still said, not guessed.
    expect(schoolOf.get(6)).toBe('');
    expect(dataset.warnings.map((w) => [w.line, w.reason])).toEqual([[6, 'school name "东关小学" is not in the schools file; zoned as usual (a former name can be listed in the schools file\'s 曾用名 column)']]);
  });

  it('finds a code written in full-width digits or without its leading zeros, never one of two', () => {
    const find = createSchoolCodeLookup(['0137990101', '0137990102', 'P1', '01', '1']);
    expect(find('0137990101')).toBe(0);
    expect(find('137990101')).toBe(0);
    expect(find('０１３７９９０１０２')).toBe(1);
    expect(find('Ｐ１')).toBe(2);
    expect(find('001')).toBe(-1);
    expect(find('1')).toBe(4);
    expect(find('137990103')).toBe(-1);
    expect(schoolCodeKey(' 0042 ')).toBe('42');
  });

  it('matches a name with a remark in brackets or a zone word after it, dropping one at a time, and says so', () => {
    const names = ['样本县育才学校', '样本县第一中学', '东关学校', '第一小学', '第一小学（东校区）'];
    expect(matchSchoolName('样本县育才学校（民办）', names)).toEqual({ school: 0, shortened: '样本县育才学校' });
    expect(matchSchoolName('样本县第一中学招生片区', names)).toEqual({ school: 1, shortened: '样本县第一中学' });
    expect(matchSchoolName('样本一中学区', names)).toEqual({ school: 1, shortened: '样本一中' });
    expect(matchSchoolName('东关学校(东片)', names)).toEqual({ school: 2, shortened: '东关学校' });
    expect(matchSchoolName('样本县育才中学', names)).toEqual({ none: true });
    // The campus's own zone is the campus's: the remark is dropped only when nothing matched with it.
    expect(matchSchoolName('第一小学（东校区）学区', names)).toEqual({ school: 4, shortened: '第一小学（东校区）' });
    expect(matchSchoolName('第一小学学区', names)).toEqual({ school: 3, shortened: '第一小学' });
    expect(matchSchoolName('第一小学（东校区）', names)).toEqual({ school: 4 });
    // A campus written without brackets: the campus when the schools file has it, else the school, said (334 rows were a school not in the file).
    expect(matchSchoolName('第一小学东校区', names)).toEqual({ school: 4 });
    expect(matchSchoolName('第一小学西校区', names)).toEqual({ school: 3, shortened: '第一小学' });
    expect(matchSchoolName('样本县第一中学二校区', names)).toEqual({ school: 1, shortened: '样本县第一中学' });
    expect(matchSchoolName('东关学校本部', names)).toEqual({ school: 2, shortened: '东关学校' });
  });

  it('matches a name against the schools’ names without their remarks when nothing else matched; two campuses stay ambiguous', () => {
    // The schools file writes 样本县育才学校（民办）, the pupils’ file 样本县育才学校 (its 25 pupils were zoned at public schools).
    const names = ['样本县育才学校（民办）', '第二小学（东校区）', '第二小学（西校区）', '第三小学', '第三小学（分校）'];
    expect(matchSchoolName('样本县育才学校', names)).toEqual({ school: 0, shortened: '样本县育才学校' });
    expect(matchSchoolName('第二小学', names)).toEqual({ ambiguous: [1, 2], shortened: '第二小学' });
    expect(matchSchoolName('第三小学', names)).toEqual({ school: 3 });
    expect(matchSchoolName('第四小学', names)).toEqual({ none: true });
  });

  it('a pupil row: a code no school has beside a name that names one takes the name’s school, with a warning; a full-width code is the school’s', async () => {
    const { dataset, schoolOfLine } = await load(['学籍号,经度,纬度,年级,学校代码,学校名称', 's1,118.012,36.002,1,P9,东小学', 's2,118.002,36.002,1,Ｐ１,', 's3,118.003,36.003,1,,民办小学（民办）'].join('\n'));
    expect([...schoolOfLine].sort((a, b) => a[0] - b[0])).toEqual([[2, 'P2'], [3, 'P1'], [4, 'X1']]);
    expect(dataset.warnings.map((w) => [w.line, w.reason])).toEqual([
      [2, 'school_id "P9" is not in the schools file, but the school name "东小学" is 东小学 (P2); that school used'],
      [4, 'school name "民办小学（民办）" is not in the schools file as written; the two names differ only by a remark after one of them, as in （民办） or （东校区）: it is 民办小学 (X1), that school used'],
    ]);
  });

  it('rows without a school below a private school’s rows are loaded with a warning that names the school', async () => {
    const { dataset, schoolOfLine } = await load([
      '学籍号,经度,纬度,年级,学校名称',
      'x1,118.003,36.003,1,民办小学',
      'x2,118.004,36.004,1,',
      'x3,118.005,36.004,2,',
      'p1,118.002,36.002,1,西小学',
      'p2,118.003,36.002,1,',
    ].join('\n'));
    expect(schoolOfLine.get(2)).toBe('X1');
    expect(dataset.warnings.map((w) => [w.line, w.problem?.code])).toEqual([[3, 'schoolBlankBelowPrivate'], [4, 'schoolBlankBelowPrivate']]);
    expect(dataset.warnings[0].reason).toContain('no school, below rows of the private school 民办小学');
  });

  it('a zones file writing a school code in full-width digits is read as the schools file writes it (it stopped the load)', async () => {
    const zones = JSON.parse(readFileSync(join(tiny, 'catchments.geojson'), 'utf8')) as { features: { properties: Record<string, string> }[] };
    zones.features[0].properties.school_id = 'Ｐ１';
    const { dataset } = await load('id,lon,lat,grade\na1,118.002,36.002,1\n', text('catchments.geojson', JSON.stringify(zones)));
    expect([...dataset.zones.primary.zoneSchool].map((s) => dataset.schools[s].id)).toEqual(['P1', 'P2']);
  });
});

describe('files as they are saved', () => {
  it('reads a zipped Shapefile zipped again (片区.zip inside 片区.zip) as the one inside ("the zip holds no Shapefile")', async () => {
    const JSZip = (await import('jszip')).default;
    const inner = readFileSync(join(import.meta.dirname, '../fixtures/corpus/files/片区-gbk.zip'));
    const outer = new JSZip();
    outer.file('片区.zip', inner);
    const csv = readFileSync(join(tiny, 'students.csv'), 'utf8');
    const zonesOf = ({ dataset }: Awaited<ReturnType<typeof load>>) => ({ primary: [...dataset.zoneState.zones.primary.keys()], junior: [...dataset.zoneState.zones.junior.keys()], pupils: dataset.pupils.count });
    const nested = zonesOf(await load(csv, { name: '片区.zip', bytes: await outer.generateAsync({ type: 'uint8array' }) }));
    expect(nested).toEqual(zonesOf(await load(csv)));
    expect(nested.primary.length).toBe(2);
  });

  it('reads an OpenDocument spreadsheet, a WPS .et and an .xlsx whose rows and cells carry no r="…" reference (each was refused)', async () => {
    const XLSX = await import('@e965/xlsx');
    const JSZip = (await import('jszip')).default;
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['学籍号', '年级'], ['G1', '一年级'], ['G2', '初一']]), '学生');
    const xlsx = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const zip = await JSZip.loadAsync(xlsx);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', sheet.replace(/ r="[A-Z]*\d+"/g, ''));
    const files: [string, Uint8Array][] = [
      ['学生名单.ods', new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'ods' }) as ArrayBuffer)],
      ['学生名单.et', xlsx],
      ['学生名单.xlsx', await zip.generateAsync({ type: 'uint8array' })],
    ];
    for (const [name, bytes] of files) {
      expect(detectFormat(name, bytes), name).toBe('xlsx');
      const table = await readXlsxTable(name, bytes);
      const rows: string[][] = [];
      table.forEachRow((values) => rows.push(values));
      expect({ header: table.header, rows }, name).toEqual({ header: ['学籍号', '年级'], rows: [['G1', '一年级'], ['G2', '初一']] });
    }
  });

  it('reads an Excel 97 workbook, an XML Spreadsheet 2003 and an Excel 2.x worksheet saved as .xls as the same table: Chinese text, and a date cell as yyyy-mm-dd (the Excel 2.x one was refused as binary text)', async () => {
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['学籍号', '年级', '入学日期'], ['G1', '一年级', new Date(Date.UTC(2024, 8, 1))]], { cellDates: true }), '学生');
    for (const bookType of ['biff8', 'xlml'] as const) {
      const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
      expect(detectFormat('学生名单.xls', bytes)).toBe('xlsx');
      const table = await readXlsxTable('学生名单.xls', bytes);
      const rows: string[][] = [];
      table.forEachRow((values) => rows.push(values));
      expect({ header: table.header, rows, sheet: table.sheet }, bookType).toEqual({ header: ['学籍号', '年级', '入学日期'], rows: [['G1', '一年级', '2024-09-01']], sheet: '学生' });
    }
    // SheetJS writes Excel 2.x without Chinese text (its writer's limit, not its reader's): a Latin header.
    const old = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(old, XLSX.utils.aoa_to_sheet([['id', 'grade', 'entered'], ['G1', '1', new Date(Date.UTC(2024, 8, 1))]], { cellDates: true }), 'Sheet1');
    const biff2 = new Uint8Array(XLSX.write(old, { type: 'array', bookType: 'biff2' }) as ArrayBuffer);
    expect(detectFormat('学生名单.xls', biff2)).toBe('xlsx');
    const table = await readXlsxTable('学生名单.xls', biff2);
    const rows: string[][] = [];
    table.forEachRow((values) => rows.push(values));
    expect({ header: table.header, rows }).toEqual({ header: ['id', 'grade', 'entered'], rows: [['G1', '1', '2024-09-01']] });
  });

  it('reads an .xls file for what it holds: a workbook (old, renamed .xlsx, web page) as one, text as a table; a compound file is a workbook whatever its name', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(detectFormat('学生名单.xls', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('xlsx');
    expect(detectFormat('学生名单.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe('xlsx');
    expect(detectFormat('学生名单.xls', text('\r\n  <html><table>'))).toBe('xlsx');
    expect(detectFormat('学生名单.xls', text('学籍号\t姓名\r\n'))).toBe('csv');
    expect(detectFormat('学生名单.csv', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe('xlsx');
  });

  it('a KML placemark holding its area and a label point keeps the area (it stopped the load)', () => {
    const ring = '118,36 118.01,36 118.01,36.01 118,36.01 118,36';
    const text = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>西小学</name><MultiGeometry><Point><coordinates>118.005,36.005</coordinates></Point><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry></Placemark></Document></kml>`;
    const [f] = readKml('片区.kml', text);
    expect(f.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[[[118, 36], [118.01, 36], [118.01, 36.01], [118, 36.01], [118, 36]]]] });
    expect(f.properties?.name).toBe('西小学');
  });

  it('reads a KMZ (a zipped KML, as Google Earth and 奥维地图 save it) as its doc.kml; a zip holding no KML is named', async () => {
    const ring = '118,36 118.01,36 118.01,36.02 118,36.02 118,36';
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>西小学</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
    const zip = new JSZip();
    zip.file('doc.kml', kml);
    zip.file('files/icon.png', new Uint8Array([137, 80, 78, 71]));
    const kmz: ImportFile = { name: '小学片区.kmz', bytes: new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })), level: 'primary' };
    expect(detectFormat(kmz.name, kmz.bytes)).toBe('kml');
    const imported = await importDataset([tinyFile('schools.geojson'), kmz, text('学生名单.csv', 'id,lon,lat,grade\ns1,118.002,36.002,1')]);
    const zones = JSON.parse(imported.texts['catchments.geojson']!) as GeoJSON.FeatureCollection;
    expect(zones.features.map((f) => [f.properties?.school_id, f.properties?.level])).toEqual([['P1', 'primary']]);
    const empty = new JSZip();
    empty.file('readme.txt', 'no map here');
    const noKml: ImportFile = { name: '片区.kmz', bytes: new Uint8Array(await empty.generateAsync({ type: 'uint8array' })) };
    await expect(importDataset([tinyFile('schools.geojson'), noKml, text('学生名单.csv', 'id,lon,lat,grade\ns1,118.002,36.002,1')])).rejects.toThrow('片区.kmz: a KMZ file that holds no .kml file');
  });

  it('reads the fields of a placemark’s description table (ArcGIS’s Layer to KML: the name is the feature number), keeping its own properties', async () => {
    const table = (code: string, name: string) => `<![CDATA[<html><body><table border="1"><tr><th colspan="2">${name}</th></tr><tr bgcolor="#D4E4F3"><td>学校代码</td>\n<td>${code}</td></tr><tr><td>学校名称</td><td>${name} &amp; <b>校区</b></td></tr><tr><td>学段</td><td>小学</td></tr></table></body></html>]]>`;
    const ring = (x0: number, x1: number) => `${x0},36 ${x1},36 ${x1},36.02 ${x0},36.02 ${x0},36`;
    const placemark = (n: number, code: string, name: string, x0: number, x1: number) => `<Placemark id="ID_${n}"><name>${n}</name><description>${table(code, name)}</description><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(x0, x1)}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>xx_pq</name>${placemark(0, 'P1', '西小学', 118, 118.01)}${placemark(1, 'P2', '东小学', 118.01, 118.02)}</Folder></Document></kml>`;
    const [f] = readKml('片区.kml', kml);
    expect([f.properties?.name, f.properties?.学校代码, f.properties?.学校名称, f.properties?.学段]).toEqual(['0', 'P1', '西小学 & 校区', '小学']);
    const imported = await importDataset([tinyFile('schools.geojson'), text('片区.kml', kml), text('学生名单.csv', 'id,lon,lat,grade\ns1,118.002,36.002,1')]);
    const zones = JSON.parse(imported.texts['catchments.geojson']!) as GeoJSON.FeatureCollection;
    expect(zones.features.map((z) => [z.properties?.school_id, z.properties?.level])).toEqual([['P1', 'primary'], ['P2', 'primary']]);
  });

  it('a KML whose placemarks name their schools in traditional characters (西小學, 東小學) finds the schools (the load stopped: names no school)', async () => {
    const ring = (x0: number, x1: number) => `${x0},36 ${x1},36 ${x1},36.02 ${x0},36.02 ${x0},36`;
    const placemark = (name: string, x0: number, x1: number) => `<Placemark><name>${name}</name><ExtendedData><Data name="学段"><value>小学</value></Data></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(x0, x1)}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemark('西小學', 118, 118.01)}${placemark('東小學', 118.01, 118.02)}</Document></kml>`;
    const imported = await importDataset([tinyFile('schools.geojson'), text('片区.kml', kml), text('学生名单.csv', 'id,lon,lat,grade\ns1,118.002,36.002,1')]);
    const zones = JSON.parse(imported.texts['catchments.geojson']!) as GeoJSON.FeatureCollection;
    expect(zones.features.map((z) => [z.properties?.school_id, z.properties?.level])).toEqual([['P1', 'primary'], ['P2', 'primary']]);
  });

  it('reads the latest year\'s folder of a KML that keeps last year\'s zones beside this year\'s, naming the other (both were joined: 51 pupils moved)', async () => {
    const ring = (x0: number, x1: number) => `${x0},36 ${x1},36 ${x1},36.02 ${x0},36.02 ${x0},36`;
    const placemark = (code: string, x0: number, x1: number) => `<Placemark><name>${code}</name><ExtendedData><Data name="学校代码"><value>${code}</value></Data><Data name="学段"><value>小学</value></Data></ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(x0, x1)}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
    const folder = (name: string, split: number) => `<Folder><name>${name}</name>${placemark('P1', 118, split)}${placemark('P2', split, 118.02)}</Folder>`;
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${folder('2023年', 118.012)}${folder('2024年', 118.01)}</Document></kml>`;
    const imported = await importDataset([tinyFile('schools.geojson'), text('片区.kml', kml), text('学生名单.csv', 'id,lon,lat,grade\ns1,118.002,36.002,1')]);
    const zones = JSON.parse(imported.texts['catchments.geojson']!) as GeoJSON.FeatureCollection;
    expect(zones.features.map((z) => [z.properties?.school_id, (z.geometry as GeoJSON.Polygon).coordinates[0][1][0]])).toEqual([['P1', 118.01], ['P2', 118.02]]);
    expect(imported.notUsed.map((f) => [f.file, f.problem.code, f.problem.params])).toEqual([['片区.kml [2023年]', 'kmlFolderOlderYear', { got: '2023年', value: '2024年', n: 2 }]]);
    // Folders that state no year, or one year, are all read.
    expect(readKmlFolders('片区.kml', kml.replace('2023年', '城区')).leftOut).toEqual([]);
  });

  it('names a property missing from a zone by the file’s own column (a blank leftover record was named by the internal "school_id")', async () => {
    const square = (x0: number, x1: number) => ({ type: 'Polygon', coordinates: [[[x0, 36], [x1, 36], [x1, 36.02], [x0, 36.02], [x0, 36]]] });
    const zones = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { XXDM: 'P1', XD: '小学' }, geometry: square(118, 118.01) },
      { type: 'Feature', properties: { XXDM: 'P2', XD: '小学' }, geometry: square(118.01, 118.02) },
      { type: 'Feature', properties: { XXDM: '', XD: '' }, geometry: square(118.02, 118.021) },
    ] };
    const file: ImportFile = { ...text('片区.geojson', JSON.stringify(zones)), part: 'catchments', mapping: { school_id: 'XXDM', level: 'XD' } };
    await expect(importDataset([tinyFile('schools.geojson'), file, text('学生名单.csv', 'id,lon,lat,grade\ns1,118.002,36.002,1')]).then((i) => readImportedDataset(i, DEFAULT_RULES, 2024)))
      .rejects.toThrow('片区.geojson: feature 3: missing "XXDM"');
  });

  it('reads KML positions written with spaces after their commas (the load stopped: "must be a Polygon")', () => {
    const ring = '118, 36, 0 118.01 ,36, 0\n 118.01,  36.01,0 118, 36.01, 0 118, 36, 0';
    const text = `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>西小学</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
    const [f] = readKml('片区.kml', text);
    expect(f.geometry).toEqual({ type: 'Polygon', coordinates: [[[118, 36, 0], [118.01, 36, 0], [118.01, 36.01, 0], [118, 36.01, 0], [118, 36, 0]]] });
  });
});

describe('coordinates as people write them', () => {
  it('reads degrees-minutes-seconds and full-width digits as decimal degrees; leaves other text for the reader to reject', () => {
    expect(coordinateText('118°44\'4.57"')).toBe(String(Math.round((118 + 44 / 60 + 4.57 / 3600) * 1e7) / 1e7));
    expect(coordinateText('E118°44′4.57″')).toBe(coordinateText('118°44\'4.57"'));
    expect(coordinateText('118度44分4.57秒')).toBe(coordinateText('118°44\'4.57"'));
    expect(coordinateText('36°54.5\'N')).toBe('36.9083333');
    expect(coordinateText('W0°30\'')).toBe('-0.5');
    expect(coordinateText('118°46\'60.00"')).toBe(String(Math.round((118 + 47 / 60) * 1e7) / 1e7));
    expect(coordinateText('１１８．７２５')).toBe('118.725');
    expect(coordinateText('118.7O5')).toBe('118.7O5');
    expect(coordinateText('118°61\'')).toBe('118°61\'');
    expect(coordinatePair('118.7253,36.8821')).toEqual(['118.7253', '36.8821']);
    expect(coordinatePair('118.7253， 36.8821')).toEqual(['118.7253', '36.8821']);
    expect(coordinatePair('118.7253')).toEqual(['118.7253', '118.7253']);
    // 东经 and 北纬 before the degrees (1,226 rows rejected), and latitude first with its letters (each row
    // remarked on as read swapped although the letters say which is which).
    expect(coordinateText('东经118°43′20″')).toBe(coordinateText('E118°43\'20"'));
    expect(coordinateText('北纬 36°54.5′')).toBe('36.9083333');
    expect(coordinateText('南纬36.5')).toBe('-36.5');
    expect(coordinatePair('N36.909087,E118.722320')).toEqual(['118.72232', '36.909087']);
    expect(coordinatePair('北纬36.9 东经118.7')).toEqual(['118.7', '36.9']);
    expect(coordinatePair('E118.7,N36.9')).toEqual(['118.7', '36.9']);
    // The apostrophe typed to keep a number as text (the load rejected every such row).
    expect(coordinateText("'118.75")).toBe('118.75');
    expect(coordinateText('‘36.9')).toBe('36.9');
  });

  it('a pupils file with one 经纬度 column: both read from it', async () => {
    const { dataset, schoolOfLine } = await load('学籍号,年级,经纬度\ns1,一年级,"118.012,36.002"\ns2,二年级,118°0\'7.2" 36°0\'7.2"\ns3,一年级,118.012\n');
    expect([...dataset.pupils.x].sort()).toEqual([118.002, 118.012]);
    expect([...dataset.pupils.y]).toEqual([36.002, 36.002]);
    expect(schoolOfLine.size).toBe(2);
    expect(dataset.rejected.map((r) => r.line)).toEqual([4]);
  });

  it('a pupil row with its two numbers the other way round is read swapped, before its file’s GCJ-02 is converted', async () => {
    const [x, y] = gcoord.transform([118.002, 36.002], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const { dataset } = readImportedDataset(await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), text('学生名单-高德坐标.csv', `学籍号,年级,经度,纬度\ns1,一年级,${y},${x}\n`)]), DEFAULT_RULES, 2024);
    expect(dataset.pupils.x[0]).toBeCloseTo(118.002, 6);
    expect(dataset.pupils.y[0]).toBeCloseTo(36.002, 6);
    expect(dataset.warnings.map((w) => w.problem?.code)).toEqual(['lonLatSwappedRow']);
  });
});

describe('a school or compound row with longitude and latitude the other way round', () => {
  const schoolsCsv = (rows: string[]) => text('学校_gcj02.csv', ['学校代码,学校名称,学段,办学性质,经度,纬度', ...rows].join('\n'));
  const unitsCsv = (rows: string[]) => text('小区名录_gcj02.csv', ['编号,小区名称,经度,纬度', ...rows].join('\n'));
  const readWith = async (schoolRows: string[], unitRows: string[]) => {
    const files = [schoolsCsv(schoolRows), tinyFile('catchments.geojson'), unitsCsv(unitRows), text('学生名单.csv', ['学籍号,经度,纬度,年级', 's1,118.004,36.004,1', 's2,118.016,36.006,1'].join('\n'))];
    const imported = await importDataset(files);
    const unitPlaces = (JSON.parse(imported.texts['units.geojson']!) as { features: { geometry: { coordinates: number[] } }[] }).features.map((f) => f.geometry.coordinates);
    return { ...readImportedDataset(imported, DEFAULT_RULES, 2024).dataset, unitPlaces };
  };
  const schools = ['P1,西小学,小学,公办,118.005,36.005', 'P2,东小学,小学,公办,118.015,36.005', 'J1,中学,初中,公办,118.01,36.015'];
  const units = ['U1,东苑,118.016,36.006', 'U2,西苑,118.004,36.004'];

  it('is read swapped, before its file’s GCJ-02 is converted, and loaded with a remark naming the row (the load stopped)', async () => {
    const right = await readWith(schools, units);
    const swapped = await readWith([schools[0], 'P2,东小学,小学,公办,36.005,118.015', schools[2]], [units[0], 'U2,西苑,36.004,118.004']);
    expect(swapped.schools.map((s) => [s.id, s.lon, s.lat])).toEqual(right.schools.map((s) => [s.id, s.lon, s.lat]));
    expect(swapped.unitPlaces).toEqual(right.unitPlaces);
    expect(right.unitPlaces[0][0]).not.toBe(118.016);
    expect(right.warnings).toEqual([]);
    expect(swapped.warnings.map((w) => [w.file, w.line, w.problem?.code])).toEqual([['学校_gcj02.csv', 3, 'lonLatSwappedRow'], ['小区名录_gcj02.csv', 3, 'lonLatSwappedRow']]);
    expect(swapped.warnings[0].reason).toBe('lon "36.005", lat "118.015" are not longitude/latitude degrees, but are the other way round: read swapped');
    expect(swapped.rejected).toEqual([]);
  });
});

describe('a registry export with each pupil\'s roll status (学籍状态)', () => {
  it('skips pupils no longer on the roll (转出, 毕业, 死亡 …), naming each row, and counts one on leave (休学) with a remark (all 33 were counted without a word)', async () => {
    const { dataset } = await load(['学籍号,经度,纬度,年级,学籍状态', 'a1,118.002,36.002,1,在读', 'a2,118.003,36.003,2,转出', 'a3,118.004,36.004,3,毕业', 'a4,118.005,36.004,4,休学', 'a5,118.006,36.004,4,转出（省外）', 'a6,118.007,36.004,5,', 'a7,118.008,36.004,5,死亡'].join('\n'));
    expect(Array.from(dataset.pupils.line).sort()).toEqual([2, 5, 7]);
    expect(dataset.rowsRead).toBe(3);
    expect(dataset.skipped!.map((r) => [r.line, r.reason])).toEqual([[3, 'not on the roll (学籍状态 "转出"): skipped'], [4, 'not on the roll (学籍状态 "毕业"): skipped'], [6, 'not on the roll (学籍状态 "转出（省外）"): skipped'], [8, 'not on the roll (学籍状态 "死亡"): skipped']]);
    expect(dataset.warnings.map((w) => [w.line, w.problem?.code])).toEqual([[5, 'onLeaveCounted']]);
  });
});

describe('a junior school\'s list named for its level (初中学生名单), grades written 一年级 to 三年级', () => {
  it('counts them within the level (一年级 = 初一): all 332 rows of such a file were rejected as grades the school does not teach', async () => {
    const rows = ['学籍号,经度,纬度,年级,学校', 'j1,118.01,36.015,一年级,中学', 'j2,118.011,36.016,三年级,中学', 'j3,118.012,36.016,初二,中学', 'j4,118.012,36.017,8,中学'].join('\n');
    const read = async (name: string) => {
      const { dataset } = readImportedDataset(await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), text(name, rows)]), DEFAULT_RULES, 2024);
      return { grades: Array.from(dataset.pupils.grade), rejected: dataset.rejected.map((r) => r.line) };
    };
    expect(await read('初中学生名单.csv')).toEqual({ grades: [7, 9, 8, 8], rejected: [] });
    // A name that says no level: 一年级 at a junior school is a mistake to name, not to guess.
    expect(await read('学生名单.csv')).toEqual({ grades: [8, 8], rejected: [2, 3] });
  });
});

describe('a pupil list naming pupils by their ID card (身份证号)', () => {
  it('takes it for the id when there is no 学籍号 column (the load stopped: no id), and the 学籍号 when there is one', async () => {
    const card = await load(['身份证号,经度,纬度,年级', '370783201801011234,118.002,36.002,1', '370783201801021235,118.003,36.003,2'].join('\n'));
    expect(unpackStrings(card.dataset.pupils.id!)).toEqual(['370783201801011234', '370783201801021235']);
    const both = await load(['身份证号,学籍号,经度,纬度,年级', '370783201801011234,G1,118.002,36.002,1'].join('\n'));
    expect(unpackStrings(both.dataset.pupils.id!)).toEqual(['G1']);
  });

  it('names a new entrant without a 学籍号 by the ID card beside it, with a remark (147 first-graders were rejected: id is empty)', async () => {
    const { dataset } = await load(['学籍号,身份证号,经度,纬度,年级', 'G1,370783201701011234,118.002,36.002,2', ',370783201801021235,118.003,36.003,1', ',,118.004,36.004,1'].join('\n'));
    expect(unpackStrings(dataset.pupils.id!)).toEqual(['G1', '370783201801021235']);
    expect(dataset.warnings.map((w) => [w.line, w.problem?.code])).toEqual([[3, 'idFromIdCard']]);
    expect(dataset.rejected.map((r) => [r.line, r.problem?.code])).toEqual([[4, 'emptyId']]);
  });
});

describe('a registry that fills an unknown home with the school\'s address', () => {
  it('is named in the report: the pupils placed at their school stay in its zone whatever boundary is drawn (no word before)', async () => {
    const csv = ['学籍号,经度,纬度,年级,学校', 'b1,118.005,36.005,1,西小学', 'b2,118.005,36.005,2,西小学', 'b3,118.005,36.005,3,西小学', 'b4,118.002,36.002,1,西小学', 'b5,118.015,36.005,1,西小学'].join('\n');
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), text('学生名单.csv', csv)]);
    const report = validateImported(imported, readImportedDataset(imported, DEFAULT_RULES, 2024), DEFAULT_RULES);
    const found = report.items.filter((i) => i.kind === 'pupilsAtSchool');
    // b5 lives at 东小学's location but attends 西小学: a home like any other.
    expect(found.map((i) => describeValidationItem(i, 'zh-CN'))).toEqual(['西小学：5 名学生中有 3 名的住址坐标就是学校所在位置（第 2、3、4 行）——多为住址不详时填了学校地址。他们计入学校所在的片区，改划边界也不会随住址变动：请核对其住址']);
  });
});

describe('a sheet pasted together from several, each block with its header', () => {
  it('skips each copy of the header row as not data: neither a pupil nor a rejected row (each was rejected as grade "年级")', async () => {
    const { dataset } = await load([
      '学籍号,经度,纬度,年级',
      's1,118.002,36.002,1',
      '学籍号,经度,纬度,年级',
      's2,118.012,36.002,1',
      ' 学籍号 ,,纬度,',
      // One cell that is a header name is a row all the same (rejected by its grade).
      's3,118.003,36.003,年级',
    ].join('\n'));
    expect(dataset.pupils.count).toBe(2);
    expect(dataset.rowsRead).toBe(3);
    expect(dataset.rejected.map((r) => [r.line, r.problem?.code])).toEqual([[6, 'badGrade']]);
    expect(dataset.skipped!.map((r) => [r.line, r.problem?.code])).toEqual([[3, 'headerRowSkipped'], [5, 'headerRowSkipped']]);
  });

  it('skips a copy of a schools table’s header too', async () => {
    const schools = text('学校.csv', ['学校代码,学校名称,学段,办学性质,经度,纬度', 'P1,西小学,小学,公办,118.005,36.005', '学校代码,学校名称,学段,办学性质,经度,纬度', 'P2,东小学,小学,公办,118.015,36.005', 'J1,中学,初中,公办,118.01,36.015'].join('\n'));
    const files = [schools, tinyFile('catchments.geojson'), text('学生名单.csv', 'id,lon,lat,grade\ns1,118.002,36.002,1')];
    const { dataset } = readImportedDataset(await importDataset(files), DEFAULT_RULES, 2024);
    expect(dataset.schools.map((s) => s.id)).toEqual(['P1', 'P2', 'J1']);
    expect(dataset.skipped!.map((r) => [r.file, r.line, r.problem?.code])).toEqual([['学校.csv', 3, 'headerRowSkipped']]);
  });

  it('reads a count written with its unit, in full-width digits or with thousands separators (each stopped the load)', async () => {
    expect(['36间', '１８', '1,200人', '5000平方米', '3000㎡', ' 36 ', '36', '30（含功能室）', '30间(另有2间危房)', '二十四', '二十四间'].map(countText)).toEqual(['36', '18', '1200', '5000', '3000', '36', '36', '30', '30', '24', '24']);
    expect(['一二', '36间教室?', '1,20'].map(countText)).toEqual(['一二', '36间教室?', '1,20']);
    const schools = text('学校.csv', ['学校代码,学校名称,学段,办学性质,经度,纬度,教室数', 'P1,西小学,小学,公办,118.005,36.005,36间', 'P2,东小学,小学,公办,118.015,36.005,１８', 'J1,中学,初中,公办,118.01,36.015,"1,200"'].join('\n'));
    const files = [schools, tinyFile('catchments.geojson'), text('学生名单.csv', 'id,lon,lat,grade\ns1,118.002,36.002,1')];
    const { dataset } = readImportedDataset(await importDataset(files), DEFAULT_RULES, 2024);
    expect(dataset.schools.map((x) => x.classrooms)).toEqual([36, 18, 1200]);
  });

  it('skips a printed page\'s footer and a 汇总 total row left in an export (each was a rejected pupil row)', async () => {
    expect(['第 1 页，共 23 页', '第1页/共23页', '共 23 页 第 2 页', '第 3 页'].map((t) => noteRowText([t, '', '']))).toEqual(['第 1 页，共 23 页', '第1页/共23页', '共 23 页 第 2 页', '第 3 页']);
    expect(noteRowText(['第1页小区', '118.002'])).toBeUndefined();
    const pupils = text('学生名单.csv', ['学籍号,学校,经度,纬度,年级', 's1,西小学,118.002,36.002,1', 's2,西小学,118.003,36.002,2', ',西小学汇总,,,', '第 1 页，共 2 页,,,,', 's3,东小学,118.016,36.006,1', ',全县汇总,,,3', '第 2 页，共 2 页,,,,'].join('\n'));
    const { dataset } = readImportedDataset(await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), pupils]), DEFAULT_RULES, 2024);
    expect([dataset.rowsRead, dataset.pupils.count, dataset.rejected.length]).toEqual([3, 3, 0]);
    expect(dataset.skipped!.map((r) => [r.line, r.problem?.code])).toEqual([[4, 'totalRowSkipped'], [5, 'noteRowSkipped'], [7, 'totalRowSkipped'], [8, 'noteRowSkipped']]);
  });

  it('skips note rows above the header and below the table (填报单位：…, 填表人：…, 填表说明：…): the header was taken from the note, and notes below stopped the load or were rejected rows', async () => {
    expect(noteRowText(['填表人：张三', '', '审核人：李四'])).toBe('填表人：张三');
    expect(noteRowText(['填表说明：1. 经纬度为百度坐标', '填表说明：1. 经纬度为百度坐标'])).toBe('填表说明：1. 经纬度为百度坐标');
    expect(noteRowText(['注1、学段按学籍填写'])).toBe('注1、学段按学籍填写');
    expect(noteRowText(['s1', '118.002', '36.002', '1'])).toBeUndefined();
    expect(noteRowText(['填表人：张三', '118.002'])).toBeUndefined();
    // A CSV: a note row above the header and two below the pupils.
    const pupils = text('学生名单.csv', ['填报单位：样本县教育局（盖章）,,填报日期：2024年9月30日', '学籍号,经度,纬度,年级', 's1,118.002,36.002,1', 's2,118.016,36.006,1', '填表人：张三,审核人：李四,,', '"填表说明：经纬度为 WGS84 坐标",,,'].join('\n'));
    // A workbook: the schools with a note above the header and a merged explanation below.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('学校名录');
    sheet.addRow(['填报单位：样本县教育局', '', '', '填报日期：2024年9月30日']);
    sheet.addRow(['学校代码', '学校名称', '学段', '办学性质', '经度', '纬度']);
    for (const row of [['P1', '西小学', '小学', '公办', 118.005, 36.005], ['P2', '东小学', '小学', '公办', 118.015, 36.005], ['J1', '中学', '初中', '公办', 118.01, 36.015]]) sheet.addRow(row);
    sheet.addRow(['填表说明：学校代码为教育部10位学校标识码']);
    sheet.mergeCells('A6:F6');
    const schools: ImportFile = { name: '学校.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
    const { dataset } = readImportedDataset(await importDataset([schools, tinyFile('catchments.geojson'), pupils]), DEFAULT_RULES, 2024);
    expect(dataset.schools.map((x) => x.id)).toEqual(['P1', 'P2', 'J1']);
    expect(dataset.pupils.count).toBe(2);
    expect(dataset.rejected).toEqual([]);
    expect(dataset.skipped!.map((r) => [r.file, r.line, r.problem?.code, r.problem?.params.got])).toEqual([
      ['学校.xlsx', 6, 'noteRowSkipped', '填表说明：学校代码为教育部10位学校标识码'],
      ['学生名单.csv', 5, 'noteRowSkipped', '填表人：张三'],
      ['学生名单.csv', 6, 'noteRowSkipped', '填表说明：经纬度为 WGS84 坐标'],
    ]);
  });

  it('names the pupils outside every zone who live outside the county too, by file and line, with how far beyond it (a row in Beijing was counted outside every zone, unnamed)', async () => {
    const county = text('县界.geojson', JSON.stringify({ type: 'Feature', properties: { name: '样本县' }, geometry: { type: 'Polygon', coordinates: [[[118, 36], [118.02, 36], [118.02, 36.02], [118, 36.02], [118, 36]]] } }));
    const main = text('学生名单.csv', ['学籍号,经度,纬度,年级', 's1,118.015,36.015,1', 's2,118.005,36.005,1'].join('\n'));
    const supplement = text('学生名单_补录.csv', ['学籍号,经度,纬度,年级', 's3,118.004,36.004,2', 's4,116.397,39.909,1'].join('\n'));
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), county, main, supplement]);
    const report = validateImported(imported, readImportedDataset(imported, DEFAULT_RULES, 2024), DEFAULT_RULES);
    const outside = report.items.find((i) => i.kind === 'pupilsOutside' && i.level === 'primary');
    expect(outside?.kind === 'pupilsOutside' && [outside.pupils, outside.beyondCounty?.pupils, outside.beyondCounty?.rows]).toEqual([2, 1, [{ file: '学生名单_补录.csv', line: 3 }]]);
    // Beijing is some 450 km beyond the square's corner (118, 36.02).
    expect(outside?.kind === 'pupilsOutside' && outside.beyondCounty!.maxKm).toBeGreaterThan(400);
    expect(describeValidationItem(outside!, 'zh-CN')).toMatch(/^2 名小学学生住在所有小学片区之外（第 2、3 行）；其中 1 名在县域之外，最远在县界外 [\d,.]+ 公里（学生名单_补录.csv 第 3 行）：其坐标很可能有误/);
    // Inside the county, outside every zone: no word of the county.
    const inside = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), county, main]);
    const plain = validateImported(inside, readImportedDataset(inside, DEFAULT_RULES, 2024), DEFAULT_RULES).items.find((i) => i.kind === 'pupilsOutside');
    expect(plain?.kind === 'pupilsOutside' && plain.beyondCounty).toBeUndefined();
  });

  it('reads every worksheet of a pupils workbook split into sheets with one header (小学, 初中), each sheet’s cohorts from its own level; rows named by sheet (only the first sheet was read)', async () => {
    const book = new ExcelJS.Workbook();
    const sheets = { 小学: [['s1', 118.002, 36.002, '一年级'], ['s2', 118.012, 36.002, '2023级']], 初中: [['s3', 118.003, 36.003, '2023级'], ['s4', 0, 0, '初二']], 汇总: [] as unknown[][] };
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = book.addWorksheet(name);
      sheet.addRow(name === '汇总' ? ['学段', '人数'] : ['学籍号', '经度', '纬度', '年级']);
      for (const row of rows) sheet.addRow(row);
      if (name === '汇总') sheet.addRow(['小学', 2]);
    }
    const pupils: ImportFile = { name: '学生名单.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()), baseYear: 2024 };
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), pupils]);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    // 2023级 is grade 2 on the primary sheet and grade 8 on the junior one (base year 2024).
    expect(Array.from(dataset.pupils.grade)).toEqual([1, 2, 8]);
    expect(dataset.pupilFiles).toEqual(['学生名单.xlsx [小学]', '学生名单.xlsx [初中]']);
    expect(dataset.rejected.map((r) => [r.file, r.line, r.problem?.code])).toEqual([['学生名单.xlsx [初中]', 3, 'zeroLonLat']]);
    expect(imported.notUsed.map((n) => n.file)).toEqual(['学生名单.xlsx [汇总]']);
    expect(emptyPupilFiles(imported, readImportedDataset(imported, DEFAULT_RULES, 2024))).toEqual([]);
  });
});

describe('the other worksheets of a pupils workbook', () => {
  it('reads a sheet with a column more or its columns in another order; leaves out a hidden sheet and one of pupils who left, naming each (both were counted)', async () => {
    const book = new ExcelJS.Workbook();
    const add = (name: string, header: string[], rows: unknown[][], state?: 'hidden') => {
      const sheet = book.addWorksheet(name, state ? { state } : {});
      sheet.addRow(header);
      for (const row of rows) sheet.addRow(row);
    };
    add('小学', ['学籍号', '经度', '纬度', '年级'], [['s1', 118.002, 36.002, 1]]);
    // 初中: another order and a 班级 column more.
    add('初中', ['学籍号', '年级', '班级', '纬度', '经度'], [['s2', 7, '1班', 36.003, 118.003], ['s3', 8, '2班', 36.015, 118.015]]);
    add('Sheet2', ['学籍号', '经度', '纬度', '年级'], [['old1', 118.002, 36.002, 1], ['old2', 118.002, 36.002, 2]], 'hidden');
    add('已转出学生', ['学籍号', '经度', '纬度', '年级'], [['gone1', 118.012, 36.002, 3]]);
    const pupils: ImportFile = { name: '学生名单.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), pupils]);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    expect(dataset.rowsRead).toBe(3);
    expect(Array.from(dataset.pupils.grade).sort()).toEqual([1, 7, 8]);
    expect(dataset.pupilFiles).toEqual(['学生名单.xlsx [小学]', '学生名单.xlsx [初中]']);
    expect(imported.notUsed.map((n) => [n.file, n.problem.code, n.problem.params.n])).toEqual([
      ['学生名单.xlsx [Sheet2]', 'sheetHidden', 3],
      ['学生名单.xlsx [已转出学生]', 'sheetNotCurrent', 2],
    ]);
  });

  it('reads this year\'s sheet and leaves out last year\'s kept beside it, whichever comes first, naming it (its 50 pupils were counted; first, its year won over the other files\')', async () => {
    for (const order of [['2024秋', '2023秋'], ['2023秋', '2024秋']]) {
      const book = new ExcelJS.Workbook();
      for (const name of order) {
        const sheet = book.addWorksheet(name);
        sheet.addRow(['学籍号', '经度', '纬度', '年级']);
        if (name === '2024秋') for (const row of [['n1', 118.002, 36.002, 1], ['n2', 118.003, 36.003, 2]]) sheet.addRow(row);
        else for (const row of [['n1', 118.002, 36.002, 1], ['o1', 118.012, 36.002, 6], ['o2', 118.012, 36.003, 6]]) sheet.addRow(row);
      }
      const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), { name: '学生名单.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) }]);
      const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2020);
      expect({ rows: dataset.rowsRead, year: dataset.baseYear, ids: dataset.rejected.length }, order.join()).toEqual({ rows: 2, year: 2024, ids: 0 });
      expect(imported.notUsed.map((n) => [n.file, n.problem.code, n.problem.params.n]), order.join()).toEqual([['学生名单.xlsx [2023秋]', 'sheetOlderYear', 4]]);
    }
  });

  it('reads a schools table split into sheets (小学, 中学) whole; a school of the second sheet is named by its sheet and row (its zones named no school)', async () => {
    const book = new ExcelJS.Workbook();
    const header = ['学校代码', '学校名称', '学段', '办学性质', '经度', '纬度'];
    const primary = book.addWorksheet('小学');
    primary.addRow(header);
    for (const row of [['P1', '西小学', '小学', '公办', 118.005, 36.005], ['P2', '东小学', '小学', '公办', 118.015, 36.005]]) primary.addRow(row);
    const junior = book.addWorksheet('中学');
    junior.addRow(header);
    junior.addRow(['J1', '中学', '初中', '公办', 118.01, 36.015]);
    const schools: ImportFile = { name: '学校名录.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
    const imported = await importDataset([schools, tinyFile('catchments.geojson'), text('学生名单.csv', 'id,lon,lat,grade\nj1,118.005,36.005,7')]);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    expect(dataset.schools.map((s) => s.id)).toEqual(['P1', 'P2', 'J1']);
    expect(imported.notUsed).toEqual([]);
    expect(imported.notes.find((n) => n.part === 'schools')?.sheetsRead).toEqual(['小学', '中学']);
    // A school of the second sheet with a bad level is named by that sheet's row.
    junior.getCell('C2').value = '高中';
    const bad = { ...schools, bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
    const read = async () => readImportedDataset(await importDataset([bad, tinyFile('catchments.geojson'), text('学生名单.csv', 'id,lon,lat,grade\nj1,118.005,36.005,7')]), DEFAULT_RULES, 2024);
    await expect(read()).rejects.toThrow(expect.objectContaining({ params: expect.objectContaining({ where: expect.objectContaining({ row: 2, sheet: '中学' }) }) }));
  });

  it('reads a hidden pupils sheet when no visible one has its columns (a visible 说明 sheet beside it)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名单', { state: 'hidden' });
    sheet.addRow(['学籍号', '经度', '纬度', '年级']);
    sheet.addRow(['s1', 118.002, 36.002, 1]);
    book.addWorksheet('说明').addRow(['本表由学籍系统导出']);
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), { name: '学生名单.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) }]);
    expect(readImportedDataset(imported, DEFAULT_RULES, 2024).dataset.pupils.count).toBe(1);
  });
});

describe('a pupils header with a column twice, mapped by a mapping file', () => {
  // The entry grade was put before the grade column under the same name: which copy holds the grade cannot be guessed.
  const csv = ['学籍号,经度,纬度,年级,年级', 'a,118.002,36.002,1,3', 'b,118.003,36.015,1,4'].join('\n');
  const files = (mapping: Record<string, string>, columnsPicked?: boolean): ImportFile[] => [tinyFile('schools.geojson'), tinyFile('catchments.geojson'), { ...text('学生名单.csv', csv), mapping, ...(columnsPicked && { columnsPicked }) }];

  it('reads the first copy for the bare name, and names the other as not read (it was left out without a word)', async () => {
    const imported = await importDataset(files({ grade: '年级' }));
    expect([...readImportedDataset(imported, DEFAULT_RULES, 2024).dataset.pupils.grade]).toEqual([1, 1]);
    expect(imported.notUsed.map((n) => [n.file, n.problem.code, n.reason])).toEqual([
      ['学生名单.csv [年级 2]', 'repeatedColumnUnread', 'the header has "年级" more than once and the mapping takes grade from its first copy: this copy is not read; name it in the mapping to read it instead'],
    ]);
    // Picked in the mapping step, the copy is the planner's choice: nothing to say.
    expect((await importDataset(files({ grade: '年级' }, true))).notUsed).toEqual([]);
  });

  it('reads the copy a mapping names by its number, and the one the planner picked in the mapping step', async () => {
    const grades = async (f: ImportFile[]) => [...readImportedDataset(await importDataset(f), DEFAULT_RULES, 2024).dataset.pupils.grade].sort();
    expect(await grades(files({ grade: '年级 2' }))).toEqual([3, 4]);
    expect(await grades(files({ grade: '年级' }, true))).toEqual([1, 1]);
  });
});

describe('more cells as real lists write them (third round of messy files)', () => {
  const load = async (csv: string, extra: ImportFile[] = []) => {
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), ...extra, { ...text('学生名单.csv', csv), baseYear: 2024 }]);
    return readImportedDataset(imported, DEFAULT_RULES, 2024).dataset;
  };

  it('reads decimal degrees with a hemisphere letter (E118.734602, 36.88N; all 1,226 such rows were rejected)', () => {
    expect(['E118.734602', 'N36.9', '36.88N', 'W1.5', 'E118°44\'4"', 'EN118'].map(coordinateText)).toEqual(['118.734602', '36.9', '36.88', '-1.5', '118.7344444', 'EN118']);
  });

  it('reads a cohort with its class in brackets or in Chinese numerals (2023级(3)班, 2023级（3）班, 2023级三班; 986 rows were rejected)', async () => {
    // At 西小学 (P1), a primary school: 2023级 is grade 2 in autumn 2024.
    const d = await load(['学籍号,经度,纬度,年级,学校代码', 'c1,118.002,36.002,2023级(3)班,P1', 'c2,118.003,36.003,2023级（3）班,P1', 'c3,118.004,36.004,2023级三班,P1'].join('\n'));
    expect(Array.from(d.pupils.grade)).toEqual([2, 2, 2]);
  });

  it('places by the address a row whose coordinate cells hold a placeholder (/, —, 无; 91 rows were rejected as lon "/")', async () => {
    const units = text('units.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'U1', name: '滨河小区' }, geometry: { type: 'Point', coordinates: [118.005, 36.005] } }] }));
    const d = await load(['学籍号,经度,纬度,年级,家庭住址', 'p1,/,/,1,滨河小区1号', 'p2,—,—,2,滨河小区2号', 'p3,无,无,3,滨河小区3号', 'p4,/,/,4,', 'p5,#N/A,#N/A,5,滨河小区5号', 'p6,#VALUE!,#REF!,6,滨河小区6号'].join('\n'), [units]);
    // Excel's error values too (a lookup formula that found nothing): 16 rows were rejected as lon "#N/A".
    expect(d.pupils.count).toBe(5);
    expect(d.rejected.map((r) => [r.line, r.reason])).toEqual([[5, 'lon "/" is not a longitude in degrees']]);
  });

  it('remarks on coordinates rounded to two decimals (a column formatted 0.00: 52 pupils more outside every zone, no word)', async () => {
    const d = await load(['学籍号,经度,纬度,年级', 'r1,118.01,36.01,1', 'r2,118.7,36.88,2', 'r3,118.005,36.005,3', 'r4,119.5,36.5,4'].join('\n'));
    expect(d.warnings.map((w) => [w.line, w.problem?.code])).toEqual([[2, 'coarseCoordinates'], [3, 'coarseCoordinates']]);
    expect(d.warnings[0].reason).toBe('coordinates "118.01, 36.01" have at most 2 decimals (a kilometre or so): near a boundary the pupil may be counted in the wrong zone; give them in full');
  });

  it('reads 学段 中学 as junior: a nine-year school’s 中学 rows graded 一年级 are grade 7 (they were zoned as primary grade 1)', async () => {
    const d = await load(['学籍号,经度,纬度,年级,学段', 'm1,118.005,36.005,一年级,中学', 'm2,118.005,36.005,一年级,小学'].join('\n'));
    expect(Array.from(d.pupils.grade).sort()).toEqual([1, 7]);
  });

  it('names a date cell in the grade column (an entry date) by its date, not as a JavaScript date (Sun Sep 01 2024 00:00:00 GMT…)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('学生');
    sheet.addRow(['学籍号', '经度', '纬度', '年级', '学校代码']);
    sheet.addRow(['d1', 118.002, 36.002, new Date(Date.UTC(2023, 8, 1)), 'P1']);
    sheet.addRow(['d2', 118.003, 36.003, new Date(Date.UTC(2024, 2, 15)), 'P1']);
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), { name: '学生名单.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()), baseYear: 2024 }]);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    // The first of an autumn month is an entry month Excel turned into a date (2023-9 typed): 2023级, grade 2.
    // Another date is not a cohort: rejected, saying what the cell holds.
    expect(dataset.rejected.map((r) => r.reason)).toEqual(['grade "2024-03-15" is not a whole number from 1 to 9']);
    expect(Array.from(dataset.pupils.grade)).toEqual([2]);
  });

  it('skips a row numbering the columns under the header (栏次 甲 乙 丙 1 2 3), in a pupils list and a schools table (read as a pupil 11,816 km away; the schools load stopped)', async () => {
    expect([['栏次', '甲', '乙', '丙', '1', '2'], ['甲', '乙', '丙'], ['1', '2', '3', '4'], ['甲', '丙', '丁'], ['1', '2', '4'], ['s1', '1', '2']].map(isColumnNumbering)).toEqual([true, true, true, false, false, false]);
    const d = await load(['学籍号,经度,纬度,年级', '甲,1,2,3', 'n1,118.002,36.002,1'].join('\n'));
    expect({ read: d.rowsRead, loaded: d.pupils.count, skipped: d.skipped?.map((r) => [r.line, r.problem?.code]) }).toEqual({ read: 1, loaded: 1, skipped: [[2, 'numberingRowSkipped']] });
    const schools = text('学校.csv', ['学校代码,学校名称,学段,办学性质,经度,纬度', '甲,乙,丙,1,2,3', 'P1,西小学,小学,公办,118.005,36.005', 'P2,东小学,小学,公办,118.015,36.005', 'J1,中学,初中,公办,118.01,36.015'].join('\n'));
    const imported = await importDataset([schools, tinyFile('catchments.geojson'), text('学生名单.csv', 'id,lon,lat,grade\na1,118.002,36.002,1')]);
    expect(JSON.parse(imported.texts['schools.geojson']!).features).toHaveLength(3);
  });

  it('finds the header under a title and a date typed in cells apart, and under a dozen lines of instructions (the load stopped: "mapping gives id 学籍号, which the file does not have")', async () => {
    expect([['样本县学生名单', '', '2024年9月'], ['学校基本情况表', '2024-09-01'], ['学籍号', '姓名'], ['城关小学', '2024年9月'], ['2024年秋季学期']].map(isTitleRow)).toEqual([true, true, false, false, true]);
    const titled = await load(['样本县学生名单,,,2024年9月', '学籍号,经度,纬度,年级', 't1,118.002,36.002,1'].join('\n'));
    expect(titled.pupils.count).toBe(1);
    const instructions = Array.from({ length: 12 }, (_, i) => `${i + 1}. 请按学籍系统导出的格式填写第${i + 1}项`);
    const explained = await load([...instructions, '学籍号,经度,纬度,年级', 'i1,118.002,36.002,1'].join('\n'));
    expect(explained.pupils.count).toBe(1);
  });

  it('names a zone by its school’s name when its numeric code field is blank (read as NaN: the load stopped on XXDM "NaN")', () => {
    const zone = { type: 'Feature', properties: { XXDM: Number.NaN, XXMC: '西小学', XD: '小学' }, geometry: { type: 'Polygon', coordinates: [[[118, 36], [118.01, 36], [118.01, 36.02], [118, 36.02], [118, 36]]] } } as Feature;
    const [contract] = zonesToContract([zone], { school_id: 'XXDM', school_name: 'XXMC', level: 'XD' }, 'wgs84').features;
    expect(contract.properties!.school_id).toBe('');
    resolveZoneSchools('片区.zip', [contract], { school_id: 'XXDM', school_name: 'XXMC', level: 'XD' }, JSON.parse(readFileSync(join(tiny, 'schools.geojson'), 'utf8')).features.map((f: Feature) => ({ ...f.properties, lon: 0, lat: 0, facilities: {} })));
    expect(contract.properties!.school_id).toBe('P1');
  });
});

describe('a GeoJSON file declaring its coordinate system in its "crs" member', () => {
  const zones = JSON.parse(readFileSync(join(tiny, 'catchments.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  const projected = (code: number, definition: string) => {
    const forward = proj4('EPSG:4326', definition);
    const ring = (r: number[][]) => r.map((p) => forward.forward([p[0], p[1]]));
    const features = zones.features.map((f) => ({ ...f, geometry: f.geometry.type === 'Polygon' ? { ...f.geometry, coordinates: f.geometry.coordinates.map(ring) } : { ...f.geometry, coordinates: f.geometry.coordinates.map((p) => p.map(ring)) } }));
    return text('片区.geojson', JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${code}` } }, features }));
  };
  const csv = readFileSync(join(tiny, 'students.csv'), 'utf8');

  it('reads zones in Web Mercator metres (EPSG:3857) and in a CGCS2000 3° Gauss–Krüger zone (EPSG:4527) as the tiny county (both were refused as "not degrees")', async () => {
    const base = await load(csv);
    for (const [code, definition] of [[3857, 'EPSG:3857'], [4527, '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs']] as const) {
      const { dataset } = await load(csv, projected(code, definition));
      expect([...dataset.zoneState.zones.primary.keys()].length, String(code)).toBe(base.dataset.zoneState.zones.primary.size);
      expect(Array.from(dataset.pupils.line).map((l) => base.schoolOfLine.get(l)), String(code)).toEqual(Array.from(base.dataset.pupils.line).map((l) => base.schoolOfLine.get(l)));
      const [x, y] = dataset.zoneState.zones.primary.values().next().value![0][0][0];
      expect(Math.abs(x - 118) < 0.1 && Math.abs(y - 36) < 0.1, String(code)).toBe(true);
    }
  });

  it('names a projected system it does not read', async () => {
    await expect(load(csv, projected(32650, '+proj=utm +zone=50 +datum=WGS84 +units=m +no_defs'))).rejects.toThrow(new DataError('片区.geojson', 'declaredProjectionUnknown', { n: 32650 }));
  });
});

describe('a zones file holding pins or empty features besides its areas (Google Earth, 奥维地图, a null Shapefile record)', () => {
  const zones = (JSON.parse(readFileSync(join(tiny, 'catchments.geojson'), 'utf8')) as { features: Feature[] }).features;
  const pin: Feature = { type: 'Feature', properties: { name: '西小学校门' }, geometry: { type: 'Point', coordinates: [118.005, 36.005] } };
  const empty = { type: 'Feature', properties: { name: '待定区域' }, geometry: null } as unknown as Feature;
  const file = (features: Feature[]) => text('片区.geojson', JSON.stringify({ type: 'FeatureCollection', features }));

  it('reads the areas and names each pin and empty feature by its number in the file (the load stopped: "not a Polygon", "names no school")', async () => {
    const imported = await importDataset([tinyFile('schools.geojson'), file([pin, zones[0], empty, zones[1], zones[2]]), text('学生名单.csv', 'id,lon,lat,grade\na1,118.002,36.002,1\nb1,118.012,36.002,1')]);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    expect([...dataset.zoneState.zones.primary.keys()].map((s) => dataset.schools[s].id)).toEqual(['P1', 'P2']);
    expect(dataset.pupils.count).toBe(2);
    expect(imported.notUsed.map((n) => [n.file, n.problem.code])).toEqual([['片区.geojson', 'zonePointSkipped'], ['片区.geojson', 'zoneEmptySkipped']]);
    expect(imported.notUsed.map((n) => n.reason)).toEqual(['feature 1 "西小学校门" is a point (a pin or a label), not an area: not read as a zone', 'feature 3 "待定区域" holds no geometry: not read as a zone']);
    // The planner's language names the feature too (it read "片区.geojson [feature 1: 西小学校门]" in a Chinese review).
    expect(imported.notUsed.map((n) => describeDataProblem(n.problem.code, n.problem.params, 'zh-CN'))).toEqual(['第 1 个要素 "西小学校门"是一个点（标注或名称），不是区域：未作为片区读取', '第 3 个要素 "待定区域"没有几何图形：未作为片区读取']);
    expect(validateImported(imported, readImportedDataset(imported, DEFAULT_RULES, 2024), DEFAULT_RULES).items.filter((i) => i.kind === 'invalidPolygon' || i.kind === 'zoneReference')).toEqual([]);
  });

  it('keeps the other features’ numbers: a bad one after a pin is named by its own number', async () => {
    const unknown: Feature = { ...zones[1], properties: { school_id: 'Z9', level: 'primary' } };
    const read = async () => readImportedDataset(await importDataset([tinyFile('schools.geojson'), file([pin, zones[0], unknown]), text('学生名单.csv', 'id,lon,lat,grade\na1,118.002,36.002,1')]), DEFAULT_RULES, 2024);
    await expect(read()).rejects.toThrow(expect.objectContaining({ params: expect.objectContaining({ where: expect.objectContaining({ feature: 3 }) }) }));
  });
});
