import type { Feature, FeatureCollection, Position } from 'geojson';
import shp from 'shpjs';
import { DataError } from '../dataError';
import { checkDbf, checkShp } from './shapefileCheck';
import { decodeAs, GB18030, isUtf8, UNDECODABLE } from './textDecoding';
import { zipEntries, type ZipBudget, type ZipEntry } from './zipArchive';

// dBASE language driver ids of code page 936 (GBK) written by ArcGIS and others.
const GBK_DRIVERS = new Set([0x4d, 0x7a]);

/** The WHATWG encoding of a .cpg text: code page 936 and the GB names are GBK, 65001 is UTF-8; others as written. */
export function cpgEncoding(cpg: string): string {
  const s = cpg.trim().toLowerCase();
  if (/^(ansi\s*)?936$|^(cp|windows-?)936$|^gbk$|^gb2312$|^gb18030$/.test(s)) return 'gbk';
  if (/^(65001|utf-?8)$/.test(s)) return 'utf-8';
  return s;
}

/**
 * The text encoding of a .dbf without a .cpg: GBK when its language driver says code page 936,
 * UTF-8 when its field names and records are valid UTF-8, else GBK.
 */
export function dbfEncoding(dbf: Uint8Array): 'utf-8' | 'gbk' {
  if (GBK_DRIVERS.has(dbf[29])) return 'gbk';
  return dbfIsUtf8(dbf) ? 'utf-8' : 'gbk';
}

/** Whether a .dbf's field names and records are valid UTF-8. */
function dbfIsUtf8(dbf: Uint8Array): boolean {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const headerLength = dbf.length >= 12 ? view.getUint16(8, true) : dbf.length;
  const names: number[] = [];
  for (let at = 32; at + 32 <= headerLength && dbf[at] !== 0x0d; at += 32) {
    for (let i = at; i < at + 11 && dbf[i] !== 0; i++) names.push(dbf[i]);
  }
  return isUtf8(new Uint8Array(names)) && isUtf8(dbf.subarray(headerLength));
}

const isDegrees = (p: Position) => Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/** The 1-based number of the first feature with a position outside longitude/latitude degrees, or 0. */
export function firstFeatureNotInDegrees(features: Feature[]): number {
  const ok = (c: unknown): boolean =>
    Array.isArray(c) && typeof c[0] === 'number' ? isDegrees(c as Position) : Array.isArray(c) ? c.every(ok) : true;
  const i = features.findIndex((f) => {
    const g = f.geometry;
    return g !== null && g.type !== 'GeometryCollection' && !ok(g.coordinates);
  });
  return i + 1;
}

/** What a zipped Shapefile may hold: a county's zones take a few MB; a zip bomb stops at the limit. */
export const SHAPEFILE_ZIP_BUDGET: ZipBudget = { maxEntries: 1000, maxBytes: 256 * 1024 * 1024 };

function entries(file: string, bytes: Uint8Array): Map<string, ZipEntry> {
  const items = zipEntries(file, bytes, SHAPEFILE_ZIP_BUDGET).filter((item) => !item.filename.includes('__MACOSX'));
  return new Map(items.map((item) => [item.filename, item]));
}

/**
 * Whether a .prj describes projected coordinates (PROJCS: metres on a map projection), which need
 * reprojecting to degrees; a geographic one (GEOGCS: WGS84, CGCS2000) is degrees already.
 */
export function isProjected(prj: string): boolean {
  return /^\s*PROJCS\s*\[/i.test(prj);
}

/**
 * The datum a .prj names when positions in it differ from WGS84/CGCS2000 by more than noise and the
 * reading does not shift them (Beijing 1954 on the Krasovsky ellipsoid, Xian 1980 on IAG 1975: tens of
 * metres, up to about 100 m, with no one set of parameters for the whole country); undefined for others.
 */
export function unshiftedDatum(prj: string): string | undefined {
  if (/beijing[\s_]*1954|krasovsky|krassowsky/i.test(prj)) return '北京54 (Beijing 1954)';
  if (/xian[\s_]*1980|iag[\s_]*1975/i.test(prj)) return '西安80 (Xian 1980)';
  return undefined;
}

/**
 * The features of the one Shapefile in a zip, or in the one zip a zip holds (.shp and .dbf
 * required; a projected .prj reprojects
 * to WGS84 through shpjs, a geographic one (isProjected) is read as is: CGCS2000 and WGS84 differ by
 * centimetres, and proj4's datum round trip would move every vertex by float noise
 * (118.79 → 118.79000000000002), so that a home exactly on an edge would fall on its wrong side;
 * .shx unused). Attribute text is decoded by the .cpg, or, without one, as GBK when
 * the .dbf is not UTF-8 (dbfEncoding). Throws a DataError naming the zip when there is no or more
 * than one .shp, no .dbf, a damaged .shp or .dbf (checkShp, checkDbf: named by entry, before shpjs
 * reads them), shape and record counts that differ, the parts cannot be read, attribute text that
 * does not decode in its encoding, or positions are not degrees. `datum` names a datum read without a
 * shift (unshiftedDatum).
 */
export async function readShapefileZip(file: string, bytes: Uint8Array, nested = false): Promise<{ features: Feature[]; encoding: string; datum?: string }> {
  const zip = entries(file, bytes);
  const part = (base: string, ext: string) => [...zip.keys()].find((name) => name.toLowerCase() === `${base}.${ext}`.toLowerCase());
  const layers = [...zip.keys()].filter((name) => name.toLowerCase().endsWith('.shp')).map((name) => name.slice(0, -4));
  // A zip zipped again (片区.zip inside 片区.zip): the one inside is read, once.
  const inner = [...zip.keys()].filter((name) => name.toLowerCase().endsWith('.zip'));
  if (layers.length === 0 && inner.length === 1 && !nested) return readShapefileZip(file, await zip.get(inner[0])!.read(), true);
  if (layers.length === 0) throw new DataError(file, 'zipWithoutShp');
  if (layers.length > 1) throw new DataError(file, 'severalShapefiles', { found: layers.join(', ') });
  const base = layers[0];
  // One after another: the budget counts what is unpacked, and a zip bomb stops at its first part.
  const parts: (Uint8Array | undefined)[] = [];
  for (const ext of ['shp', 'dbf', 'prj', 'cpg']) {
    const name = part(base, ext);
    parts.push(name === undefined ? undefined : await zip.get(name)!.read());
  }
  const [shpBytes, dbf, prj, cpg] = parts;
  if (!dbf) throw new DataError(file, 'zipWithoutDbf', { value: `${base}.shp` });
  // shpjs and parsedbf trust the lengths and counts in these files: a damaged one is refused here, naming the entry.
  const shpCheck = checkShp(part(base, 'shp')!, shpBytes!);
  if ('problem' in shpCheck) throw new DataError(file, shpCheck.problem.code, shpCheck.problem.params);
  const dbfCheck = checkDbf(part(base, 'dbf')!, dbf);
  if ('problem' in dbfCheck) throw new DataError(file, dbfCheck.problem.code, dbfCheck.problem.params);
  if (shpCheck.shapes !== dbfCheck.records) {
    throw new DataError(file, 'shapefileCountsDiffer', { value: part(base, 'shp'), n: shpCheck.shapes, got: part(base, 'dbf'), max: dbfCheck.records });
  }
  let encoding = cpg ? cpgEncoding(decodeAs(cpg, 'utf-8')) : dbfEncoding(dbf);
  const prjText = prj && decodeAs(prj, 'utf-8');
  const read = async (textEncoding: string) => {
    try {
      return await shp({ shp: shpBytes!, dbf, cpg: textEncoding === 'gbk' ? GB18030 : textEncoding, prj: prjText !== undefined && isProjected(prjText) ? prjText : undefined });
    } catch (e) {
      throw new DataError(file, 'badShapefile', { detail: (e as Error).message });
    }
  };
  const firstGarbled = (c: FeatureCollection) => c.features.findIndex((f) => Object.values(f.properties ?? {}).some((v) => typeof v === 'string' && v.includes(UNDECODABLE)));
  let collection = await read(encoding);
  let garbled = firstGarbled(collection);
  // A .dbf saved in UTF-8 whose .cpg or language driver still says GBK (re-saved by a newer tool): read as it is.
  if (garbled >= 0 && encoding === 'gbk' && dbfIsUtf8(dbf)) {
    encoding = 'utf-8';
    collection = await read(encoding);
    garbled = firstGarbled(collection);
  }
  if (garbled >= 0) throw new DataError(file, 'dbfUndecodable', { value: part(base, 'dbf'), n: garbled + 1, got: encoding.toUpperCase() });
  const bad = firstFeatureNotInDegrees(collection.features);
  if (bad > 0) throw new DataError(file, 'notDegrees', { where: { feature: bad, idKey: 'school_id' } });
  const datum = prjText === undefined ? undefined : unshiftedDatum(prjText);
  return { features: collection.features, encoding, ...(datum !== undefined && { datum }) };
}
