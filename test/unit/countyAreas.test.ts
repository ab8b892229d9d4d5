import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { importDataset, readImportedDataset, type ImportFile } from '../../src/io/import';
import { countyAreas } from '../../src/io/import/countyAreas';

const tiny = join(import.meta.dirname, '../fixtures/tiny');
const shouguang = join(import.meta.dirname, '../../data/shouguang');
const file = (name: string, body: string | Buffer): ImportFile => ({ name, bytes: typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body) });
const box = (name: string, x0: number, y0: number, x1: number, y1: number): Feature => ({
  type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
});
const collection = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

// Tiny's zones cover [118.00, 118.02] × [36.00, 36.02]; its schools are at (118.005, 36.005), (118.015, 36.005) …
const zones = (JSON.parse(readFileSync(join(tiny, 'catchments.geojson'), 'utf8')) as FeatureCollection).features;
const schools = [{ lon: 118.005, lat: 36.005 }, { lon: 118.015, lat: 36.005 }];

describe('the areas of a county file that make the county', () => {
  it('keeps an area with a school and one the zones cover (a town without a school); leaves out a neighbour', () => {
    const west = box('西镇', 118.0, 36.0, 118.01, 36.01);
    const north = box('北镇', 118.0, 36.01, 118.02, 36.02);
    const neighbour = box('邻县', 118.02, 36.0, 118.06, 36.04);
    const r = countyAreas(collection(west, north, neighbour), schools, zones);
    expect(r.kept.features).toEqual([west, north]);
    expect(r.keptNames).toEqual(['西镇', '北镇']);
    expect(r.leftOut).toEqual(['邻县']);
  });

  it('keeps a single area, and every area when none holds a school or lies in the zones (names by feature number when unnamed)', () => {
    const far = box('远处', 119, 37, 119.1, 37.1);
    expect(countyAreas(collection(far), schools, zones).leftOut).toEqual([]);
    const unnamed: Feature = { ...box('', 119.2, 37, 119.3, 37.1), properties: {} };
    const r = countyAreas(collection(far, unnamed), schools, zones);
    expect(r.kept.features).toHaveLength(2);
    expect(r.keptNames).toEqual(['远处', '#2']);
  });

  it('a prefecture’s file (Shouguang with its ten neighbours) gives Shouguang as the county and says which were left out', async () => {
    const own = JSON.parse(readFileSync(join(shouguang, 'county.geojson'), 'utf8')) as FeatureCollection;
    const neighbours = JSON.parse(readFileSync(join(shouguang, 'context.geojson'), 'utf8')) as FeatureCollection;
    const prefecture = collection(...neighbours.features.slice(0, 6), ...own.features, ...neighbours.features.slice(6));
    const imported = await importDataset([
      file('schools.geojson', readFileSync(join(shouguang, 'schools.geojson'))),
      file('catchments.geojson', readFileSync(join(shouguang, 'catchments.geojson'))),
      file('students.csv', 'id,lon,lat,grade\ns1,118.74,36.88,1\n'),
      { ...file('潍坊市.geojson', JSON.stringify(prefecture)), part: 'county' },
    ]);
    expect(JSON.parse(imported.texts['county.geojson']!).features.map((f: Feature) => f.properties!.name)).toEqual(['寿光市']);
    expect(imported.notUsed).toEqual([{
      file: `潍坊市.geojson [${neighbours.features.map((f) => f.properties!.name).join('、')}]`,
      reason: "holds none of the schools and lies outside the zones: the county outline is the file's other areas (寿光市); 11 area(s) left out",
      problem: { code: 'countyAreasLeftOut', params: { n: 11, value: '寿光市' } },
    }]);
    // The outline read is Shouguang's alone.
    expect(readImportedDataset(imported, DEFAULT_RULES, 2020).county!.features).toHaveLength(1);
  });
});
