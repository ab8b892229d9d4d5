import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/io/export/csv';
import { buildTablesWorkbook } from '../../src/io/export/workbook';
import { safeCell } from '../../src/io/safeCell';

// Each text as a planner might type it (a school, compound or file name), and what is written.
const CASES: [string, string][] = [
  ['\n=1+1', "'\n=1+1"],
  ['\r\n+1', "'\r\n+1"],
  ['\t\t@SUM(A1)', "'\t\t@SUM(A1)"],
  ['  =1+1', "'  =1+1"],
  ['\u3000-1+1', "'\u3000-1+1"],
  ['＝1+1', "'＝1+1"],
  ['＋1+1', "'＋1+1"],
  ['－1+1', "'－1+1"],
  ['＠SUM(A1)', "'＠SUM(A1)"],
  [' ＝HYPERLINK("x")', '\' ＝HYPERLINK("x")'],
  ['\n圣城小学', "'\n圣城小学"],
  // Not formula-like: left as they are.
  ['圣城小学', '圣城小学'],
  [' 圣城小学', ' 圣城小学'],
  ['1+1=2', '1+1=2'],
  ['a@b.cn', 'a@b.cn'],
  ['阳光花园－南区', '阳光花园－南区'],
  ['', ''],
];

describe('safeCell', () => {
  it.each(CASES)('%j is written as %j', (text, written) => {
    expect(safeCell(text)).toBe(written);
  });
});

describe('exports', () => {
  const table = { header: ['名称', '＝表头'], rows: CASES.map(([text], i) => [text, i] as (string | number)[]) };

  it('CSV: every formula-like cell and header starts with an apostrophe, the rest is as typed', () => {
    const rows = Papa.parse<string[]>(formatCsv(table).slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['名称', "'＝表头"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(CASES.map(([, written]) => written));
  });

  it('XLSX: the same cells re-open with the apostrophe as text', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await buildTablesWorkbook([{ name: 't', table }]).xlsx.writeBuffer());
    const sheet = book.getWorksheet('t')!;
    expect(sheet.getRow(1).getCell(2).value).toBe("'＝表头");
    // A text cell that is empty is written as no cell at all; XML reads a CR LF back as LF.
    const read = CASES.map((_, i) => sheet.getRow(i + 2).getCell(1).value ?? '');
    expect(read).toEqual(CASES.map(([, written]) => written.replace('\r\n', '\n')));
  });
});
