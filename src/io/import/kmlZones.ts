import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, Geometry, Position } from 'geojson';
import { DataError } from '../dataError';
import { baseYearFromText } from './baseYear';

// A <coordinates> element and its text.
const COORDINATES = /(<coordinates\b[^>]*>)([^<]*)(<\/coordinates>)/g;

/**
 * The placemarks of a KML document as GeoJSON features (@tmcw/togeojson on an @xmldom/xmldom
 * document, so it runs alike in Node, workers and browsers): ExtendedData fields and `name` become
 * properties, and so do the fields of a description table (withDescriptionFields); a placemark's
 * label point or line beside its area is dropped (areaOnly). Positions
 * written with spaces after their commas (118.7, 36.9, 0), as some tools write them, are read as
 * positions. Throws a DataError naming the file when the XML is not well formed or not KML.
 */
export function readKml(file: string, source: string): Feature[] {
  return readKmlFolders(file, source).features;
}

/** A folder of a KML document left out: its name and how many placemarks it holds. */
export interface KmlFolderLeftOut {
  name: string;
  placemarks: number;
  /** The name of the folder read instead (the latest year's). */
  read: string;
}

/**
 * As readKml, but folders whose names state different years (2024年 and 2023年, last year's zones
 * kept beside this year's) are read for the latest year only: the others are left out and listed.
 */
export function readKmlFolders(file: string, source: string): { features: Feature[]; leftOut: KmlFolderLeftOut[] } {
  if (source.trim() === '') throw new DataError(file, 'emptyFile');
  // KML separates positions by white space and their numbers by commas alone: spaces after a comma would split a position.
  const text = source.replace(COORDINATES, (_, open: string, body: string, close: string) => open + body.replace(/\s*,\s*/g, ',') + close);
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
  const leftOut = dropOlderYearFolders(doc);
  // togeojson is typed against the DOM's Document; xmldom's implements the part it reads.
  return { features: (kml(doc as unknown as Parameters<typeof kml>[0]).features as Feature[]).map(areaOnly).map(withDescriptionFields), leftOut };
}

type KmlDocument = ReturnType<DOMParser['parseFromString']>;
type KmlElement = ReturnType<KmlDocument['getElementsByTagName']>[number];

/** The year a folder's name states (2024年, 2024秋, 2023-2024学年), undefined for none. */
function folderYear(name: string): number | undefined {
  const stated = baseYearFromText(name)?.year;
  const m = /(?<!\d)(?:19|20)\d{2}(?!\d)/.exec(name);
  return stated ?? (m ? Number(m[0]) : undefined);
}

/** Removes the folders whose names state a year earlier than another folder's, and lists them. */
function dropOlderYearFolders(doc: KmlDocument): KmlFolderLeftOut[] {
  const folders: { el: KmlElement; name: string; year: number }[] = [];
  for (const el of Array.from(doc.getElementsByTagName('Folder'))) {
    const nameEl = Array.from(el.childNodes).find((n) => (n as KmlElement).localName === 'name');
    const name = nameEl?.textContent?.trim() ?? '';
    const year = folderYear(name);
    if (year !== undefined) folders.push({ el, name, year });
  }
  if (new Set(folders.map((f) => f.year)).size < 2) return [];
  const latest = Math.max(...folders.map((f) => f.year));
  const read = folders.find((f) => f.year === latest)!.name;
  return folders.filter((f) => f.year < latest).map((f) => {
    const placemarks = f.el.getElementsByTagName('Placemark').length;
    f.el.parentNode?.removeChild(f.el);
    return { name: f.name, placemarks, read };
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** An HTML cell's text: its tags dropped, entities read, spaces trimmed. */
function cellText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m)))
    .trim();
}

/**
 * The fields of a placemark whose attributes are only in its description, as a table of two cells a
 * row (ArcGIS's Layer to KML, 91卫图 and others write them so), added as properties; a property the
 * placemark has already is kept.
 */
function withDescriptionFields(f: Feature): Feature {
  const description = f.properties?.description;
  const html = typeof description === 'string' ? description : typeof description?.value === 'string' ? description.value : '';
  if (!/<td/i.test(html)) return f;
  const fields: Record<string, string> = {};
  for (const row of html.split(/<tr\b/i).slice(1)) {
    const cells = [...row.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/gi)].map((m) => cellText(m[1]));
    if (cells.length === 2 && cells[0] !== '' && !(cells[0] in fields)) fields[cells[0]] = cells[1];
  }
  return Object.keys(fields).length === 0 ? f : { ...f, properties: { ...fields, ...f.properties } };
}

/** The polygons of a geometry (nested collections included), as a list of polygon coordinates. */
function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

/**
 * A placemark whose MultiGeometry holds its area beside a label point or a line (togeojson: a
 * GeometryCollection) as that area alone, a MultiPolygon; other features as they are.
 */
function areaOnly(f: Feature): Feature {
  if (f.geometry?.type !== 'GeometryCollection') return f;
  const polygons = polygonsOf(f.geometry);
  return polygons.length === 0 ? f : { ...f, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}
