import Papa from 'papaparse';
import { echoList } from '../core/printable';
import { DataError, stripBom } from './dataError';

/** One data row of a small planning table, by lower-case column name, with its line (header = 1). */
export interface TableRow {
  line: number;
  get(column: string): string;
}

/**
 * Reads a small CSV planning table (births, housing): a header row, then data rows; blank lines are
 * skipped. Throws a DataError naming the file when it is empty or lacks a required column.
 */
export function parsePlanningTable(file: string, text: string, required: readonly string[]): TableRow[] {
  const rows = Papa.parse<string[]>(stripBom(text), { skipEmptyLines: false }).data;
  if (rows.length === 0 || rows.every((r) => r.join('').trim() === '')) throw new DataError(file, 'emptyFile');
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new DataError(file, 'missingColumns', { columns: missing.map((c) => `"${c}"`).join(', '), found: echoList(rows[0]) });
  const out: TableRow[] = [];
  rows.forEach((row, r) => {
    if (r === 0 || row.join('').trim() === '') return;
    out.push({ line: r + 1, get: (column) => (row[header.indexOf(column)] ?? '').trim() });
  });
  return out;
}

/** A cell as a number ≥ `min` (an integer when `integer`), or a DataError naming file, line and column. */
export function numberCell(file: string, row: TableRow, column: string, opts: { min?: number; integer?: boolean } = {}): number {
  const text = row.get(column);
  const v = text === '' ? NaN : Number(text);
  const min = opts.min ?? 0;
  if (!Number.isFinite(v) || v < min || (opts.integer && !Number.isInteger(v))) {
    throw new DataError(file, opts.integer ? 'badIntegerCell' : 'badNumberCell', { n: row.line, key: column, got: text, min });
  }
  return v;
}
