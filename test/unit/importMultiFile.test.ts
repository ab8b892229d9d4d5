// A part given by several files (zones in a Shapefile and a KML, pupils in an export and a
// supplement): each file read as alone, then combined in the order given, every row and feature
// still named by its own file.
import { describe, expect, it } from 'vitest';
import { applyMappingChoices, draftProblems, mappingChoicesOf, withPart } from '../../src/app/importDrafts';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DataError } from '../../src/io/dataError';
import { entryFor, formatMappingFile, importDataset, parseMappingFile, readImportedDataset, type ImportFile } from '../../src/io/import';
import type { ImportDraft } from '../../src/store/store';

const bytes = (text: string) => new TextEncoder().encode(text);
const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });
const schools: ImportFile = {
  name: 'schools.geojson',
  part: 'schools',
  bytes: bytes(JSON.stringify({ type: 'FeatureCollection', features: [
    { type: 'Feature', properties: { id: 'P01', name: '实验小学', level: 'primary', ownership: 'public' }, geometry: { type: 'Point', coordinates: [118.5, 36.5] } },
    { type: 'Feature', properties: { id: 'J01', name: '第一中学', level: 'junior', ownership: 'public' }, geometry: { type: 'Point', coordinates: [118.5, 36.5] } },
  ] })),
};
const zones = (name: string, features: { school_id: string; level: string; x: number }[]): ImportFile => ({
  name, part: 'catchments', bytes: bytes(JSON.stringify({ type: 'FeatureCollection', features: features.map(({ x, ...p }) => ({ type: 'Feature', properties: p, geometry: square(x, 36) })) })),
});
const primaryZones = zones('小学片区.geojson', [{ school_id: 'P01', level: 'primary', x: 118 }]);
const juniorZones = zones('初中片区.geojson', [{ school_id: 'J01', level: 'junior', x: 118 }]);
// Two pupil lists with their columns in another order, a total row, a bad grade, a bad longitude and an id in both.
const export_: ImportFile = { name: '学生名单.csv', part: 'students', bytes: bytes('学籍号,经度,纬度,年级\nS1,118.51,36.51,三年级\nS2,118.51,36.51,十年级\n合计,,,2\n') };
const extra: ImportFile = { name: '补录.csv', part: 'students', bytes: bytes('学籍号,年级,经度,纬度\nS3,初二,118.52,36.52\nS1,二年级,118.52,36.52\nS4,一年级,118.5O,36.5\n') };

describe('several files for one part', () => {
  it('pupils: rows of both files in the order given, every rejected or skipped row named by its own file and line', async () => {
    const imported = await importDataset([schools, primaryZones, juniorZones, export_, extra]);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    // Loaded: S1 (学生名单.csv line 2) and S3 (补录.csv line 2); rejected: 3; skipped: the 合计 row.
    expect(dataset.pupils.count).toBe(2);
    expect([...dataset.pupils.line]).toEqual([2, 2]);
    expect([...dataset.pupils.grade]).toEqual([3, 8]);
    expect(dataset.rejected.map(({ file, line, reason }) => ({ file, line, reason }))).toEqual([
      { file: '学生名单.csv', line: 3, reason: 'grade "十年级" is not a whole number from 1 to 9' },
      { file: '补录.csv', line: 3, reason: 'id "S1" is also on line 2 of 学生名单.csv, which is loaded; this row is not' },
      { file: '补录.csv', line: 4, reason: 'lon "118.5O" is not a longitude in degrees' },
    ]);
    expect((dataset.skipped ?? []).map(({ file, line }) => ({ file, line }))).toEqual([{ file: '学生名单.csv', line: 4 }]);
    // Rows read = loaded + rejected + skipped, per file: 学生名单.csv 3 = 1 + 1 + 1; 补录.csv 3 = 1 + 2 + 0.
    const notLoaded = (file: string) => [...dataset.rejected, ...(dataset.skipped ?? [])].filter((r) => r.file === file).length;
    expect([notLoaded('学生名单.csv'), notLoaded('补录.csv')]).toEqual([2, 2]);
    expect(imported.sources['students.csv']).toBe('学生名单.csv, 补录.csv');
  });

  it('zones: features of both files in the order given; a feature’s problem names its own file and number', async () => {
    const imported = await importDataset([schools, primaryZones, juniorZones, export_]);
    expect(JSON.parse(imported.texts['catchments.geojson']!).features.map((f: { properties: { school_id: string } }) => f.properties.school_id)).toEqual(['P01', 'J01']);
    expect(imported.spans['catchments.geojson']).toEqual([{ file: '小学片区.geojson', count: 1 }, { file: '初中片区.geojson', count: 1 }]);
    // The second file's first feature gives a junior school a primary zone.
    const wrong = zones('初中片区.geojson', [{ school_id: 'J01', level: 'primary', x: 119 }]);
    const bad = await importDataset([schools, primaryZones, wrong, export_]);
    const error = (() => { try { readImportedDataset(bad, DEFAULT_RULES, 2024); return undefined; } catch (e) { return e as DataError; } })();
    expect(error?.message).toBe('初中片区.geojson: feature 1 (school_id "J01"): 第一中学 (junior) does not teach primary grades');
    expect(error?.file).toBe('初中片区.geojson');
    expect(error?.params.where?.feature).toBe(1);
  });

  it('a part that takes one file still refuses a second', async () => {
    await expect(importDataset([schools, { ...schools, name: '学校2.geojson' }, primaryZones, export_])).rejects.toMatchObject({ code: 'sameKind', file: '学校2.geojson' });
  });
});

describe('mapping files with a list of entries per part', () => {
  const text = JSON.stringify({ version: 1, parts: {
    catchments: [{ file: 'a.zip', columns: { school_id: 'XXDM' } }, { file: 'b.kml', level: 'junior' }],
    students: { file: 'x.csv', crs: 'bd09' },
  } });
  const choices = parseMappingFile('mapping.json', text);

  it('gives each file the entry naming it, else the one at its position; a single entry to every file', () => {
    expect(entryFor(choices, 'catchments', 'b.kml', 0)).toEqual({ file: 'b.kml', level: 'junior' });
    expect(entryFor(choices, 'catchments', 'renamed.zip', 0)).toEqual({ file: 'a.zip', columns: { school_id: 'XXDM' } });
    expect(entryFor(choices, 'students', 'other.csv', 1)).toEqual({ file: 'x.csv', crs: 'bd09' });
    expect(parseMappingFile('m.json', formatMappingFile(choices))).toEqual(choices);
  });

  it('refuses a list for a part of one file, and names the entry of a bad value', () => {
    const message = (json: unknown) => { try { parseMappingFile('m.json', JSON.stringify(json)); return ''; } catch (e) { return (e as DataError).message; } };
    expect(message({ version: 1, parts: { schools: [{ file: 'a.csv' }] } })).toMatch(/^m\.json: .*parts\.schools/);
    expect(message({ version: 1, parts: { catchments: [{}, { level: 'senior' }] } })).toMatch(/^m\.json: .*parts\.catchments\[1\]\.level/);
  });
});

describe('the mapping step with two files of a part', () => {
  const draft = (name: string, header: string[], part: ImportDraft['part']): ImportDraft => withPart({ name, format: 'csv', header, crs: 'wgs84', mapping: {}, remembered: false }, part);
  const a = draft('学生名单.csv', ['学籍号', '经度', '纬度', '年级'], 'students');
  const b = draft('补录.csv', ['学籍号', '经度', '纬度', '年级'], 'students');

  it('loads both pupil files, exports them as a list, and still refuses two schools files', () => {
    expect(draftProblems([a, b]).size).toBe(0);
    expect((mappingChoicesOf([a, b]).students as { file: string }[]).map((e) => e.file)).toEqual(['学生名单.csv', '补录.csv']);
    // A mapping file naming a file gives it its part: an outline whose name says nothing becomes the county's.
    const outline = withPart({ name: '样本县.json', format: 'json', header: [], crs: 'wgs84', mapping: {}, remembered: false }, undefined);
    expect(applyMappingChoices([outline], { county: { file: '样本县.json', crs: 'gcj02' } }).drafts[0]).toMatchObject({ part: 'county', crs: 'gcj02' });
    const s1 = draft('学校.csv', ['学校代码', '学校名称', '学段', '经度', '纬度'], 'schools');
    expect(draftProblems([s1, { ...s1, name: '学校2.csv' }]).get('学校2.csv')).toMatchObject({ samePart: 'schools' });
  });
});
