// The importer hands the pupils' rows straight to the reader (readPupilRows), with no students.csv
// text in between. Its twin is the old way round: the same rows written as students.csv text and
// parsed. Both must read every row alike, on every pupils file of the corpus and on two files
// combined (with a total row, which only the direct way lists, as skipped).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pupilRowsText } from './pupilRowsText';
import { DEFAULT_RULES } from '../../src/core/rules';
import { importDataset, type ImportedDataset, type ImportFile } from '../../src/io/import';
import { parseSchools } from '../../src/io/parseSchools';
import { parseStudents, readPupilRows } from '../../src/io/parseStudents';
import { CORPUS } from '../fixtures/corpus/manifest';

const root = join(import.meta.dirname, '../..');
const file = (name: string, path: string, extra: Partial<ImportFile> = {}): ImportFile => ({ name, bytes: new Uint8Array(readFileSync(path)), ...extra });
const tiny = (name: string) => file(name, join(root, 'test/fixtures/tiny', name));

/** Both ways of reading the imported pupils, their skipped rows apart. */
function bothWays(imported: ImportedDataset) {
  const schools = parseSchools('schools.geojson', imported.texts['schools.geojson']!);
  const { skipped, ...direct } = readPupilRows('students.csv', imported.pupils!, schools, DEFAULT_RULES);
  const { skipped: none, ...viaText } = parseStudents('students.csv', pupilRowsText(imported), schools, DEFAULT_RULES);
  return { direct, viaText, skipped, none };
}

describe('pupil rows read straight from the importer', () => {
  const loading = CORPUS.filter((c) => c.part === 'students' && 'loaded' in c.expect);

  it.each(loading.map((c) => [c.file, c] as const))('%s: as its students.csv text would be read', async (_, c) => {
    const imported = await importDataset([tiny('schools.geojson'), tiny('catchments.geojson'), file(c.file, join(root, 'test/fixtures/corpus/files', c.file), { part: 'students', crs: c.crs })]);
    const { direct, viaText, skipped, none } = bothWays(imported);
    expect(direct).toEqual(viaText);
    expect(direct.rowsRead).toBe(direct.columns.x.length + direct.rejected.length);
    expect([skipped, none]).toEqual([[], []]);
  });

  it('two files with a total row: rows alike, the total row listed as skipped by its file and line', async () => {
    const list = (name: string, text: string): ImportFile => ({ name, part: 'students', bytes: new TextEncoder().encode(text) });
    const imported = await importDataset([
      tiny('schools.geojson'), tiny('catchments.geojson'),
      list('学生名单.csv', '学籍号,经度,纬度,年级,学校代码\nS1,118.002,36.002,三年级,\nS2,118.012,36.004,十年级,\n合计,,,2,\n'),
      list('补录.csv', '学籍号,年级,经度,纬度,姓名\nS3,初二,118.015,36.005,"李, 华"\nS1,二年级,118.002,36.002,王小明\n'),
    ]);
    const { direct, viaText, skipped } = bothWays(imported);
    expect(direct).toEqual(viaText);
    expect([direct.rowsRead, direct.columns.x.length, direct.rejected.length]).toEqual([4, 2, 2]);
    expect(direct.files).toEqual(['学生名单.csv', '补录.csv']);
    expect(skipped.map(({ file: f, line, problem }) => [f, line, problem?.code])).toEqual([['学生名单.csv', 4, 'totalRowSkipped']]);
  });
});
