import ExcelJS from 'exceljs';
import { DataError } from '../dataError';
import { findHeaderRow, HEADER_SEARCH_ROWS, type RowVisitor, type Table } from './table';
import { headerNames, isTwoRowHeader, type HeaderCell } from './xlsxHeader';

type Sheet = ExcelJS.Worksheet;

/** Whether the cell is the top-left cell of its merged range, or not merged. */
const isMaster = (cell: ExcelJS.Cell) => cell.master.address === cell.address;

function headerCell(sheet: Sheet, row: number, col: number): HeaderCell {
  const cell = sheet.getCell(row, col);
  const master = cell.master.address;
  const spansColumns = cell.isMerged && (
    (col > 1 && sheet.getCell(row, col - 1).master.address === master) || sheet.getCell(row, col + 1).master.address === master);
  return { text: cell.text, spansColumns, fromAbove: cell.isMerged && Number(cell.master.row) < row };
}

function filledCells(sheet: Sheet, row: number, width: number): number {
  let n = 0;
  for (let c = 1; c <= width; c++) {
    const cell = sheet.getCell(row, c);
    if (isMaster(cell) && cell.text.trim() !== '') n++;
  }
  return n;
}

async function loadWorkbook(file: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new DataError(file, 'corruptXlsx', { detail: 'not a zip-based Office file' });
  const book = new ExcelJS.Workbook();
  try {
    // exceljs declares a Node Buffer; any Uint8Array is read alike in Node and in browsers.
    await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
  } catch (e) {
    throw new DataError(file, 'corruptXlsx', { detail: String((e as Error).message ?? e).split(/\s+(?:If it is, )?see /)[0] });
  }
  return book;
}

/**
 * The first worksheet of an XLSX workbook as a table: title rows above the header are skipped, a
 * two-row header with merged group cells gives one name per column (headerNames), a merged data
 * cell gives its value to every cell it covers; rows keep their sheet row numbers. Throws a
 * DataError naming the file when the workbook is unreadable or the sheet is empty.
 */
export async function readXlsxTable(file: string, bytes: Uint8Array): Promise<Table> {
  const book = await loadWorkbook(file, bytes);
  const sheet = book.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new DataError(file, 'emptyFile');
  const width = sheet.columnCount;
  const top: number[] = [];
  for (let r = 1; r <= sheet.rowCount && top.length < HEADER_SEARCH_ROWS; r++) {
    if (sheet.getRow(r).hasValues) top.push(r);
  }
  const h = findHeaderRow(top.map((r) => filledCells(sheet, r, width)));
  if (h < 0) throw new DataError(file, 'emptyFile');
  const row = top[h];
  const cells = (r: number) => Array.from({ length: width }, (_, i) => headerCell(sheet, r, i + 1));
  const upper = cells(row);
  const lower = row < sheet.rowCount ? cells(row + 1) : [];
  const twoRows = isTwoRowHeader(upper, lower);
  const headerLine = twoRows ? row + 1 : row;
  return {
    header: headerNames(upper, twoRows ? lower : undefined),
    headerLine,
    titles: top.slice(0, h).map((r) => Array.from({ length: width }, (_, i) => sheet.getCell(r, i + 1)).filter(isMaster).map((c) => c.text).join(' ').trim()),
    sheet: sheet.name,
    forEachRow(visit: RowVisitor) {
      sheet.eachRow({ includeEmpty: false }, (sheetRow, r) => {
        if (r <= headerLine) return;
        const values = Array.from({ length: width }, (_, i) => sheetRow.getCell(i + 1).text);
        if (values.some((v) => v.trim() !== '')) visit(values, r);
      });
    },
  };
}
