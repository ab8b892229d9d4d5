import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { simulate } from '../../src/core/scenarioRun';
import type { SimulationResult } from '../../src/core/simulation';
import { formatCsv } from '../../src/io/export/csv';
import { computeCountyByYearTable, computeProjectionTable, type YearResults } from '../../src/io/export/projectionTables';
import { computeSchoolTable } from '../../src/io/export/schoolTable';
import { buildResultsXlsx } from '../../src/io/export/workbook';
import { loadTiny } from './tinyFixture';

const dataset = loadTiny();
const base = simulate(dataset, DEFAULT_RULES);
// A planner can name a school anything: this name would run as a formula in a spreadsheet.
const result: SimulationResult = { ...base, schools: base.schools.map((r) => (r.id === 'P2' ? { ...r, name: '=1+1' } : r)) };
const tighter = simulate(dataset, { ...DEFAULT_RULES, classCap: { primary: 2, junior: 50 }, maxSchoolSize: 1 });
const projection: YearResults = [
  { year: 2024, result },
  { year: 2025, result: tighter },
];

// Parsed without the BOM and the line break that ends the last row.
const parseCsv = (text: string) => Papa.parse<string[]>(text.slice(1, -2)).data;

describe('per-school table', () => {
  const table = computeSchoolTable(result);
  const row = (id: string) => table.rows.find((r) => r[0] === id)!;

  it('has the Chinese header with grades 1–9', () => {
    expect(table.header).toEqual([
      '学校代码', '学校名称', '学段', '办学性质', '状态', '在校生',
      '1年级', '2年级', '3年级', '4年级', '5年级', '6年级', '7年级', '8年级', '9年级',
      '班级数', '最大班额', '超标班级', '大班额', '超大班额', '超规模', '教室数', '教室利用率（%）',
    ]);
    expect(table.rows.map((r) => r[0])).toEqual(['P1', 'P2', 'J1', 'X1', 'N9']);
  });

  it('fills the grades a school teaches and leaves the others empty', () => {
    expect(row('P1')).toEqual(['P1', '西小学', '小学', '公办', null, 5, 3, 2, 0, 0, 0, 0, null, null, null, 2, 3, 0, 0, 0, '否', 6, 33.3]);
    expect(row('J1').slice(6, 15)).toEqual([null, null, null, null, null, null, 1, 0, 1]);
    expect(row('X1').slice(2, 4)).toEqual(['小学', '民办']);
    expect(row('P2')[21]).toBeNull();
    expect(row('N9').slice(2, 6)).toEqual(['九年一贯制', '公办', '规划中', 0]);
    expect(row('N9').slice(6, 15)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('speaks English when asked', () => {
    const en = computeSchoolTable(result, 'en');
    expect(en.header.slice(0, 7)).toEqual(['School ID', 'School name', 'Level', 'Ownership', 'Status', 'Pupils', 'Grade 1']);
    expect(en.rows[4].slice(2, 5)).toEqual(['Nine-year', 'Public', 'planned']);
  });
});

describe('projection tables', () => {
  it('lists every school of every year after a year column', () => {
    const table = computeProjectionTable(projection);
    expect(table.header[0]).toBe('年份');
    expect(table.header.slice(1)).toEqual(computeSchoolTable(result).header);
    expect(table.rows).toHaveLength(10);
    expect(table.rows[0]).toEqual([2024, ...computeSchoolTable(result).rows[0]]);
    expect(table.rows[5]).toEqual([2025, ...computeSchoolTable(tighter).rows[0]]);
  });

  it('sums the county by year', () => {
    const table = computeCountyByYearTable(projection);
    expect(table.header).toEqual(['年份', '超规模学校', '超标班级', '大班额', '超大班额', '在校生总数']);
    expect(table.rows[0]).toEqual([2024, 0, 0, 0, 0, 10]);
    // Schools of at most 1 pupil: P1, P2 and J1 are oversized, X1 (1 pupil) and N9 are not.
    expect(table.rows[1]).toEqual([2025, 3, tighter.summary.classesOverCap, 0, 0, 10]);
  });
});

describe('CSV', () => {
  it('has a BOM, CRLF line ends and parses back to the table, the formula-like name escaped', () => {
    const text = formatCsv(computeSchoolTable(result));
    expect(text.startsWith('\uFEFF学校代码,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(1 + 5 + 1);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(text);
    expect(rows[0][1]).toBe('学校名称');
    expect(rows[1]).toEqual(['P1', '西小学', '小学', '公办', '', '5', '3', '2', '0', '0', '0', '0', '', '', '', '2', '3', '0', '0', '0', '否', '6', '33.3']);
    expect(rows[2][1]).toBe("'=1+1");
  });

  it('quotes by RFC 4180: commas, quotes and line breaks survive the round trip', () => {
    const text = formatCsv({ header: ['名称', 'n'], rows: [['东小学,"分校"', 1], ['第一行\r\n第二行', 2]] });
    expect(text).toContain('"东小学,""分校""",1\r\n');
    expect(parseCsv(text).slice(1)).toEqual([['东小学,"分校"', '1'], ['第一行\r\n第二行', '2']]);
  });

  it('escapes text starting with = + - @ tab or CR, but writes a negative number as a number', () => {
    const text = formatCsv({ header: ['v'], rows: [['-1'], [-1], ['+1'], ['@SUM(A1)'], ['\t=1'], ['\r=1'], [2.5], [null]] });
    expect(parseCsv(text).slice(1).map((r) => r[0])).toEqual(["'-1", '-1', "'+1", "'@SUM(A1)", "'\t=1", "'\r=1", '2.5', '']);
  });
});

describe('XLSX', () => {
  it('re-opens with a sheet per table, bold frozen headers, numbers as numbers and escaped text', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildResultsXlsx(result, projection)).buffer as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['学校', '逐年预测', '全县逐年']);

    const schools = book.getWorksheet('学校')!;
    expect(schools.getRow(1).getCell(1).value).toBe('学校代码');
    expect(schools.getRow(1).getCell(1).font.bold).toBe(true);
    expect(schools.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(schools.rowCount).toBe(6);
    const p1 = schools.getRow(2);
    expect(p1.getCell(2).value).toBe('西小学');
    expect(p1.getCell(6).value).toBe(5);
    expect(p1.getCell(13).value).toBeNull();
    expect(p1.getCell(23).value).toBe(33.3);
    expect(schools.getRow(3).getCell(2).value).toBe("'=1+1");
    // As wide as its widest text, 学校名称 or 民办小学: 4 CJK characters count 8, plus 2.
    expect(schools.getColumn(2).width).toBe(10);

    const years = book.getWorksheet('逐年预测')!;
    expect(years.rowCount).toBe(11);
    expect(years.getRow(7).getCell(1).value).toBe(2025);
    const county = book.getWorksheet('全县逐年')!;
    expect(county.getRow(1).getCell(6).value).toBe('在校生总数');
    expect(county.getRow(3).getCell(2).value).toBe(3);
  });

  it('has only the schools sheet without a projection, in English when asked', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildResultsXlsx(result, undefined, 'en')).buffer as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Schools']);
  });
});
