import { describe, expect, it } from 'vitest';
import { computeValidationReport, describeValidationItem } from '../../src/core/validation';
import { DataError } from '../../src/io/dataError';
import { computeZoneExport } from '../../src/io/export/zonesGeoJson';
import { computeShapefileLayers } from '../../src/io/export/shapefile';
import { importDataset, readImportedDataset } from '../../src/io/import';
import { parseSchools } from '../../src/io/parseSchools';
import { parseZones } from '../../src/io/parseZones';
import { loadShared, SHARED_RULES, sharedTexts } from './sharedFixture';

const schools = parseSchools('schools.geojson', sharedTexts()['schools.geojson']!);
const zonesWith = (sharedId: unknown, extra: Record<string, unknown> = {}) => sharedTexts(sharedId, extra)['catchments.geojson']!;

describe('zone features naming several schools (多校划片)', () => {
  it('reads "A、B", "A,B", "A;B", "A，B" and a school_ids list as the zone A and B share', () => {
    for (const id of ['A、B', 'A,B', 'A;B', ' B ，A ', 'A；B']) {
      const parsed = parseZones('z.geojson', zonesWith(id), schools);
      expect([...parsed.shared.primary.keys()]).toEqual(['0,1']);
      expect(parsed.shared.primary.get('0,1')!.schools).toEqual([0, 1]);
      expect([...parsed.geometry.primary.keys()]).toEqual([0, 1, 2]);
    }
    const listed = parseZones('z.geojson', zonesWith(undefined, { school_ids: ['B', 'A'] }), schools);
    expect(listed.shared.primary.get('0,1')!.polygons).toEqual([[[[118.01, 36.0], [118.02, 36.0], [118.02, 36.01], [118.01, 36.01], [118.01, 36.0]]]]);
    expect(listed.features.features[1].properties).toEqual({ school_id: 'B、A', school_ids: ['B', 'A'], level: 'primary' });
    // A repeated school is one school: a zone of its own.
    const single = parseZones('z.geojson', zonesWith('A、A'), schools);
    expect(single.shared.primary.size).toBe(0);
  });

  it('refuses a feature naming an unknown, private or other-level school, naming it', () => {
    const problem = (id: string) => {
      try {
        parseZones('z.geojson', zonesWith(id), schools);
      } catch (e) {
        return (e as DataError).detail;
      }
      return 'parsed';
    };
    expect(problem('A、Q')).toBe('feature 2 (school_id "A、Q"): school_id "Q" is not in the schools file');
    expect(problem('A、X')).toBe('feature 2 (school_id "A、X"): 现代明德学校 is private and has no zone');
    expect(problem('A、J')).toBe('feature 2 (school_id "A、J"): 圣城中学 (junior) does not teach primary grades');
  });

  it('reads a school id that itself holds a separator as one school', () => {
    const collection = JSON.parse(sharedTexts()['schools.geojson']!);
    collection.features.push({ ...collection.features[0], properties: { ...collection.features[0].properties, id: 'A,B' } });
    const parsed = parseZones('z.geojson', zonesWith('A,B'), parseSchools('s.geojson', JSON.stringify(collection)));
    expect(parsed.shared.primary.size).toBe(0);
    expect([...parsed.geometry.primary.keys()]).toEqual([0, 5, 1, 2]);
  });

  it('loads through the importer from GeoJSON and KML with "A、B"', async () => {
    const texts = sharedTexts();
    const encode = (t: string) => new TextEncoder().encode(t);
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><ExtendedData><Data name="school_id"><value>A、B</value></Data><Data name="level"><value>小学</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>118.01,36 118.02,36 118.02,36.01 118.01,36.01 118.01,36</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
      </Document></kml>`;
    for (const zones of [{ name: '片区.geojson', bytes: encode(texts['catchments.geojson']!) }, { name: '片区.kml', bytes: encode(kml) }]) {
      const imported = await importDataset([
        { name: 'schools.geojson', bytes: encode(texts['schools.geojson']!) },
        { ...zones, part: 'catchments' },
        { name: 'students.csv', bytes: encode(texts['students.csv']!) },
      ]);
      const { dataset } = readImportedDataset(imported, SHARED_RULES, 2024);
      expect(dataset.zoneState.shared.primary.get('0,1')!.schools).toEqual([0, 1]);
    }
  });

  it('reads a names-only KML placemark naming two schools (汇文学校、圣城小学) as their shared zone', async () => {
    const texts = sharedTexts();
    const encode = (t: string) => new TextEncoder().encode(t);
    const placemark = (name: string, x0: number, x1: number) => `<Placemark><name>${name}</name><ExtendedData><Data name="学段"><value>小学</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>${x0},36 ${x1},36 ${x1},36.01 ${x0},36.01 ${x0},36</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
    const kml = (shared: string) => `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      ${placemark('汇文学校', 118.0, 118.01)}${placemark(shared, 118.01, 118.02)}${placemark('圣城小学', 118.02, 118.03)}</Document></kml>`;
    const load = async (shared: string) => {
      const imported = await importDataset([
        { name: 'schools.geojson', bytes: encode(texts['schools.geojson']!) },
        { name: '片区.kml', bytes: encode(kml(shared)), part: 'catchments' },
        { name: 'students.csv', bytes: encode(texts['students.csv']!) },
      ]);
      return readImportedDataset(imported, SHARED_RULES, 2024).dataset;
    };
    const dataset = await load('汇文学校、圣城小学');
    expect([...dataset.zoneState.shared.primary.keys()]).toEqual(['0,1']);
    expect([...dataset.zoneState.zones.primary.keys()]).toEqual([0, 1]);
    await expect(load('汇文学校、第九小学')).rejects.toThrow('片区.kml: feature 2: name "汇文学校、第九小学" names no school of the schools file');
  });

  it('validation takes the shared zone as a zone: no gap, no pupil outside, A and B have a zone', () => {
    const dataset = loadShared();
    const report = computeValidationReport({
      schools: dataset.schools,
      zones: JSON.parse(zonesWith('A、B')).features,
      pupils: dataset.pupils,
      baseYear: 2024,
      rules: SHARED_RULES,
    });
    // Only the junior school, which the fixture leaves without a zone.
    expect(report.items.map((i) => describeValidationItem(i, 'en'))).toEqual(['圣城中学 is a public school teaching junior grades but has no junior zone']);
    const refused = computeValidationReport({ schools: dataset.schools, zones: JSON.parse(zonesWith('A、X')).features, pupils: dataset.pupils, baseYear: 2024, rules: SHARED_RULES });
    expect(refused.items.filter((i) => i.kind === 'zoneReference').map((i) => ({ schools: i.schools, feature: 'feature' in i && i.feature }))).toEqual([
      { schools: [{ id: 'X', name: '现代明德学校' }], feature: 2 },
    ]);
  });

  it('exports the shared zone once, with its school ids and names joined by 、', () => {
    const dataset = loadShared();
    const exported = computeZoneExport(dataset.zoneState, dataset.schools);
    expect(exported.features.map((f) => f.properties)).toEqual([
      { school_id: 'A', name: '汇文学校', level: 'primary' },
      { school_id: 'B', name: '圣城小学', level: 'primary' },
      { school_id: 'C', name: '建桥学校', level: 'primary' },
      { school_id: 'A、B', name: '汇文学校、圣城小学', level: 'primary' },
    ]);
    expect(computeShapefileLayers(dataset.zoneState, dataset.schools)[0].rows[3]).toEqual({ school_id: 'A、B', name: '汇文学校、圣城小学', level: 'primary' });
    // Read back, it is the same shared zone.
    const again = parseZones('z.geojson', JSON.stringify(exported), dataset.schools);
    expect(again.shared.primary.get('0,1')!.polygons).toEqual(dataset.zoneState.shared.primary.get('0,1')!.polygons);
  });
});
