import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohortGrade, parseCohort } from '../../src/core/cohortGrade';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DataError } from '../../src/io/dataError';
import { importDataset, inspectFile, readImportedDataset, type ImportFile } from '../../src/io/import';
import { baseYearFromText } from '../../src/io/import/baseYear';
import { levelFromText } from '../../src/io/import/pupilGrade';
import { createTotalRowTest } from '../../src/io/import/totalRows';
import { validateImported } from '../../src/io/import/validateImported';
import { describeValidationItem } from '../../src/core/validation/messages';
import { describeDataProblem } from '../../src/core/dataProblems';
import { packedAt } from '../../src/core/packedStrings';
import ExcelJS from 'exceljs';
import { PUPIL_ROWS, workbook } from '../fixtures/registryExport';

const tiny = join(import.meta.dirname, '../fixtures/tiny');
const tinyFile = (name: string): ImportFile => ({ name, bytes: new Uint8Array(readFileSync(join(tiny, name))) });
const text = (name: string, body: string): ImportFile => ({ name, bytes: new TextEncoder().encode(body) });

describe('cohort grades', () => {
  it('reads 级 and 届, with a level when the text says it', () => {
    expect(parseCohort('2023级')).toEqual({ year: 2023, kind: '级' });
    expect(parseCohort(' 2025 届 ')).toEqual({ year: 2025, kind: '届' });
    expect(parseCohort('23级')).toEqual({ year: 2023, kind: '级' });
    expect(parseCohort('初中2023级')).toEqual({ year: 2023, kind: '级', level: 'junior' });
    expect(parseCohort('初2023级')).toEqual({ year: 2023, kind: '级', level: 'junior' });
    expect(parseCohort('小学2023级')).toEqual({ year: 2023, kind: '级', level: 'primary' });
    expect(parseCohort('２０２３级３班')).toEqual({ year: 2023, kind: '级' });
    expect(parseCohort('三年级')).toBeUndefined();
    // An entry year alone is the 级 registry exports mean by it (a bare 2024 was rejected as a grade).
    expect(parseCohort('2023')).toEqual({ year: 2023, kind: '级' });
    expect(parseCohort('2023年入学')).toEqual({ year: 2023, kind: '级' });
    expect(parseCohort('初中 2023年')).toEqual({ year: 2023, kind: '级', level: 'junior' });
    // The month of an autumn entry (入学年月, as the registry system exports it) is that year's 级; a spring month is not read.
    for (const entry of ['2023年9月', '2023.09', '2023-09', '202309', '2023/9', '2023-09-01', '2023年9月入学', '2023.10']) expect(parseCohort(entry), entry).toEqual({ year: 2023, kind: '级' });
    for (const other of ['1899', '2100', '12345', '2023.5', '2023-03', '202313', '2023年9日', '2023-09-15']) expect(parseCohort(other), other).toBeUndefined();
  });

  it('converts them for the autumn term of the base year', () => {
    // 级: entered grade 1 (primary) or 7 (junior) in the autumn of that year.
    expect(cohortGrade({ year: 2023, kind: '级' }, 2024, 'primary')).toBe(2);
    expect(cohortGrade({ year: 2024, kind: '级' }, 2024, 'primary')).toBe(1);
    expect(cohortGrade({ year: 2019, kind: '级' }, 2024, 'primary')).toBe(6);
    expect(cohortGrade({ year: 2023, kind: '级' }, 2024, 'junior')).toBe(8);
    expect(cohortGrade({ year: 2017, kind: '级' }, 2024, 'primary')).toBe(8);
    // 届: finishes grade 6 (primary) or 9 (junior) in the summer of that year.
    expect(cohortGrade({ year: 2025, kind: '届' }, 2024, 'primary')).toBe(6);
    expect(cohortGrade({ year: 2030, kind: '届' }, 2024, 'primary')).toBe(1);
    expect(cohortGrade({ year: 2025, kind: '届' }, 2024, 'junior')).toBe(9);
    expect(cohortGrade({ year: 2027, kind: '届' }, 2024, 'junior')).toBe(7);
    // 五四制: junior starts at grade 6.
    expect(cohortGrade({ year: 2024, kind: '级' }, 2024, 'junior', 5)).toBe(6);
  });
});

describe('base year and level from a name or title', () => {
  it('reads the school year a name states', () => {
    expect(baseYearFromText('学生名单2024秋.xlsx')).toEqual({ year: 2024, said: '2024秋' });
    expect(baseYearFromText('寿光市2024年秋季学期学生名单')).toEqual({ year: 2024, said: '2024年秋季' });
    expect(baseYearFromText('2024学年')).toEqual({ year: 2024, said: '2024学年' });
    expect(baseYearFromText('2024学年度学校统计')).toEqual({ year: 2024, said: '2024学年度' });
    expect(baseYearFromText('2024-2025学年')).toEqual({ year: 2024, said: '2024-2025学年' });
    expect(baseYearFromText('2024—2025 学年')).toEqual({ year: 2024, said: '2024—2025学年' });
    expect(baseYearFromText('2025春')).toEqual({ year: 2024, said: '2025春' });
    expect(baseYearFromText('2024年学生名单')).toBeUndefined();
    expect(baseYearFromText('2024-2026学年')).toBeUndefined();
    expect(baseYearFromText('students.csv')).toBeUndefined();
  });

  it('reads the level a name states, and none from 中小学', () => {
    expect(levelFromText('初中学生名单')).toBe('junior');
    expect(levelFromText('寿光市初级中学2024秋')).toBe('junior');
    expect(levelFromText('小学学生')).toBe('primary');
    expect(levelFromText('中小学生名单')).toBeUndefined();
    expect(levelFromText('学生名单')).toBeUndefined();
  });
});

describe('total rows', () => {
  it('finds labelled rows and rows without id that sum the rows above', () => {
    const isTotal = createTotalRowTest(0);
    // Columns: id, name, classrooms, pupils.
    expect(isTotal(['P1', '西小学', '6', '270'])).toBeUndefined();
    expect(isTotal(['P2', '东小学', '4', '180'])).toBeUndefined();
    expect(isTotal(['小计', '', '10', '450'])).toEqual({ label: '小计' });
    expect(isTotal(['J1', '中学', '3', '150'])).toBeUndefined();
    expect(isTotal(['J2', '二中', '5', '1,250'])).toBeUndefined();
    // The block since 小计 sums to 8 and 1400; all data rows to 18 and 1850.
    expect(isTotal(['', '初中', '8', '1,400'])).toEqual({ sums: true });
    expect(isTotal(['', '', '18', '1850'])).toEqual({ sums: true });
    expect(isTotal(['全县 合计：', '', '18', '1850'])).toEqual({ label: '全县合计:' });
  });

  it('does not take a data row for a total', () => {
    const isTotal = createTotalRowTest(0);
    expect(isTotal(['', '118.002', '36.002', '1'])).toBeUndefined();
    expect(isTotal(['a1', '118.002', '36.002', '1'])).toBeUndefined();
    // One row above: a copy of it without id is not a sum.
    const fresh = createTotalRowTest(0);
    expect(fresh(['a1', '118.002', '36.002', '1'])).toBeUndefined();
    expect(fresh(['', '118.002', '36.002', '1'])).toBeUndefined();
    // A name with 计 in it that is not a total label.
    expect(createTotalRowTest(0)(['k1', '计家村', '1', '2'])).toBeUndefined();
    // A pupil with an id of its own, whose address or note says 小计 or 合计, is data; a labelled row without one is a total.
    const pupils = createTotalRowTest(0);
    expect(pupils(['G001', '小计', '118.002', '36.002', '一年级'])).toBeUndefined();
    expect(pupils(['G002', '全村合计：5户', '118.003', '36.002', '二年级'])).toBeUndefined();
    expect(pupils(['', '全村合计：5户', '', '', ''])).toEqual({ label: '全村合计:5户' });
    expect(pupils(['合计', '', '', '', '2'])).toEqual({ label: '合计' });
    // The label before the id's column, a count under the id: a total.
    expect(createTotalRowTest(1)(['小计', '86', '', '', ''])).toEqual({ label: '小计' });
  });
});

// The tiny schools as a table.
const SCHOOLS_CSV = '学校代码,学校名称,学段,办学性质,经度,纬度\nP1,西小学,小学,公办,118.005,36.005\nP2,东小学,小学,公办,118.015,36.005\nJ1,中学,初中,公办,118.01,36.015\nX1,民办小学,小学,民办,118.012,36.012\nN9,新学校,九年一贯制,公办,118.018,36.018\n';

describe('a workbook of several worksheets', () => {
  it('reads every sheet with the pupils’ header, naming each row by its sheet; rows listed on two sheets are one pupil', async () => {
    const book = new ExcelJS.Workbook();
    for (const [name, rows] of [['初中', PUPIL_ROWS.slice(0, 5)], ['小学', [PUPIL_ROWS[1], PUPIL_ROWS[2], PUPIL_ROWS[3]]], ['空白', []]] as const) {
      const ws = book.addWorksheet(name);
      for (const row of rows) ws.addRow([...row]);
    }
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), { name: '学生名单.xlsx', bytes, baseYear: 2024 }]);
    expect(imported.notUsed).toEqual([]);
    const loaded = readImportedDataset(imported, DEFAULT_RULES, 2024);
    expect([loaded.dataset.rowsRead, loaded.dataset.pupils.count]).toEqual([5, 3]);
    expect(loaded.dataset.rejected.map((r) => [r.file, r.line, r.problem?.code, r.problem?.params.value])).toEqual([
      ['学生名单.xlsx [小学]', 2, 'duplicatePupilIdIn', '学生名单.xlsx [初中]'],
      ['学生名单.xlsx [小学]', 3, 'duplicatePupilIdIn', '学生名单.xlsx [初中]'],
    ]);
    expect(validateImported(imported, loaded, DEFAULT_RULES).items.some((i) => i.kind === 'fileNotUsed')).toBe(false);
  });

  it('reads the sheet whose columns are the pupils’, not a summary sheet before it (the load was refused)', async () => {
    const book = new ExcelJS.Workbook();
    const summary = book.addWorksheet('汇总');
    for (const row of [['2024年学生人数汇总'], ['学校名称', '学段', '人数'], ['西小学', '小学', 3], ['合计', '', 3]]) summary.addRow(row);
    const data = book.addWorksheet('2024秋');
    for (const row of PUPIL_ROWS.slice(0, 5)) data.addRow([...row]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const file = { name: '学生名单.xlsx', bytes };
    const inspected = await inspectFile(file);
    expect(inspected.suggestion?.missing).toEqual([]);
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), file]);
    expect(imported.notes.find((n) => n.part === 'students')?.sheet).toBe('2024秋');
    expect(imported.notUsed.map((f) => [f.file, f.problem.code, f.problem.params.value])).toEqual([['学生名单.xlsx [汇总]', 'sheetNotRead', '2024秋']]);
    const loaded = readImportedDataset(imported, DEFAULT_RULES, 2024);
    expect(loaded.dataset.rowsRead).toBe(3);
    expect(loaded.dataset.pupils.count + loaded.dataset.rejected.length).toBe(3);
  });
});

describe('a workbook of one sheet per school, without a school column', () => {
  it('gives each sheet\'s pupils the school the sheet is named after: a private school\'s pupils were zoned by their homes, without a word', async () => {
    const book = new ExcelJS.Workbook();
    const sheets: [string, (string | number)[][]][] = [
      ['西小学', [['s1', 118.002, 36.002, '一年级'], ['s2', 118.003, 36.003, '二年级']]],
      ['民办小学', [['x1', 118.004, 36.004, '一年级'], ['x2', 118.016, 36.006, '三年级']]],
    ];
    for (const [name, rows] of sheets) {
      const ws = book.addWorksheet(name);
      ws.addRow(['学籍号', '经度', '纬度', '年级']);
      for (const row of rows) ws.addRow(row);
    }
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), { name: '学生名单.xlsx', bytes }]);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    const schoolOf = Object.fromEntries(Array.from({ length: dataset.pupils.count }, (_, i) => [packedAt(dataset.pupils.id!, i), dataset.schools[dataset.pupils.currentSchool[i]]?.id]));
    expect(schoolOf).toEqual({ s1: 'P1', s2: 'P1', x1: 'X1', x2: 'X1' });
    expect(dataset.warnings).toEqual([]);
  });

  it('gives no school when a sheet is named otherwise (初中, a level), or alone', async () => {
    const read = async (sheets: string[]) => {
      const book = new ExcelJS.Workbook();
      sheets.forEach((name, k) => {
        const ws = book.addWorksheet(name);
        ws.addRow(['学籍号', '经度', '纬度', '年级']);
        ws.addRow([`s${k}`, 118.002, 36.002, '一年级']);
      });
      const bytes = new Uint8Array(await book.xlsx.writeBuffer());
      const { dataset } = readImportedDataset(await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), { name: '学生名单.xlsx', bytes }]), DEFAULT_RULES, 2024);
      return Array.from(dataset.pupils.currentSchool);
    };
    expect(await read(['西小学', '初中'])).toEqual([-1, -1]);
    expect(await read(['西小学'])).toEqual([-1]);
    expect(await read(['西小学', '东小学'])).toEqual([0, 1]);
  });
});

describe('a workbook with a sheet of instructions (填表说明) before the pupils', () => {
  it('names that sheet as not a table of pupils, not as rows to move into the pupils\' sheet', async () => {
    const book = new ExcelJS.Workbook();
    const notes = book.addWorksheet('填表说明');
    for (const row of [['填表说明'], ['1. 学籍号请填写全国统一的学籍号。'], ['2. 经纬度请填写WGS84坐标，保留6位小数。'], ['3. 年级填写一年级至九年级。']]) notes.addRow(row);
    const data = book.addWorksheet('学生名单');
    for (const row of PUPIL_ROWS.slice(0, 5)) data.addRow([...row]);
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), { name: '学生名单.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) }]);
    expect(imported.notes.find((n) => n.part === 'students')?.sheet).toBe('学生名单');
    expect(imported.notUsed.map((f) => [f.file, f.problem.code])).toEqual([['学生名单.xlsx [填表说明]', 'sheetUnrelated']]);
    expect(describeDataProblem(imported.notUsed[0].problem.code, imported.notUsed[0].problem.params, 'zh-CN')).toBe('与“学生名单”的列无关的工作表（填表说明、汇总等）：未读取（4 行）');
  });
});

describe('a pupils file with a header only', () => {
  it('is named in the load’s report, beside a file with rows and alone', async () => {
    const header = { name: '学生名单_补录.csv', bytes: new TextEncoder().encode('学籍号,经度,纬度,年级\n') };
    const withRows = { name: '学生名单.xlsx', bytes: await workbook('2024秋', PUPIL_ROWS) };
    for (const files of [[withRows, header], [header]]) {
      const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), ...files]);
      const loaded = readImportedDataset(imported, DEFAULT_RULES, 2024);
      const items = validateImported(imported, loaded, DEFAULT_RULES).items.filter((i) => i.kind === 'fileNotUsed');
      expect(items.map((i) => describeValidationItem(i, 'zh-CN'))).toEqual(['学生名单_补录.csv：未使用——文件只有表头，没有学生行；其他文件照常载入']);
    }
  });
});

describe('a registry export loads unedited', () => {
  const pupils = async (extra: Partial<ImportFile> = {}) => ({ name: '学生名单.xlsx', bytes: await workbook('2024秋', PUPIL_ROWS), ...extra });

  it('converts cohorts for the sheet’s 2024秋, skips total rows, rejects duplicates and out-of-range cohorts naming their rows', async () => {
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), await pupils()]);
    expect(imported.baseYear).toEqual({ year: 2024, from: 'files', stated: [{ year: 2024, said: '2024秋', file: '学生名单.xlsx', in: 'sheet' }], conflict: false });
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2030);
    expect(dataset.baseYear).toBe(2024);
    // 12 data rows below the header: 10 read, 2 total rows skipped; 7 loaded + 3 rejected.
    expect(dataset.rowsRead).toBe(10);
    expect(dataset.skipped!.map((r) => [r.file, r.sheet, r.line, r.reason])).toEqual([
      ['学生名单.xlsx', '2024秋', 6, 'total row skipped ("小计")'],
      ['学生名单.xlsx', '2024秋', 14, 'total row skipped ("合计")'],
    ]);
    expect(dataset.pupils.count).toBe(7);
    expect(dataset.rejected.map((r) => [r.file, r.sheet, r.line, r.reason])).toEqual([
      ['学生名单.xlsx', '2024秋', 8, 'grade "2017级" is grade 8 in the autumn term of 2024, outside grades 1 to 6'],
      ['学生名单.xlsx', '2024秋', 9, 'id "s1" is also on line 3, which is loaded; this row is not'],
      ['学生名单.xlsx', '2024秋', 12, 'grade "2022级" is a cohort, but neither the row\'s 学段, the file nor the school says whether it counts from grade 1 (primary) or 7 (junior); map a 学段 column or set the file\'s level in the mapping step'],
    ]);
    expect(dataset.warnings.map((r) => [r.line, r.reason])).toEqual([
      [10, 'school_id "P1" is 西小学, but the school name is "东小学" = 东小学 (P2); school_id used'],
    ]);
    const p = dataset.pupils;
    const byLine = new Map(Array.from({ length: p.count }, (_, i) => [p.line[i], { grade: p.grade[i], school: p.currentSchool[i] }]));
    expect([...byLine].sort((a, b) => a[0] - b[0])).toEqual([
      [3, { grade: 2, school: 0 }],
      [4, { grade: 1, school: 1 }],
      [5, { grade: 8, school: 2 }],
      [7, { grade: 6, school: 1 }],
      [10, { grade: 3, school: 0 }],
      [11, { grade: 2, school: 1 }],
      [13, { grade: 8, school: -1 }],
    ]);
  });

  it('is inspected for the mapping step: the year its sheet states and its cohorts, in order of appearance', async () => {
    const inspected = await inspectFile(await pupils({ name: '初中学生名单.xlsx' }));
    expect(inspected).toMatchObject({
      part: 'students', level: 'junior', years: [{ year: 2024, said: '2024秋', file: '初中学生名单.xlsx', in: 'sheet' }],
      cohorts: ['2023级', '2024级', '2025届', '2017级', '2022级', '初中2023级'],
    });
  });

  it('takes the planner’s base year and file level over the sheet’s, and says when files disagree', async () => {
    const imported = await importDataset([text('学校2023学年.csv', SCHOOLS_CSV), tinyFile('catchments.geojson'), await pupils({ baseYear: 2025, cohortLevel: 'junior' })]);
    expect(imported.baseYear).toEqual({
      year: 2025, from: 'option', conflict: true,
      stated: [{ year: 2024, said: '2024秋', file: '学生名单.xlsx', in: 'sheet' }, { year: 2023, said: '2023学年', file: '学校2023学年.csv', in: 'name' }],
    });
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2030);
    expect(dataset.baseYear).toBe(2025);
    const p = dataset.pupils;
    const gradeOf = (line: number) => p.grade[Array.from(p.line).indexOf(line)];
    // 2023级 at P1 in autumn 2025: grade 3; 2025届 at P2: grade 7 − (2025 − 2025) = 7 → outside 1–6, rejected.
    expect(gradeOf(3)).toBe(3);
    expect(dataset.rejected.find((r) => r.line === 7)?.reason).toBe('grade "2025届" is grade 7 in the autumn term of 2025, outside grades 1 to 6');
    // The nine-year school's 2022级 counts from grade 7 as the planner said: grade 7 + 3 = 10, outside 7–9.
    expect(dataset.rejected.find((r) => r.line === 12)?.reason).toBe('grade "2022级" is grade 10 in the autumn term of 2025, outside grades 7 to 9');
  });

  it('without a planner’s year uses the pupils file’s and reports the other file’s', async () => {
    const imported = await importDataset([text('学校2023学年.csv', SCHOOLS_CSV), tinyFile('catchments.geojson'), await pupils()]);
    expect(imported.baseYear).toMatchObject({ year: 2024, from: 'files', conflict: true });
  });
});

describe('a pupils file with a 学段 column', () => {
  it('counts each row’s grade within its 学段 and rejects a grade its 学段 does not have, naming the row', async () => {
    const csv = [
      '学籍号,经度,纬度,年级,学校代码,学段',
      's1,118.002,36.002,一年级,,初中',
      's2,118.002,36.003,二年级,J1,初中部',
      's3,118.002,36.004,五年级,,初中',
      's4,118.002,36.005,初一,,小学',
      's5,118.002,36.006,2023级,,初级中学',
      's6,118.002,36.007,3,,高中',
      's7,118.002,36.008,初中2023级,,小学',
      's8,118.002,36.009,三年级,P1,',
      's9,118.002,36.010,七年级,,初中',
    ].join('\n');
    const imported = await importDataset([tinyFile('schools.geojson'), tinyFile('catchments.geojson'), text('学生名单（2024学年）.csv', csv)]);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2030);
    expect(dataset.rowsRead).toBe(9);
    const p = dataset.pupils;
    const byLine = new Map(Array.from({ length: p.count }, (_, i) => [p.line[i], p.grade[i]]));
    // 一年级 of 初中 = 7, 二年级 of 初中部 = 8, 2023级 of 初级中学 in 2024 = 8, 三年级 without a 学段 = 3, 七年级 of 初中 = 7;
    // 3 with 学段 高中 is read alone, with a remark.
    expect([...byLine].sort((a, b) => a[0] - b[0])).toEqual([[2, 7], [3, 8], [6, 8], [7, 3], [9, 3], [10, 7]]);
    expect(dataset.rejected.map((r) => [r.line, r.reason])).toEqual([
      [4, 'grade "五年级" is not one of grades 7 to 9, those of the row\'s 学段 "初中"'],
      [5, 'grade "初一" is not one of grades 1 to 6, those of the row\'s 学段 "小学"'],
      [8, 'grade "初中2023级" is not one of grades 1 to 6, those of the row\'s 学段 "小学"'],
    ]);
    expect(dataset.warnings.map((r) => [r.line, r.reason])).toEqual([[7, '学段 "高中" is neither 小学 nor 初中; the grade was read on its own']]);
    expect(p.count + dataset.rejected.length).toBe(dataset.rowsRead);
  });
});

describe('a school table', () => {
  const header = '学校代码,学校名称,学段,办学性质,经度,纬度,教室数,开办年份\n';
  const rows = [
    'P1,西小学,小学,公办,118.005,36.005,6,', // line 2
    'P2,东小学,小学,公办,118.015,36.005,,', // line 3
    '小学小计,,,,,,6,', // line 4: labelled
    'J1,中学,初中,公办,118.01,36.015,3,', // line 5
    'X1,民办小学,小学,民办,118.012,36.012,6,', // line 6
    'N9,新学校,九年一贯制,公办,118.018,36.018,,2030', // line 7
    ',,,,,,15,2030', // line 8: no id, sums every row above (6 + 3 + 6 classrooms, 2030)
  ];

  it('skips its total rows and lists them; rows read = schools + skipped', async () => {
    const imported = await importDataset([text('学校.csv', header + rows.join('\n') + '\n'), tinyFile('catchments.geojson'), tinyFile('students.csv')]);
    const note = imported.notes.find((n) => n.part === 'schools')!;
    expect(note.count).toBe(5);
    expect(note.featureRows).toEqual([2, 3, 5, 6, 7]);
    expect(imported.skipped.map((r) => [r.file, r.sheet, r.line, r.reason])).toEqual([
      ['学校.csv', undefined, 4, 'total row skipped ("小学小计")'],
      ['学校.csv', undefined, 8, 'total row skipped (no id, and its numbers sum the rows above)'],
    ]);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    expect(dataset.schools.map((s) => s.id)).toEqual(['P1', 'P2', 'J1', 'X1', 'N9']);
  });

  it('names a bad row by its line (CSV) or its sheet and row (XLSX), not as a feature', async () => {
    const bad = [...rows];
    bad[3] = 'J1,中学,高中,公办,118.01,36.015,3,';
    const csv = await importDataset([text('学校.csv', header + bad.join('\n') + '\n'), tinyFile('catchments.geojson'), tinyFile('students.csv')]);
    const csvError = (() => { try { readImportedDataset(csv, DEFAULT_RULES, 2024); } catch (e) { return e as DataError; } })();
    expect(csvError?.message).toBe('学校.csv: line 5 (id "J1"): "level" must be one of primary, junior, nine_year, got "高中"');
    const sheetRows = [['2024学年学校统计表'], header.trim().split(','), ...bad.map((r) => r.split(','))];
    const xlsx = await importDataset([{ name: '学校.xlsx', bytes: await workbook('学校', sheetRows) }, tinyFile('catchments.geojson'), tinyFile('students.csv')]);
    const xlsxError = (() => { try { readImportedDataset(xlsx, DEFAULT_RULES, 2024); } catch (e) { return e as DataError; } })();
    // The title takes row 1 and the header row 2: the CSV's line 5 is the sheet's row 6.
    expect(xlsxError?.message).toBe('学校.xlsx: sheet "学校" row 6 (id "J1"): "level" must be one of primary, junior, nine_year, got "高中"');
    expect(xlsx.baseYear).toMatchObject({ year: 2024, stated: [{ year: 2024, said: '2024学年', file: '学校.xlsx', in: 'title' }] });
  });
});
