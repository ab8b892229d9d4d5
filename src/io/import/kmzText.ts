import { DataError } from '../dataError';
import { MAX_JSON_BYTES } from '../jsonLimits';
import { decodeDocument, type DecodedText } from './textDecoding';
import { zipEntries, type ZipBudget } from './zipArchive';

/** What a KMZ may unpack to: as much as a KML file may hold (its icons and overlays are not read). */
export const KMZ_BUDGET: ZipBudget = { maxEntries: 1000, maxBytes: MAX_JSON_BYTES };

/**
 * The KML text of a .kml file, or of a KMZ (a zip, as Google Earth and 奥维地图 save it: doc.kml, else
 * the first .kml at the top, else the first anywhere), with the encoding read. Throws a DataError
 * naming the file for a zip that holds no KML.
 */
export async function kmlText(file: string, bytes: Uint8Array): Promise<DecodedText> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return decodeDocument(file, bytes);
  const kmls = zipEntries(file, bytes, KMZ_BUDGET).filter((e) => e.filename.toLowerCase().endsWith('.kml'));
  const depth = (name: string) => name.split('/').length;
  const entry = kmls.find((e) => e.filename.toLowerCase() === 'doc.kml') ?? [...kmls].sort((a, b) => depth(a.filename) - depth(b.filename))[0];
  if (!entry) throw new DataError(file, 'noKmlInKmz');
  return decodeDocument(file, await entry.read());
}
