import { booleanClockwise } from '@turf/turf';
import JSZip from 'jszip';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { parseZip, type NamedFeatureCollection } from 'shpjs';
import { describe, expect, it } from 'vitest';
import { buildZonesShapefileZip, computeShapefileLayers } from '../../src/io/export/shapefile';
import { formatZonesGeoJson } from '../../src/io/export/zonesGeoJson';
import { computeZoneFeatures } from '../../src/io/zoneFeatures';
import { loadTiny } from './tinyFixture';

const dataset = loadTiny();
// A long Chinese name (over 84 characters: more than the 254 bytes of a DBF text field in UTF-8).
const longName = '寿光市圣城街道'.repeat(13);
const schools = dataset.schools.map((s) => (s.id === 'P2' ? { ...s, name: longName } : s));
const state = dataset.zoneState;

describe('zones as GeoJSON', () => {
  it('parses back to the zones with school id, name and level', () => {
    const parsed = JSON.parse(formatZonesGeoJson(state, schools)) as FeatureCollection<MultiPolygon>;
    const zones = computeZoneFeatures(state, schools);
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.features.map((f) => f.properties)).toEqual([
      { school_id: 'P1', name: '西小学', level: 'primary' },
      { school_id: 'P2', name: longName, level: 'primary' },
      { school_id: 'J1', name: '中学', level: 'junior' },
    ]);
    expect(parsed.features.map((f) => f.geometry)).toEqual(zones.features.map((f) => f.geometry));
  });
});

describe('zones as a zipped shapefile', () => {
  const open = async () => {
    const bytes = await buildZonesShapefileZip(state, schools);
    const layers = (await parseZip(bytes)) as NamedFeatureCollection[];
    return { bytes, layer: (name: string) => layers.find((l) => l.fileName === name)! };
  };

  it('holds a layer per level with .shp .shx .dbf .prj and a .cpg saying UTF-8', async () => {
    const zip = await JSZip.loadAsync((await open()).bytes);
    expect(Object.keys(zip.files).sort()).toEqual(
      ['junior', 'primary'].flatMap((l) => ['cpg', 'dbf', 'prj', 'shp', 'shx'].map((e) => `${l}.${e}`)),
    );
    expect(await zip.file('primary.cpg')!.async('string')).toBe('UTF-8');
    expect(await zip.file('junior.prj')!.async('string')).toMatch(/^GEOGCS\["GCS_WGS_1984"/);
  });

  it('reads back with shpjs: same features, school ids, Chinese names, DBF fields of ≤ 10 characters', async () => {
    const { layer } = await open();
    const primary = layer('primary');
    expect(primary.features.map((f) => f.properties)).toEqual([
      { school_id: 'P1', name: '西小学', level: 'primary' },
      // Cut at a whole character within the 254 bytes of the field.
      { school_id: 'P2', name: longName.slice(0, 84), level: 'primary' },
    ]);
    expect(layer('junior').features.map((f) => f.properties)).toEqual([{ school_id: 'J1', name: '中学', level: 'junior' }]);
    expect(Object.keys(primary.features[0].properties!).every((k) => k.length <= 10)).toBe(true);
  });

  it('keeps a polygon with a hole as one polygon with its hole', async () => {
    const { layer } = await open();
    const junior = layer('junior').features[0].geometry as Polygon;
    expect(junior.type).toBe('Polygon');
    expect(junior.coordinates).toHaveLength(2);
    const [outer, hole] = junior.coordinates;
    const xs = (ring: number[][]) => ring.map((p) => p[0]);
    expect(Math.min(...xs(outer))).toBeCloseTo(118.0, 9);
    expect(Math.max(...xs(outer))).toBeCloseTo(118.02, 9);
    expect(Math.min(...xs(hole))).toBeCloseTo(118.016, 9);
    expect(Math.max(...xs(hole))).toBeCloseTo(118.019, 9);
  });

  it('writes outer rings clockwise and holes counter-clockwise, as shapefiles require', () => {
    const polygons = computeShapefileLayers(state, schools).flatMap((l) => l.polygons.flat());
    expect(polygons.map((rings) => rings.map((r) => booleanClockwise(r)))).toEqual([[true], [true], [true, false]]);
  });
});
