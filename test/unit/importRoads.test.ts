import { write } from '@mapbox/shp-write';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { describeValidationItem, type RoadPieceItem } from '../../src/core/validation';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DataError } from '../../src/io/dataError';
import { guessPart, importDataset, readImportedDataset, validateImported, type ImportFile } from '../../src/io/import';
import { tinyText, utf8 } from './gisFixtures';

// The tiny county spans 118.00–118.02 E, 36.00–36.02 N. Two roads share the vertex (118.01, 36.01);
// a third, far east, touches neither (a piece of its own).
const LINES = [
  { cls: 'primary', name: '东西路', points: [[118.0, 36.01], [118.01, 36.01], [118.02, 36.01]] },
  { cls: 'residential', name: '南北街', points: [[118.01, 36.0], [118.01, 36.01], [118.01, 36.02]] },
  { cls: 'footway', name: '孤路', points: [[118.0195, 36.019], [118.0199, 36.0199]] },
];

const geojson = (classKey: string) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: LINES.map((l) => ({ type: 'Feature', properties: { [classKey]: l.cls, name: l.name }, geometry: { type: 'LineString', coordinates: l.points } })),
  });

function kml(): string {
  const placemarks = LINES.map((l) => `<Placemark><name>${l.name}</name><ExtendedData><Data name="class"><value>${l.cls}</value></Data></ExtendedData><LineString><coordinates>${l.points.map(([x, y]) => `${x},${y},0`).join(' ')}</coordinates></LineString></Placemark>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks.join('')}</Document></kml>`;
}

async function shapefile(): Promise<Uint8Array> {
  const zip = new JSZip();
  write(LINES.map((l) => ({ fclass: l.cls })), 'POLYLINE', LINES.map((l) => [l.points]), (_, files) => {
    zip.file('roads.shp', files.shp.buffer);
    zip.file('roads.shx', files.shx.buffer);
    zip.file('roads.dbf', files.dbf.buffer);
  });
  return zip.generateAsync({ type: 'uint8array' });
}

const tiny = (extra: ImportFile[]): ImportFile[] => [
  { name: 'schools.geojson', bytes: utf8(tinyText('schools.geojson')) },
  { name: 'catchments.geojson', bytes: utf8(tinyText('catchments.geojson')) },
  { name: 'students.csv', bytes: utf8(tinyText('students.csv')) },
  ...extra,
];

describe('roads from GeoJSON, zipped Shapefile and KML', () => {
  it('guesses the roads and barriers parts from their names', () => {
    expect(guessPart('roads.geojson', 'geojson')).toBe('roads');
    expect(guessPart('寿光道路.zip', 'shapefile')).toBe('roads');
    expect(guessPart('河流.kml', 'kml')).toBe('barriers');
  });

  for (const [format, file] of [
    ['GeoJSON', async () => ({ name: 'roads.geojson', bytes: utf8(geojson('highway')) })],
    ['Shapefile', async () => ({ name: '路网.zip', bytes: await shapefile(), part: 'roads' as const })],
    ['KML', async () => ({ name: '道路.kml', bytes: utf8(kml()) })],
  ] as const) {
    it(`reads ${format}: three lines with OpenStreetMap classes as arterial, local, path`, async () => {
      const loaded = readImportedDataset(await importDataset(tiny([await file()])), DEFAULT_RULES, 2024);
      const roads = loaded.dataset.roads!;
      expect(Array.from(roads.kind)).toEqual([1, 2, 3]);
      expect(Array.from(roads.start)).toEqual([0, 3, 6, 8]);
      expect(roads.coords[2]).toBeCloseTo(118.01, 9);
    });
  }

  it('names the disconnected piece and the pupils who can only reach it', async () => {
    const imported = await importDataset(tiny([{ name: 'roads.geojson', bytes: utf8(geojson('class').replace('"primary"', '"arterial"').replace('"residential"', '"local"').replace('"footway"', '"path"')) }]));
    const loaded = readImportedDataset(imported, DEFAULT_RULES, 2024);
    const pieces = validateImported(imported, loaded, DEFAULT_RULES).items.filter((i): i is RoadPieceItem => i.kind === 'roadPiece');
    // By hand from students.csv and schools.geojson (planar distances, lon × cos 36.01°): h1 (line 11,
    // 118.017 36.017) is 0.0029° from the path and 0.0057° from the north–south street; o1 (line 12,
    // far north-east at 119.5 36.5) is 1.2899° from the path's end and 1.2936° from the east–west road's;
    // school N9 (118.018 36.018) is 0.0016° from the path. Everyone else is nearer the cross roads.
    expect(pieces).toHaveLength(1);
    expect(pieces[0]).toMatchObject({ segments: 1, pupils: 2, lines: [11, 12], schools: [{ id: 'N9', name: '新学校' }] });
    expect(describeValidationItem(pieces[0], 'zh-CN')).toBe('有一段道路（1 段）与路网其余部分不连通：最近道路在此段上的 2 名学生（第 11、12 行）沿道路只能到达此段上的学校：新学校');
    expect(describeValidationItem(pieces[0], 'en')).toBe('A piece of the road network (1 segment(s)) is not joined to the rest: 2 pupil(s) whose nearest road is on it (lines 11, 12) can reach by road only the schools on it: 新学校');
  });

  it('refuses a road that is not a line, a position that is not degrees, or an unknown class, naming the feature', async () => {
    const bad = (features: unknown[]) => importDataset(tiny([{ name: 'roads.geojson', bytes: utf8(JSON.stringify({ type: 'FeatureCollection', features })) }])).then((i) => readImportedDataset(i, DEFAULT_RULES, 2024)).catch((e: DataError) => e);
    const point = await bad([{ type: 'Feature', properties: { class: 'local' }, geometry: { type: 'Point', coordinates: [118, 36] } }]);
    expect((point as DataError).message).toBe('roads.geojson: feature 1: geometry must be a LineString or MultiLineString');
    const far = await bad([{ type: 'Feature', properties: { class: 'local', id: 'R7' }, geometry: { type: 'LineString', coordinates: [[118, 36], [1e308, 36]] } }]);
    expect((far as DataError).message).toContain('feature 1 (id "R7"): line 1: position');
    const cls = await bad([{ type: 'Feature', properties: { class: 'highway-ish' }, geometry: { type: 'LineString', coordinates: [[118, 36], [118.01, 36]] } }]);
    expect((cls as DataError).message).toBe('roads.geojson: feature 1: "class" must be one of motorway, arterial, local, path, got "highway-ish"');
    const short = await bad([{ type: 'Feature', properties: { class: 'local' }, geometry: { type: 'LineString', coordinates: [[118, 36]] } }]);
    expect((short as DataError).message).toBe('roads.geojson: feature 1: line 1 has 1 position(s); a line needs at least 2');
  });

  it('reads barriers as lines or polygon rings with their kind', async () => {
    const barriers = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { kind: '河流', name: '弥河' }, geometry: { type: 'LineString', coordinates: [[118.005, 36.0], [118.005, 36.02]] } },
      { type: 'Feature', properties: { kind: 'railway' }, geometry: { type: 'Polygon', coordinates: [[[118.0, 36.0], [118.001, 36.0], [118.001, 36.001], [118.0, 36.0]]] } },
    ] };
    const loaded = readImportedDataset(await importDataset(tiny([{ name: 'barriers.geojson', bytes: utf8(JSON.stringify(barriers)) }])), DEFAULT_RULES, 2024);
    expect(Array.from(loaded.dataset.barrierLines!.kind)).toEqual([0, 1]);
    expect(loaded.dataset.barrierLines!.name).toEqual(['弥河', '']);
  });
});
