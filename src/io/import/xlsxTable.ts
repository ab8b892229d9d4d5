import ExcelJS from 'exceljs';
import { DataError } from '../dataError';
import { filledOutsideNotes, findHeaderRow, HEADER_SEARCH_ROWS, repeatedColumns, uniqueNames, type RowVisitor, type SheetNotRead, type Table } from './table';
import { headerLabels, isTwoRowHeader, type HeaderCell } from './xlsxHeader';
import { isBareBiff, isCompoundFile, isMarkup, readLegacyWorkbook } from './legacyWorkbook';
import { zipEntries, type ZipBudget } from './zipArchive';
import { baseYearFromText } from './baseYear';

/**
 * What a workbook may unpack to: exceljs holds about sixteen times the sheet's XML in memory, so
 * 100 MB (some 500,000 pupil rows) stays within a browser tab's and Node's heap; larger tables load as CSV.
 */
export const XLSX_BUDGET: ZipBudget = { maxEntries: 10_000, maxBytes: 100 * 1024 * 1024 };

type Sheet = ExcelJS.Worksheet;

/** A data cell's text; a date as yyyy-mm-dd (exceljs writes a date cell's text as a JavaScript date, "Sun Sep 01 2024 …"). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  return v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : cell.text;
}

/** Whether the cell is the top-left cell of its merged range, or not merged. */
const isMaster = (cell: ExcelJS.Cell) => cell.master.address === cell.address;

function headerCell(sheet: Sheet, row: number, col: number): HeaderCell {
  const cell = sheet.getCell(row, col);
  const master = cell.master.address;
  const spansColumns = cell.isMerged && (
    (col > 1 && sheet.getCell(row, col - 1).master.address === master) || sheet.getCell(row, col + 1).master.address === master);
  return { text: cell.text, spansColumns, fromAbove: cell.isMerged && Number(cell.master.row) < row };
}

/** The last column of a row holding text (0 for none or no row). */
function lastFilledColumn(sheet: Sheet, r: number): number {
  const row = sheet.findRow(r);
  if (!row) return 0;
  for (let c = row.cellCount; c >= 1; c--) if (row.getCell(c).text.trim() !== '') return c;
  return 0;
}

/** Whether a row holds text to the right of the table's columns: such a row is a row all the same (its table cells empty). */
function filledBeyond(row: ExcelJS.Row, width: number): boolean {
  for (let c = width + 1; c <= row.cellCount; c++) if (row.getCell(c).text.trim() !== '') return true;
  return false;
}

function filledCells(sheet: Sheet, row: number, width: number): number {
  let n = 0;
  for (let c = 1; c <= width; c++) {
    const cell = sheet.getCell(row, c);
    if (isMaster(cell) && cell.text.trim() !== '') n++;
  }
  return n;
}

/** Unpacks every part of the workbook within XLSX_BUDGET, keeping none: exceljs would hold a zip bomb whole. */
async function checkBudget(file: string, bytes: Uint8Array): Promise<void> {
  for (const entry of zipEntries(file, bytes, XLSX_BUDGET)) await entry.read();
}

async function loadWorkbook(file: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (isCompoundFile(bytes) || isBareBiff(bytes) || isMarkup(bytes)) return readLegacyWorkbook(file, bytes);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new DataError(file, 'corruptXlsx', { detail: 'not a zip-based Office file' });
  try {
    await checkBudget(file, bytes);
  } catch (e) {
    if (e instanceof DataError && e.code === 'corruptZip') throw new DataError(file, 'corruptXlsx', e.params);
    throw e;
  }
  const book = new ExcelJS.Workbook();
  try {
    // exceljs declares a Node Buffer; any Uint8Array is read alike in Node and in browsers.
    await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
  } catch (e) {
    // exceljs refuses some valid workbooks (rows and cells without their r="…" reference, as other
    // programs write them): SheetJS reads those.
    try {
      return await readLegacyWorkbook(file, bytes);
    } catch {
      throw new DataError(file, 'corruptXlsx', { detail: String((e as Error).message ?? e).split(/\s+(?:If it is, )?see /)[0] });
    }
  }
  // An OpenDocument spreadsheet is a zip exceljs opens as a workbook without sheets.
  return book.worksheets.length > 0 ? book : readLegacyWorkbook(file, bytes);
}

/** A worksheet as a table (see readXlsxTable), without the workbook's other sheets; undefined when it holds no header row. */
function sheetTable(file: string, sheet: Sheet): Table | undefined {
  if (sheet.actualRowCount === 0) return undefined;
  const top: number[] = [];
  // findRow, not getRow: getRow makes every empty row up to a far cell (row 1,048,576).
  for (let r = 1; r <= sheet.rowCount && top.length < HEADER_SEARCH_ROWS; r++) {
    if (sheet.findRow(r)?.hasValues) top.push(r);
  }
  // The table's width is its header rows': a stray far cell (column XFD) does not make 16,384 columns.
  const width = Math.max(0, ...[...top, (top.at(-1) ?? 0) + 1].map((r) => lastFilledColumn(sheet, r)));
  const h = findHeaderRow(top.map((r) => (filledOutsideNotes(Array.from({ length: width }, (_, i) => sheet.getCell(r, i + 1).text)) > 0 ? filledCells(sheet, r, width) : 0)));
  if (h < 0) return undefined;
  const row = top[h];
  const cells = (r: number) => Array.from({ length: width }, (_, i) => headerCell(sheet, r, i + 1));
  const upper = cells(row);
  const lower = row < sheet.rowCount ? cells(row + 1) : [];
  const twoRows = isTwoRowHeader(upper, lower);
  const headerLine = twoRows ? row + 1 : row;
  const labels = headerLabels(upper, twoRows ? lower : undefined);
  return {
    file,
    header: uniqueNames(labels),
    headerLine,
    rowBound: sheet.rowCount,
    repeated: repeatedColumns(labels),
    titles: top.slice(0, h).map((r) => Array.from({ length: width }, (_, i) => sheet.getCell(r, i + 1)).filter(isMaster).map((c) => c.text).join(' ').trim()),
    sheet: sheet.name,
    forEachRow(visit: RowVisitor) {
      sheet.eachRow({ includeEmpty: false }, (sheetRow, r) => {
        if (r <= headerLine) return;
        const values = Array.from({ length: width }, (_, i) => cellText(sheetRow.getCell(i + 1)));
        if (values.some((v) => v.trim() !== '') || filledBeyond(sheetRow, width)) visit(values, r);
      });
    },
  };
}

/** Whether score `a` ranks above `b`: the first element that differs decides. */
function ranksAbove(a: number[], b: number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] > b[k];
  return false;
}

/** A worksheet's name saying its rows are pupils who left or records kept aside (已转出学生, 毕业生, 删除记录, 备份): not the current list. */
const NOT_CURRENT = /转出|离校|毕业|休学|往届|历史|删除|作废|备份/;

const isHidden = (sheet: Sheet) => sheet.state === 'hidden' || sheet.state === 'veryHidden';

/**
 * One worksheet of an XLSX workbook as a table: the one whose header `fits` best (ties: the one
 * naming the latest school year, 2024秋 before 2023秋; a visible one before a hidden one; then the
 * first), so that a summary sheet before the pupils' sheet is passed over; the other visible sheets whose header has every column of its
 * own, in any order (a list split into 小学 and 初中, or by school, one of them with a column more),
 * come with it in `alikeSheets`, in workbook order, unless their name says their rows are not the
 * current list (NOT_CURRENT: 已转出, 毕业 …) or name an earlier school year than the chosen one's (last
 * year's list). The others that hold rows are listed in `otherSheets`, not read, with why when their
 * header fits (hidden, not current, older year) or has none of the columns `fits` looks for (notes). Title rows above the header are skipped, a
 * two-row header with merged group cells gives one name per column (headerNames), a merged data
 * cell gives its value to every cell it covers; rows keep their sheet row numbers. Throws a
 * DataError naming the file when the workbook is unreadable, unpacks beyond XLSX_BUDGET or no
 * sheet holds a table. Columns are those of the header rows; cells to the right of them are not read
 * (a row holding only such cells is visited with its table cells empty).
 */
export async function readXlsxTable(file: string, bytes: Uint8Array, fits?: (header: string[]) => number): Promise<Table> {
  const book = await loadWorkbook(file, bytes);
  const sheets = book.worksheets;
  const tables = sheets.map((sheet) => sheetTable(file, sheet));
  // The school year a sheet's name states (2024秋), −∞ for none.
  const yearOf = (i: number) => baseYearFromText(sheets[i].name)?.year ?? -Infinity;
  // By fit, then the latest year named (2024秋 before 2023秋), then visible before hidden, then workbook order.
  const score = (i: number) => [fits?.(tables[i]!.header) ?? 0, yearOf(i), isHidden(sheets[i]) ? 0 : 1];
  let chosen = -1;
  tables.forEach((t, i) => {
    if (t && (chosen < 0 || ranksAbove(score(i), score(chosen)))) chosen = i;
  });
  if (chosen < 0) throw new DataError(file, 'emptyFile');
  const columns = tables[chosen]!.header;
  const fitting = tables.map((t, i) => i !== chosen && t !== undefined && columns.every((c) => t.header.includes(c)));
  // Last year's list kept beside this year's (2023秋 beside 2024秋): both name their year.
  const older = (i: number) => Number.isFinite(yearOf(i)) && yearOf(i) < yearOf(chosen);
  // A sheet of notes (填表说明) or of other figures: none of its columns is one this table needs.
  const unrelated = (i: number) => fits !== undefined && (tables[i] === undefined || fits(tables[i].header) === 0);
  const why = (i: number): SheetNotRead['why'] => {
    if (!fitting[i]) return unrelated(i) ? 'unrelated' : undefined;
    return isHidden(sheets[i]) ? 'hidden' : NOT_CURRENT.test(sheets[i].name) ? 'notCurrent' : older(i) ? 'olderYear' : undefined;
  };
  const alike = tables.map((t, i) => (fitting[i] && why(i) === undefined ? t : undefined));
  const alikeSheets = alike.filter((t): t is Table => t !== undefined);
  const otherSheets = sheets
    .map((other, i): SheetNotRead | undefined => (i === chosen || alike[i] || other.actualRowCount === 0 ? undefined : { name: other.name, rows: other.actualRowCount, ...(why(i) && { why: why(i) }) }))
    .filter((o): o is SheetNotRead => o !== undefined);
  return { ...tables[chosen]!, otherSheets, ...(alikeSheets.length > 0 && { alikeSheets }) };
}
