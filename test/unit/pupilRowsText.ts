import Papa from 'papaparse';
import type { ImportedDataset } from '../../src/io/import';

/** The imported pupils' rows written as students.csv text (header, then one line per data row), for tests to read. */
export function pupilRowsText(imported: ImportedDataset): string {
  const rows: string[][] = [imported.pupils!.header];
  imported.pupils!.forEachRow({ row: (cells) => rows.push(cells), skip: () => {} });
  return Papa.unparse(rows, { newline: '\n' }) + '\n';
}
