import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { importDataset, readImportedDataset } from '../../src/io/import';
import { pupilsCsv } from '../fixtures/corpus/manyPupils';

const tiny = join(import.meta.dirname, '../fixtures/tiny');

describe('a million pupil rows (made at test time)', () => {
  it('imports them with Chinese headers and grades; every row is loaded or rejected with its line', async () => {
    const progress: number[] = [];
    const imported = await importDataset([
      { name: 'schools.geojson', bytes: new Uint8Array(readFileSync(join(tiny, 'schools.geojson'))) },
      { name: 'catchments.geojson', bytes: new Uint8Array(readFileSync(join(tiny, 'catchments.geojson'))) },
      { name: '学生名单.csv', bytes: pupilsCsv(1_000_000) },
    ], (f) => progress.push(f));
    // The import decodes each file and finds its columns: progress is heard once per file and ends at 1.
    expect(progress).toHaveLength(3);
    expect(progress.at(-1)).toBe(1);
    // The pupils' rows are converted as they are read: progress every 10,000 rows (100 times), rising.
    const reading: [string, number][] = [];
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024, (step, f) => reading.push([step, f]));
    const pupilSteps = reading.filter(([step]) => step === 'students').map(([, f]) => f);
    expect(pupilSteps).toHaveLength(1 + 100);
    expect(pupilSteps.every((f, i) => i === 0 || f > pupilSteps[i - 1])).toBe(true);
    expect(pupilSteps.at(-1)).toBeCloseTo(0.85, 3);
    expect(dataset.rowsRead).toBe(1_000_000);
    expect(dataset.pupils.count).toBe(999_000);
    expect(dataset.rejected).toHaveLength(1_000);
    // Row i = 999 is on line 1001 of 学生名单.csv (the header is line 1).
    expect(dataset.rejected[0]).toMatchObject({ file: '学生名单.csv', line: 1001 });
    expect(dataset.rejected[999].line).toBe(1_000_000 + 1);
    // Grades read from 一年级 … 初三: the first 9 rows are grades 1 to 9.
    const gradeOfLine = new Map<number, number>();
    for (let i = 0; i < dataset.pupils.count; i++) if (dataset.pupils.line[i] <= 10) gradeOfLine.set(dataset.pupils.line[i], dataset.pupils.grade[i]);
    expect([...gradeOfLine].sort((a, b) => a[0] - b[0]).map(([, g]) => g)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  }, 180_000);
});
