import { readCsvTable } from './csvTable';
import type { Table } from './table';
import { decodeText } from './textDecoding';
import { readXlsxTable } from './xlsxTable';

/** A CSV file (encoding detected) or the first worksheet of an XLSX file as a table. */
export async function csvOrXlsxTable(file: string, format: 'csv' | 'xlsx', bytes: Uint8Array): Promise<Table> {
  if (format === 'xlsx') return readXlsxTable(file, bytes);
  const { text, encoding } = decodeText(bytes);
  return { ...readCsvTable(file, text), encoding };
}
