import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature } from 'geojson';
import { DataError } from '../dataError';

/**
 * The placemarks of a KML document as GeoJSON features (@tmcw/togeojson on an @xmldom/xmldom
 * document, so it runs alike in Node, workers and browsers): ExtendedData fields and `name` become
 * properties. Throws a DataError naming the file when the XML is not well formed or not KML.
 */
export function readKml(file: string, text: string): Feature[] {
  if (text.trim() === '') throw new DataError(file, 'emptyFile');
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    throw new DataError(file, 'badKml', { detail: (e as Error).message.split('\n')[0].trim() });
  }
  if (doc.documentElement?.localName !== 'kml') {
    throw new DataError(file, 'badKml', { detail: `the root element is <${doc.documentElement?.localName ?? ''}>, not <kml>` });
  }
  // togeojson is typed against the DOM's Document; xmldom's implements the part it reads.
  return kml(doc as unknown as Parameters<typeof kml>[0]).features as Feature[];
}
