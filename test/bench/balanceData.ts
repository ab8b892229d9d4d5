import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES } from '../../src/core/rules';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES, type LoadedDataset } from '../../src/io/readDataset';

/** A dataset folder read with its optional files (units.geojson gives the units' places). */
export function loadDatasetDir(dir: string, baseYear = 2020): LoadedDataset {
  const texts = Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].filter((f) => existsSync(join(dir, f))).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  return readDataset(texts, DEFAULT_RULES, baseYear);
}
