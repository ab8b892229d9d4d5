import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../src/core/dataset';
import type { PupilColumns } from '../../src/core/dataset';
import { computePupilLayout } from '../../src/core/pupilLayout';
import { seededRandom } from '../../src/core/random';
import { DEFAULT_RULES } from '../../src/core/rules';
import { readDataset, REQUIRED_FILES, type LoadedDataset } from '../../src/io/readDataset';

export { seededRandom };

/** The default Shouguang dataset, read from data/shouguang. */
export function loadShouguang(): LoadedDataset {
  const dir = join(import.meta.dirname, '../../data/shouguang');
  const texts = Object.fromEntries(REQUIRED_FILES.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  return readDataset(texts, DEFAULT_RULES, 2020);
}


/**
 * `n` synthetic zoned pupils with the dataset's spatial clustering: each is a real pupil's home
 * jittered by up to ~250 m, in that pupil's unit, with a random grade 1–9. Returns the columns in random (file) order.
 */
export function syntheticPupilColumns(base: Dataset, n: number, seed = 1): PupilColumns {
  const rand = seededRandom(seed);
  const src = base.pupils;
  const cols: PupilColumns = {
    x: new Float64Array(n),
    y: new Float64Array(n),
    grade: new Uint8Array(n),
    fixedSchool: new Int32Array(n).fill(-1),
    currentSchool: new Int32Array(n).fill(-1),
    line: new Uint32Array(n),
    unit: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const j = Math.floor(rand() * src.count);
    cols.x[i] = src.x[j] + (rand() - 0.5) * 0.006;
    cols.y[i] = src.y[j] + (rand() - 0.5) * 0.0045;
    cols.grade[i] = 1 + Math.floor(rand() * 9);
    cols.line[i] = i + 2;
    cols.unit[i] = src.unit[j];
  }
  return cols;
}

/** A copy of the dataset whose pupils are `n` synthetic ones; also returns the layout time in ms. */
export function datasetWithSyntheticPupils(loaded: LoadedDataset, n: number): { dataset: Dataset; columns: PupilColumns; layoutMs: number } {
  const columns = syntheticPupilColumns(loaded.dataset, n);
  const t0 = performance.now();
  const pupils = computePupilLayout(columns, DEFAULT_RULES);
  const layoutMs = performance.now() - t0;
  return { dataset: { ...loaded.dataset, pupils, rowsRead: n, rejected: [], warnings: [] }, columns, layoutMs };
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
