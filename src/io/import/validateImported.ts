import type { Rules } from '../../core/rules';
import { computeValidationReport, type ValidationReport } from '../../core/validation';
import { featuresOf } from '../dataError';
import type { LoadedDataset } from '../readDataset';
import type { ImportedDataset } from './importDataset';

/**
 * The validation report of an imported dataset once read: its zones as the files gave them (before
 * the parser merged or dropped any), the pupils and the rows rejected or flagged, naming the
 * original pupils file. The app's worker and the CLI both call it.
 */
export function validateImported(imported: ImportedDataset, loaded: LoadedDataset, rules: Rules): ValidationReport {
  const d = loaded.dataset;
  return computeValidationReport({
    schools: d.schools,
    zones: featuresOf('catchments.geojson', imported.texts['catchments.geojson'] ?? ''),
    county: loaded.county,
    pupils: d.pupils,
    pupilsFile: imported.sources['students.csv'],
    rejected: d.rejected,
    warnings: d.warnings,
    baseYear: d.baseYear,
    rules,
  });
}
