import { readCsvTable } from './csvTable';
import type { Table } from './table';
import { decodeText } from './textDecoding';
import { readXlsxTable } from './xlsxTable';

/** A CSV file (encoding detected) or a worksheet of an XLSX file (the one whose header `fits` best, see readXlsxTable) as a table. */
export async function csvOrXlsxTable(file: string, format: 'csv' | 'xlsx', bytes: Uint8Array, fits?: (header: string[]) => number): Promise<Table> {
  if (format === 'xlsx') return readXlsxTable(file, bytes, fits);
  const { text, encoding } = decodeText(bytes);
  return { ...readCsvTable(file, text), encoding };
}
