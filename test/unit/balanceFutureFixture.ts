import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES } from '../../src/core/rules';
import { readDataset, type DatasetTexts } from '../../src/io/readDataset';

const FIXTURE = join(import.meta.dirname, '../fixtures/projection');

/**
 * The projection fixture (base year 2020) with P1 given 4 rooms and a third unit, U3 (东片, no
 * pupils yet, in P1's zone next to P2's), where 40 children were born in 2015: they enter grade 1
 * in 2021 (30 at P1 and 10 at the private school R, its observed share of 1/4). `withEstate` adds a
 * housing estate without a unit inside U3's cell: 6 primary pupils from 2021, 1 per grade.
 */
export function loadFutureCounty(withEstate = false) {
  const texts: DatasetTexts = {};
  for (const f of readdirSync(FIXTURE)) texts[f as keyof DatasetTexts] = readFileSync(join(FIXTURE, f), 'utf8');
  texts['schools.geojson'] = texts['schools.geojson']!.replace('"classrooms":3', '"classrooms":4');
  texts['units.geojson'] = texts['units.geojson']!.replace(
    /\n\]\}\s*$/,
    ',\n{"type":"Feature","properties":{"id":"U3","name":"东片"},"geometry":{"type":"Point","coordinates":[118.009,36.005]}}\n]}',
  );
  texts['births.csv'] = `${texts['births.csv']!.trimEnd()}\nU3,2015,40\n`;
  // With an estate: 60 households × 0.1 primary pupils from 2021, without a unit, inside U3's cell.
  if (withEstate) texts['housing.csv'] = 'id,name,lon,lat,households,first_year,primary_per_household,junior_per_household,ramp_years\nH1,新苑,118.0095,36.0045,60,2021,0.1,0,1\n';
  return readDataset(texts, DEFAULT_RULES, 2020).dataset;
}
