import ExcelJS from 'exceljs';
import { DataError } from '../dataError';
import { decodeText } from './textDecoding';

/** Whether the bytes open with the OLE2 compound-file signature: an Excel 97–2003 (.xls) workbook, or an encrypted .xlsx. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Whether the bytes open with an Excel 2.x–4.0 worksheet's first record (BOF): a workbook older than Excel 97, not in a compound file. */
export function isBareBiff(bytes: Uint8Array): boolean {
  return bytes[0] === 0x09 && (bytes[1] === 0x00 || bytes[1] === 0x02 || bytes[1] === 0x04) && bytes[3] === 0x00;
}

/** Whether the text begins (after white space) with markup: a web page saved with an .xls name, as some systems export tables. */
export function isMarkup(bytes: Uint8Array): boolean {
  return decodeText(bytes.subarray(0, 512)).text.trimStart().startsWith('<');
}

const STATES = ['visible', 'hidden', 'veryHidden'] as const;

/** A worksheet's size in Excel (2007 and after), which exceljs enforces. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** A cell value as exceljs holds it: text, a number, a boolean, a date, an error value. */
type LegacyValue = string | number | boolean | Date | { error: string };

/** One worksheet of an old workbook: its name, visibility, cell values by row and column (0-based; holes for empty cells), merged ranges (0-based, inclusive). */
export interface LegacySheet {
  name: string;
  state: (typeof STATES)[number];
  rows: (LegacyValue | null)[][];
  merges: [number, number, number, number][];
}

/** What reading an old workbook gave: its sheets, or why not (structured-cloneable, to come back from another process). */
export type LegacyParse = { sheets: LegacySheet[] } | { problem: 'encrypted' } | { problem: 'corrupt'; detail: string };

/** Reads an old workbook's bytes into sheets (see readLegacyWorkbook); may run in a process of its own. */
export type LegacyParser = (bytes: Uint8Array) => Promise<LegacyParse>;

/** A SheetJS cell's value as exceljs holds it: dates as dates, errors as error values, the rest as they are. */
function valueOf(cell: { t: string; v?: unknown; w?: string } | undefined): LegacyValue | null {
  if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null) return null;
  if (cell.t === 'e') return { error: cell.w ?? '#VALUE!' };
  return cell.v as LegacyValue;
}

/**
 * Reads a workbook exceljs does not (Excel 97–2003 .xls, Excel 5/95 in its own code page, XML
 * Spreadsheet 2003, a web page table saved as .xls, an OpenDocument spreadsheet, an .xlsx without
 * cell references) with SheetJS, loaded only when such a file comes: every sheet with its name,
 * visibility, cell values (dates as dates, formulas as their last computed values) and merged
 * cells. Only the cells the file holds are kept, within a worksheet's size: a damaged sheet's stated
 * extent (hundreds of millions of rows) costs nothing.
 */
export async function parseLegacyWorkbook(bytes: Uint8Array): Promise<LegacyParse> {
  const [XLSX, cptable] = await Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel.full.mjs')]);
  XLSX.set_cptable(cptable);
  const options = { dense: true, cellDates: true, cellFormula: false, cellHTML: false, cellText: false } as const;
  let legacy: ReturnType<typeof XLSX.read>;
  try {
    // A web page is decoded here (UTF-8 or GBK, as text files are), not by SheetJS, which would take GBK bytes for Latin-1.
    legacy = isMarkup(bytes) ? XLSX.read(decodeText(bytes).text, { ...options, type: 'string' }) : XLSX.read(bytes, { ...options, type: 'array' });
  } catch (e) {
    const message = String((e as Error)?.message ?? e);
    return /password|encrypt/i.test(message) ? { problem: 'encrypted' } : { problem: 'corrupt', detail: message };
  }
  const sheets: LegacySheet[] = [];
  legacy.SheetNames.forEach((name, i) => {
    const from = legacy.Sheets[name];
    // A damaged file may list a sheet it does not hold.
    if (!from) return;
    const rows = (from['!data'] ?? []).slice(0, MAX_ROWS).map((cells) => (cells ?? []).slice(0, MAX_COLUMNS).map(valueOf));
    const merges = (from['!merges'] ?? []).map((m): LegacySheet['merges'][number] => [m.s.r, m.s.c, m.e.r, m.e.c]);
    sheets.push({ name, state: STATES[legacy.Workbook?.Sheets?.[i]?.Hidden ?? 0] ?? 'hidden', rows, merges });
  });
  return { sheets };
}

let parser: LegacyParser = parseLegacyWorkbook;

/**
 * Sets where old workbooks are read: the CLI reads them in a process of its own with a memory and
 * time budget, as a damaged .xls can send SheetJS into an endless loop; the app's import already
 * runs in a supervised worker.
 */
export function setLegacyWorkbookParser(read: LegacyParser): void {
  parser = read;
}

/**
 * An old workbook as an exceljs workbook (see parseLegacyWorkbook), so that one reader
 * (readXlsxTable) reads both. Throws a DataError naming the file when the workbook is
 * password-protected or unreadable.
 */
export async function readLegacyWorkbook(file: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const parsed = await parser(bytes);
  if ('problem' in parsed) throw parsed.problem === 'encrypted' ? new DataError(file, 'encryptedWorkbook') : new DataError(file, 'corruptXlsx', { detail: parsed.detail });
  if (parsed.sheets.length === 0) throw new DataError(file, 'emptyFile');
  const book = new ExcelJS.Workbook();
  for (const { name, state, rows, merges } of parsed.sheets) {
    const sheet = book.addWorksheet(name, { state });
    rows.forEach((cells, r) => {
      cells.forEach((value, c) => {
        if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      });
    });
    for (const [r1, c1, r2, c2] of merges) {
      // Excel writes no overlapping merges; a damaged file's second one is left out, its cells kept.
      try {
        sheet.mergeCells(r1 + 1, c1 + 1, r2 + 1, c2 + 1);
      } catch {
        continue;
      }
    }
  }
  return book;
}
