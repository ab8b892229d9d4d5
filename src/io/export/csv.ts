import Papa from 'papaparse';
import { safeCell } from '../safeCell';
import type { Table } from './table';

/**
 * A table as CSV text for Excel: a UTF-8 byte-order mark, RFC 4180 quoting, CRLF line ends, and
 * formula-like text escaped by `safeCell`. Numbers (negative ones too) are written as numbers.
 */
export function formatCsv(table: Table): string {
  const escape = (c: unknown) => (typeof c === 'string' ? safeCell(c) : c);
  const csv = Papa.unparse({ fields: table.header.map(safeCell), data: table.rows.map((row) => row.map(escape)) }, { newline: '\r\n' });
  // Excel reads a CSV without a BOM in the system code page (GBK on Chinese Windows).
  return `\uFEFF${csv}\r\n`;
}
