// Builders of the GIS-flavoured inputs the import tests use: the tiny county (test/fixtures/tiny) with
// schools under their full names, its zones as a pinyin-initial Shapefile or a names-only KML, and
// files in GCJ-02 / BD-09. Everything is written in memory, the same on every run.
import gcoord from 'gcoord';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { writeDbf, writeShpShx, type ShapeRecord } from '../fixtures/corpus/shapefileWriter';

export const tinyDir = join(import.meta.dirname, '../fixtures/tiny');
export const tinyText = (file: string) => readFileSync(join(tinyDir, file), 'utf8');
export const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));
export const utf8 = (s: string) => new TextEncoder().encode(s);

/** The tiny schools under full names, as a registry writes them: 寿光市圣城小学 (P1), 寿光市第一中学小学部 (P2), 寿光市第二中学 (J1) … */
export const FULL_NAMES: Record<string, string> = { P1: '寿光市圣城小学', P2: '寿光市第一中学小学部', J1: '寿光市第二中学', X1: '寿光市育才民办小学', N9: '寿光市新城学校' };
/** The short names a hand-drawn KML or a GIS table uses for them. */
export const SHORT_NAMES: Record<string, string> = { P1: '圣城小学', P2: '寿光一中小学部', J1: '寿光二中' };

/** schools.geojson of the tiny county with FULL_NAMES. */
export function schoolsWithFullNames(): string {
  const fc = JSON.parse(tinyText('schools.geojson')) as FeatureCollection;
  for (const f of fc.features) f.properties!.name = FULL_NAMES[f.properties!.id as string];
  return JSON.stringify(fc);
}

type ZoneFeature = { properties: { school_id: string; level: 'primary' | 'junior' }; geometry: Polygon | MultiPolygon };
/** The tiny county's three zones: P1 and P2 primary, J1 junior (with a hole). */
export const tinyZones = () => (JSON.parse(tinyText('catchments.geojson')) as { features: ZoneFeature[] }).features;

const signedArea = (ring: number[][]) => ring.reduce((a, [x, y], i) => { const [x2, y2] = ring[(i + 1) % ring.length]; return a + x * y2 - x2 * y; }, 0) / 2;
const oriented = (ring: number[][], clockwise: boolean) => (signedArea(ring) < 0 === clockwise ? ring : [...ring].reverse()) as [number, number][];
const ringsOf = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flatMap((poly) => poly.map((ring, i) => oriented(ring, i === 0)));

/** A zipped Shapefile of the tiny zones with a GBK .dbf of the given character fields (values per zone), and a .prj when given. */
export async function zonesShapefile(fields: { name: string; length: number }[], values: (zone: ZoneFeature) => string[], encode: (s: string) => Uint8Array = gbk, prj?: string): Promise<Uint8Array> {
  const zones = tinyZones();
  const records: ShapeRecord[] = zones.map((z) => ({ rings: ringsOf(z.geometry), attributes: values(z) }));
  const { shp, shx } = writeShpShx(records);
  const zip = new JSZip();
  const date = new Date('2024-09-01T00:00:00Z');
  for (const [name, data] of Object.entries({ 'xq.shp': shp, 'xq.shx': shx, 'xq.dbf': writeDbf(fields, records.map((r) => r.attributes), encode, 0x4d) })) zip.file(name, data, { date });
  if (prj !== undefined) zip.file('xq.prj', prj, { date });
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

const kmlRing = (ring: number[][]) => ring.map(([x, y]) => `${x},${y},0`).join(' ');
const kmlPolygon = (poly: number[][][]) =>
  `<Polygon><outerBoundaryIs><LinearRing><coordinates>${kmlRing(poly[0])}</coordinates></LinearRing></outerBoundaryIs>${poly.slice(1).map((h) => `<innerBoundaryIs><LinearRing><coordinates>${kmlRing(h)}</coordinates></LinearRing></innerBoundaryIs>`).join('')}</Polygon>`;

/** A KML whose placemarks carry only a name, one per zone chosen (geometry of that tiny zone). */
export function namesOnlyKml(placemarks: { name: string; zone: string }[]): string {
  const zones = tinyZones();
  const body = placemarks.map(({ name, zone }) => {
    const g = zones.find((z) => z.properties.school_id === zone)!.geometry;
    const geometry = g.type === 'Polygon' ? kmlPolygon(g.coordinates) : `<MultiGeometry>${g.coordinates.map(kmlPolygon).join('')}</MultiGeometry>`;
    return `<Placemark><name>${name}</name>${geometry}</Placemark>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>\n${body.join('\n')}\n</Document></kml>\n`;
}

/** A WGS84 position as GCJ-02 or BD-09 (gcoord), as AMap or Baidu would give it. */
export const fromWgs84 = (system: 'gcj02' | 'bd09', x: number, y: number) =>
  gcoord.transform([x, y], gcoord.WGS84, system === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09) as [number, number];

/** The tiny students.csv with every position written in `system`, six decimals (unchanged where not a number). */
export function tinyStudentsIn(system: 'gcj02' | 'bd09', header = 'id,lon,lat,grade,school_id,note'): string {
  const [, ...rows] = tinyText('students.csv').trim().split('\n');
  return [header, ...rows.map((row) => {
    const c = row.split(',');
    const [x, y] = [Number(c[1]), Number(c[2])];
    if (c[1] !== '' && c[2] !== '' && Math.abs(x) <= 180 && Math.abs(y) <= 90) [c[1], c[2]] = fromWgs84(system, x, y).map((v) => v.toFixed(6));
    return c.join(',');
  })].join('\n') + '\n';
}
