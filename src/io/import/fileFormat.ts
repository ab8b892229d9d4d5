import { DataError } from '../dataError';

/** The file formats the importer reads. */
export type FileFormat = 'csv' | 'xlsx' | 'geojson' | 'json' | 'shapefile' | 'kml';

const BY_EXTENSION: Record<string, FileFormat> = {
  csv: 'csv', tsv: 'csv', txt: 'csv',
  xlsx: 'xlsx', xlsm: 'xlsx',
  geojson: 'geojson', json: 'json',
  zip: 'shapefile',
  kml: 'kml', kmz: 'kml',
};

/** What the error message lists as readable. */
export const READABLE_FORMATS = 'CSV, XLSX, GeoJSON, zipped Shapefile, KML, KMZ';

/** The lower-case extension of a file name without the dot ('' when none). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/**
 * The format of a file from its extension; an old binary workbook (OLE2 signature, whatever its
 * extension, or .xls that is not a zip) is refused with advice, an .xlsx workbook named .xls read. Throws a DataError naming the file for anything unreadable.
 */
export function detectFormat(name: string, bytes: Uint8Array): FileFormat {
  const ext = extensionOf(name);
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  // A workbook saved as .xlsx and renamed .xls is a zip: read it as what it is.
  if (ext === 'xls' && bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (ext === 'xls' || ole) throw new DataError(name, 'legacyXls');
  const format = BY_EXTENSION[ext];
  if (format === undefined) throw new DataError(name, 'unknownFormat', { got: ext === '' ? name : `.${ext}`, value: READABLE_FORMATS });
  return format;
}
