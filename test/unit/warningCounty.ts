import { DEFAULT_RULES } from '../../src/core/rules';
import { readDataset, type DatasetTexts } from '../../src/io/readDataset';

const square = (x0: number) => [[[x0, 36.0], [x0 + 0.01, 36.0], [x0 + 0.01, 36.01], [x0, 36.01], [x0, 36.0]]];

/**
 * A small county for the warning (base year 2020): primary A (8 rooms, west half, 45 pupils in each
 * grade 1–6, unit UA with births 81 / 85 / 90 in 2015–2017), primary B (12 rooms, east half, 40 per
 * grade, unit UB with 60 births a year, and estate E of 600 households from 2021 over 3 years with
 * 0.3 primary and 0.1 junior pupils per household), junior J (9 rooms, the whole county, 100 per
 * grade 7–9). `extra` adds or replaces files (intake_plan.csv, history.csv).
 */
export function warningCountyTexts(extra: DatasetTexts = {}): DatasetTexts {
  const rows = ['id,lon,lat,grade,school_id,unit_id'];
  let id = 0;
  const add = (school: string, unit: string, x: number, grade: number, count: number) => {
    for (let i = 0; i < count; i++) rows.push(`p${++id},${x},36.005,${grade},${school},${unit}`);
  };
  for (let g = 1; g <= 6; g++) {
    add('A', 'UA', 118.005, g, 45);
    add('B', 'UB', 118.015, g, 40);
  }
  for (let g = 7; g <= 9; g++) add('J', 'UA', 118.005, g, 100);
  const school = (sid: string, level: string, x: number, rooms: number) =>
    `{"type":"Feature","geometry":{"type":"Point","coordinates":[${x},36.005]},"properties":{"id":"${sid}","name":"${sid}校","level":"${level}","ownership":"public","classrooms":${rooms}}}`;
  const zone = (sid: string, level: string, coordinates: unknown) => ({ type: 'Feature', properties: { school_id: sid, level }, geometry: { type: 'Polygon', coordinates } });
  return {
    'dataset.json': '{"name":"预警测试县","baseYear":2020}',
    'schools.geojson': `{"type":"FeatureCollection","features":[${[school('A', 'primary', 118.004, 8), school('B', 'primary', 118.014, 12), school('J', 'junior', 118.01, 9)].join(',')}]}`,
    'catchments.geojson': JSON.stringify({ type: 'FeatureCollection', features: [zone('A', 'primary', square(118.0)), zone('B', 'primary', square(118.01)), zone('J', 'junior', [[[118.0, 36.0], [118.02, 36.0], [118.02, 36.01], [118.0, 36.01], [118.0, 36.0]]])] }),
    'units.geojson': '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"UA","name":"西村"},"geometry":{"type":"Point","coordinates":[118.005,36.005]}},{"type":"Feature","properties":{"id":"UB","name":"东村"},"geometry":{"type":"Point","coordinates":[118.015,36.005]}}]}',
    'students.csv': `${rows.join('\n')}\n`,
    'births.csv': 'unit_id,year,births\nUA,2015,81\nUA,2016,85\nUA,2017,90\nUB,2015,60\nUB,2016,60\nUB,2017,60\n',
    'housing.csv': 'id,name,lon,lat,households,first_year,primary_per_household,junior_per_household,ramp_years\nE,东苑,118.016,36.006,600,2021,0.3,0.1,3\n',
    ...extra,
  };
}

/** The county of warningCountyTexts, read. */
export function warningCounty(extra: DatasetTexts = {}) {
  return readDataset(warningCountyTexts(extra), DEFAULT_RULES, 2020).dataset;
}
