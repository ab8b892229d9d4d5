import ExcelJS from 'exceljs';
import { DataError } from '../dataError';
import { decodeText } from './textDecoding';

/** Whether the bytes open with the OLE2 compound-file signature: an Excel 97–2003 (.xls) workbook, or an encrypted .xlsx. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Whether the text begins (after white space) with markup: a web page saved with an .xls name, as some systems export tables. */
export function isMarkup(bytes: Uint8Array): boolean {
  return decodeText(bytes.subarray(0, 512)).text.trimStart().startsWith('<');
}

const STATES = ['visible', 'hidden', 'veryHidden'] as const;

/** A worksheet's size in Excel (2007 and after), which exceljs enforces. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** A SheetJS cell's value as exceljs holds it: dates as dates, errors as error values, the rest as they are. */
function valueOf(cell: { t: string; v?: unknown; w?: string }): ExcelJS.CellValue {
  if (cell.t === 'z' || cell.v === undefined) return null;
  if (cell.t === 'e') return { error: (cell.w ?? '#VALUE!') as ExcelJS.CellErrorValue['error'] };
  return cell.v as ExcelJS.CellValue;
}

/**
 * An old workbook (Excel 97–2003 .xls, also Excel 5/95 in its own code page, or a web page table
 * saved as .xls) as an exceljs workbook, so that one reader (readXlsxTable) reads both: every sheet
 * with its name, visibility, cell values (dates as dates, formulas as their last computed values)
 * and merged cells. SheetJS reads it, loaded only when such a file comes. Only the cells the file
 * holds are copied: a damaged sheet's stated extent (hundreds of millions of rows) costs nothing.
 * Throws a DataError naming the file when the workbook is password-protected or unreadable.
 */
export async function readLegacyWorkbook(file: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const [XLSX, cptable] = await Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel.full.mjs')]);
  XLSX.set_cptable(cptable);
  const options = { dense: true, cellDates: true, cellFormula: false, cellHTML: false, cellText: false } as const;
  let legacy: ReturnType<typeof XLSX.read>;
  try {
    // A web page is decoded here (UTF-8 or GBK, as text files are), not by SheetJS, which would take GBK bytes for Latin-1.
    legacy = isCompoundFile(bytes) ? XLSX.read(bytes, { ...options, type: 'array' }) : XLSX.read(decodeText(bytes).text, { ...options, type: 'string' });
  } catch (e) {
    const message = String((e as Error)?.message ?? e);
    if (/password|encrypt/i.test(message)) throw new DataError(file, 'encryptedWorkbook');
    throw new DataError(file, 'corruptXlsx', { detail: message });
  }
  if (legacy.SheetNames.length === 0) throw new DataError(file, 'emptyFile');
  const book = new ExcelJS.Workbook();
  legacy.SheetNames.forEach((name, i) => {
    const from = legacy.Sheets[name];
    // A damaged file may list a sheet it does not hold.
    if (!from) return;
    const sheet = book.addWorksheet(name, { state: STATES[legacy.Workbook?.Sheets?.[i]?.Hidden ?? 0] ?? 'hidden' });
    // A damaged file may place cells beyond a worksheet's last row and column: they are not kept.
    (from['!data'] ?? []).slice(0, MAX_ROWS).forEach((cells, r) => {
      cells?.slice(0, MAX_COLUMNS).forEach((cell, c) => {
        const value = cell && valueOf(cell);
        if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const m of from['!merges'] ?? []) {
      // Excel writes no overlapping merges; a damaged file's second one is left out, its cells kept.
      try {
        sheet.mergeCells(m.s.r + 1, m.s.c + 1, m.e.r + 1, m.e.c + 1);
      } catch {
        continue;
      }
    }
  });
  return book;
}
