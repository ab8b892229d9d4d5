/** Reads the real outlines in source/ (DataV GeoAtlas, GCJ-02) and converts them to WGS84. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gcoord from 'gcoord';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf, roundPos } from './geo.ts';
import type { LonLat, Region } from './types.ts';

const COUNTY_FILE = 'shouguang-370783.geojson';
const PREFECTURE_FILE = 'weifang-370700.geojson';
const COUNTY_ADCODE = 370783;

/** Properties kept from the source outlines. */
export interface OutlineProps {
  name: string;
  adcode: number;
}

/** The county outline (one region) and its neighbours in the prefecture, all WGS84. */
export interface Outlines {
  county: Region & { feature: Feature<MultiPolygon, OutlineProps> };
  context: Feature<MultiPolygon, OutlineProps>[];
}

interface SourceCollection {
  features: { properties: OutlineProps; geometry: Polygon | MultiPolygon }[];
}

function gcjToWgs(p: Position): LonLat {
  const out = gcoord.transform([p[0] ?? 0, p[1] ?? 0] as [number, number], gcoord.GCJ02, gcoord.WGS84);
  return roundPos(out);
}

function convertRing(ring: Position[]): LonLat[] {
  const out: LonLat[] = [];
  for (const p of ring) {
    const q = gcjToWgs(p);
    const last = out[out.length - 1];
    // rounding can merge neighbouring vertices; a repeated vertex would be a zero-length edge
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

function convertFeature(source: SourceCollection['features'][number]): Feature<MultiPolygon, OutlineProps> {
  const g = source.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return {
    type: 'Feature',
    properties: { name: source.properties.name, adcode: source.properties.adcode },
    geometry: { type: 'MultiPolygon', coordinates: polys.map((poly) => poly.map(convertRing)) },
  };
}

function readCollection(path: string): SourceCollection {
  return JSON.parse(readFileSync(path, 'utf8')) as SourceCollection;
}

/** Loads and converts the Shouguang outline and the other counties of Weifang from a folder. */
export function loadOutlines(dir: string): Outlines {
  const countySource = readCollection(join(dir, COUNTY_FILE)).features[0];
  if (!countySource) throw new Error(`${COUNTY_FILE} has no feature`);
  const feature = convertFeature(countySource);
  const context = readCollection(join(dir, PREFECTURE_FILE))
    .features.filter((f) => f.properties.adcode !== COUNTY_ADCODE)
    .map(convertFeature);
  return { county: { feature, bbox: bboxOf(feature) }, context };
}
