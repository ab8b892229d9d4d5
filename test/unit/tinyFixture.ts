import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES } from '../../src/core/rules';
import { readDataset } from '../../src/io/readDataset';

const dir = join(import.meta.dirname, '../fixtures/tiny');

/** The hand-made county of test/fixtures/tiny, loaded with the default rules and base year 2024. */
export function loadTiny() {
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return readDataset({ 'schools.geojson': read('schools.geojson'), 'catchments.geojson': read('catchments.geojson'), 'students.csv': read('students.csv') }, DEFAULT_RULES, 2024).dataset;
}
