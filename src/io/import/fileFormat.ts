import { DataError } from '../dataError';
import { isBareBiff, isCompoundFile, isMarkup } from './legacyWorkbook';

/** The file formats the importer reads. */
export type FileFormat = 'csv' | 'xlsx' | 'geojson' | 'json' | 'shapefile' | 'kml';

const BY_EXTENSION: Record<string, FileFormat> = {
  csv: 'csv', tsv: 'csv', txt: 'csv',
  // An OpenDocument spreadsheet and a WPS one (.et, which holds an .xls or .xlsx) are read as workbooks too (see readXlsxTable).
  xlsx: 'xlsx', xlsm: 'xlsx', ods: 'xlsx', et: 'xlsx',
  geojson: 'geojson', json: 'json',
  zip: 'shapefile',
  kml: 'kml', kmz: 'kml',
};

/** What the error message lists as readable. */
export const READABLE_FORMATS = 'CSV, XLSX, XLS, ODS, ET, GeoJSON, zipped Shapefile, KML, KMZ';

/** The lower-case extension of a file name without the dot ('' when none). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/**
 * The format of a file from its extension. An .xls file is read for what it holds: a workbook (Excel
 * 2.x–2003, an .xlsx renamed, a web page table) as 'xlsx' (readXlsxTable converts the old kinds), and
 * text saved with that name (tab-separated, as some registry systems export) as 'csv'; an OLE2
 * compound file is a workbook whatever its extension (an encrypted .xlsx is one). Throws a DataError
 * naming the file for anything unreadable.
 */
export function detectFormat(name: string, bytes: Uint8Array): FileFormat {
  const ext = extensionOf(name);
  if (isCompoundFile(bytes)) return 'xlsx';
  if (ext === 'xls') return (bytes[0] === 0x50 && bytes[1] === 0x4b) || isBareBiff(bytes) || isMarkup(bytes) ? 'xlsx' : 'csv';
  const format = BY_EXTENSION[ext];
  if (format === undefined) throw new DataError(name, 'unknownFormat', { got: ext === '' ? name : `.${ext}`, value: READABLE_FORMATS });
  return format;
}
