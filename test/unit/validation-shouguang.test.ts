import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeValidationReport, type ValidationInput } from '../../src/core/validation';
import { featuresOf } from '../../src/io/dataError';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { meanWidthM } from '../../src/core/validation/pieces';

const dir = join(import.meta.dirname, '../../data/shouguang');
const texts = Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const { dataset, county } = readDataset(texts, DEFAULT_RULES, 2020);
const input: ValidationInput = {
  schools: dataset.schools,
  zones: featuresOf('catchments.geojson', texts['catchments.geojson']),
  county,
  pupils: dataset.pupils,
  rejected: dataset.rejected,
  warnings: dataset.warnings,
  baseYear: dataset.baseYear,
  rules: DEFAULT_RULES,
};

describe('validation of the Shouguang dataset', () => {
  it('reports nothing: the zones of each level partition the county and every pupil has a zone', () => {
    const report = computeValidationReport(input);
    expect(report.items).toEqual([]);
    expect(report.ignoredOverlaps).toEqual({ primary: { count: 0, areaM2: 0 }, junior: { count: 0, areaM2: 0 } });
  });

  it('without tolerances, finds only slivers a few centimetres wide along the county border, with no pupils', () => {
    // The generator clips the zones to the county and rounds the new vertices to 1e-6°, so where a
    // zone border meets the county border the two outlines part by a few centimetres.
    const strict = computeValidationReport(input, { minAreaM2: 0, minWidthM: 0 });
    const gaps = strict.items.filter((i) => i.kind === 'gap');
    expect(gaps).toHaveLength(strict.items.length);
    expect(gaps.length).toBe(34);
    for (const g of gaps) {
      expect(g.pupils).toBe(0);
      expect(g.areaM2).toBeLessThan(30);
      expect(meanWidthM(g.geometry.coordinates as [number, number][][], g.areaM2)).toBeLessThan(0.05);
    }
  });
});
